/**
 * Explore's entry to Train: a labelled file on screen becomes Train's data source (the same File
 * handles and the same choice of arrays or columns), and Train opens to build a run on it.
 */
import { trainOnFiles } from '../../state/trainOnFiles';
import type { DatasetSource } from '../../workers/analysisProtocol';
import { ModeLinkButton } from '../ModeLinkButton';

export function TrainOnFileButton({ source, classes }: { source: DatasetSource; classes: number | null }) {
  if (source.kind !== 'files' || !classes || classes < 2) return null;
  const files = [source.vectors, ...(source.metadata ? [source.metadata] : [])];
  return (
    <ModeLinkButton
      mode="train"
      testId="explore-train-on-file"
      title="Train a small network on this file's rows and labels (standardised, split train/test with the data seed)"
      handOver={() => trainOnFiles(files.map((file) => ({ file, path: file.name })), source.choice)}
    >
      Train on this file…
    </ModeLinkButton>
  );
}
