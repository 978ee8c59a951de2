/**
 * Loading data: a file picker (one embeddings file, optionally with a labels/metadata file), the
 * examples, and the current file's choices (arrays or columns) with a button to change them.
 */
import { useRef } from 'react';
import { analyzeDemo, analyzeFiles, useAnalysisStore } from '../../state/appStore';
import { DEMO_DATASETS } from '../../state/datasets';
import { KeptFileBar } from '../share/KeptFileBar';
import { ACCEPT, pairFiles, projectorDrop } from '../../state/files';
import { useUiStore } from '../../state/uiStore';
import { TrainOnFileButton } from './TrainOnFileButton';
import { ExploreCompareButton } from '../compare/ExploreCompareButton';
import { HiddenFileInput } from '../fields/HiddenFileInput';
import { usePick } from '../../views/usePick';
import { OptionList } from '../fields/OptionList';

/** Loads the files a user chose or dropped (one embeddings file, optionally one metadata file). */
export function loadFiles(list: FileList | readonly File[]): void {
  const files = Array.from(list);
  const projector = projectorDrop(files);
  if (projector) return analyzeFiles(projector.config, undefined, projector.companions);
  const pair = pairFiles(files);
  if ('error' in pair) {
    useAnalysisStore.getState().reportError({ kind: 'input', problem: pair.error, fix: 'Drop or choose the vectors file, plus its labels/metadata file if it has one.', source: 'files' });
    return;
  }
  analyzeFiles(pair.vectors, pair.metadata);
}

function choiceSummary(c: ReturnType<typeof useAnalysisStore.getState>['choices']): string {
  if (!c) return '';
  if (c.metadata) return `${c.kind === 'npz' ? `vectors: ${c.chosen.vectors ?? '?'} · ` : ''}labels: ${c.metadata.file} column ${c.chosen.metaLabelColumn ?? '?'}`;
  if (c.kind === 'npz' || c.kind === 'hdf5' || c.kind === 'torch') return `vectors: ${c.chosen.vectors ?? '?'} · labels: ${c.chosen.labelsArray || 'none'}`;
  if (c.kind === 'projector') return `embedding: ${c.chosen.vectors ?? '?'}${c.sprite ? ' · sprite thumbnails' : ''}`;
  if (c.kind === 'bytes') return `raw float32, ${c.chosen.dim ?? '?'} values per point`;
  const cols = c.chosen.columns ?? [];
  return `${cols.length} vector column${cols.length === 1 ? '' : 's'} · label: ${c.chosen.labelColumn || 'none'}`;
}

export function DataSection() {
  const input = useRef<HTMLInputElement>(null);
  const { shownSource: shown, dataset, choices } = usePick(useAnalysisStore, 'shownSource', 'dataset', 'choices');
  const nonFinite = useAnalysisStore((s) => s.report?.skipped.nonFinite ?? 0);
  const classes = useAnalysisStore((s) => s.report?.classes ?? null);
  const openChoices = useUiStore((s) => s.openChoices);
  const demo = shown && shown.kind !== 'files' ? DEMO_DATASETS.find((d) => d.id === shown.name) : undefined;
  return (
    <div className="control">
      <div className="control-label">Data</div>
      <div className="load-row">
        <button type="button" className="primary-button" onClick={() => input.current?.click()} data-testid="open-files">
          Open files…
        </button>
        <span className="load-or">or drop them anywhere</span>
      </div>
      <HiddenFileInput inputRef={input} accept={ACCEPT} testId="file-input" onFiles={loadFiles} />
      <label className="example-row">
        <span>Example</span>
        <select
          aria-label="Load an example"
          data-testid="dataset-select"
          value={demo?.id ?? ''}
          onChange={(e) => e.target.value && analyzeDemo(e.target.value)}
        >
          <option value="" disabled>
            Examples…
          </option>
          <OptionList items={DEMO_DATASETS} value={(d) => d.id} label={(d) => d.label} />
        </select>
      </label>
      <p className="control-note">
        .npy, .npz, .csv/.tsv, .json/.jsonl, .parquet, .safetensors, .h5, .pt, .arrow/.feather, or a Projector config with its .bytes, metadata and sprite, plus an optional labels or metadata file (choose or drop them together).
      </p>
      {dataset ? (
        <div className="current-data" data-testid="current-data">
          <strong className="current-name" title={demo ? demo.label : dataset}>{demo ? demo.label : dataset}</strong>
          {demo ? <p className="control-note">{demo.description}</p> : null}
          {demo ? <p className="control-credit">{demo.credit}</p> : null}
          {nonFinite > 0 ? (
            <p className="control-warn" data-testid="skipped-note">
              {nonFinite.toLocaleString('en-US')} row{nonFinite === 1 ? '' : 's'} with NaN or Infinity skipped (not plotted, not in any metric).
            </p>
          ) : null}
          {choices ? (
            <p className="control-note">
              {choiceSummary(choices)}{' '}
              <button type="button" className="link-button" onClick={() => openChoices()} data-testid="change-choices">
                change…
              </button>
            </p>
          ) : null}
          {shown ? <ExploreCompareButton source={shown} /> : null}
          {shown ? <TrainOnFileButton source={shown} classes={classes} /> : null}
        </div>
      ) : null}
      <KeptFileBar />
    </div>
  );
}
