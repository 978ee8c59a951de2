/**
 * Keeps the file the user opened: every file (or file pair) that loads successfully in Explore is
 * written to browser storage (keptFile.ts), and the first load opens the kept one when the address
 * names no `?data=`.
 */
import { setKeptOpener, useAnalysisStore } from '../state/appStore';
import { keepFiles, readKeptFiles } from './keptFile';

let reopened: File | null = null;

/** Starts keeping opened files and lets the first load reopen the kept one. */
export function startKeptFileSync(): void {
  setKeptOpener(async () => {
    const kept = await readKeptFiles();
    if (!kept) return false;
    reopened = kept.vectors;
    useAnalysisStore.getState().run({ kind: 'files', name: kept.vectors.name, vectors: kept.vectors, metadata: kept.metadata });
    return true;
  });
  useAnalysisStore.subscribe((s, p) => {
    const src = s.shownSource;
    // A Projector config with its companion files is not kept: the kept pair could not reopen it.
    if (src === p.shownSource || !src || src.kind !== 'files' || src.vectors === reopened || src.companions) return;
    void keepFiles({ vectors: src.vectors, metadata: src.metadata });
  });
}
