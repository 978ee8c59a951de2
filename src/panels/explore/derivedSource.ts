/** Datasets made from the one on screen (a re-analysed selection, a clustering) and the source they all came from. */
import type { DatasetSource } from '../../workers/analysisProtocol';

/** The loaded source a chain of derived datasets started from. */
export function rootOf(s: DatasetSource): DatasetSource {
  return s.kind === 'rows' || s.kind === 'clusters' ? rootOf(s.parent) : s;
}

/** Whether s was made from another dataset (not loaded). */
export function isDerived(s: DatasetSource | null): boolean {
  return s !== null && (s.kind === 'rows' || s.kind === 'clusters');
}
