/**
 * Explore's entry to Train: a labelled file on screen becomes Train's data source (the same File
 * handles and the same choice of arrays or columns), and Train opens to build a run on it.
 */
import { useModeStore } from '../../state/modeStore';
import { trainOnFiles } from '../../state/trainOnFiles';
import type { DatasetSource } from '../../workers/analysisProtocol';

export function TrainOnFileButton({ source, classes }: { source: DatasetSource; classes: number | null }) {
  if (source.kind !== 'files' || !classes || classes < 2) return null;
  const files = [source.vectors, ...(source.metadata ? [source.metadata] : [])];
  return (
    <button
      type="button"
      className="link-button"
      data-testid="explore-train-on-file"
      title="Train a small network on this file's rows and labels (standardised, split train/test with the data seed)"
      onClick={() => {
        trainOnFiles(files.map((file) => ({ file, path: file.name })), source.choice);
        useModeStore.getState().setMode('train');
      }}
    >
      Train on this file…
    </button>
  );
}
