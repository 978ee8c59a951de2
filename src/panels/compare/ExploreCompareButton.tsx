/** Explore's entry to Compare: the data on screen becomes A, and Compare opens for the second file. */
import { exploreSide, useCompareStore } from '../../state/compareStore';
import type { DatasetSource } from '../../workers/analysisProtocol';
import { ModeLinkButton } from '../ModeLinkButton';

export function ExploreCompareButton({ source }: { source: DatasetSource }) {
  return (
    <ModeLinkButton
      mode="compare"
      testId="explore-compare"
      title="Open Compare with this data as A, then choose B"
      handOver={() => useCompareStore.getState().setSide('A', exploreSide(source))}
    >
      Compare with another file…
    </ModeLinkButton>
  );
}
