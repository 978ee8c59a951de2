/** Explore's entry to Compare: the data on screen becomes A, and Compare opens for the second file. */
import { exploreSide, useCompareStore } from '../../state/compareStore';
import { useModeStore } from '../../state/modeStore';
import type { DatasetSource } from '../../workers/analysisProtocol';

export function ExploreCompareButton({ source }: { source: DatasetSource }) {
  return (
    <button
      type="button"
      className="link-button"
      data-testid="explore-compare"
      title="Open Compare with this data as A, then choose B"
      onClick={() => {
        useCompareStore.getState().setSide('A', exploreSide(source));
        useModeStore.getState().setMode('compare');
      }}
    >
      Compare with another file…
    </button>
  );
}
