/**
 * Train's own-data controls: choose a labelled table or array file (with an optional labels
 * file), a zip of images in class folders, or a folder of them; how many rows are kept; and what
 * the run made of the file (rows, features, classes, sample, split, standardisation).
 */
import { useRef, type ChangeEvent } from 'react';
import { FILE_ROW_LIMIT, rowsKept } from '../../datasets/userData';
import { IMAGE_SIDE } from '../../datasets/images';
import { ACCEPT } from '../../state/files';
import { trainOnFiles } from '../../state/trainOnFiles';
import { useTrainingStore } from '../../state/trainingStore';
import { SliderField } from '../fields/ChoiceFields';
import { formatBytes } from '../../format';

const count = (n: number) => n.toLocaleString('en-US');

function picked(e: ChangeEvent<HTMLInputElement>): void {
  const files = Array.from(e.target.files ?? []);
  e.target.value = '';
  if (files.length > 0) trainOnFiles(files.map((file) => ({ file, path: file.webkitRelativePath || file.name })));
}

/** What the current run made of the file, in one note. */
function FileSummary() {
  const source = useTrainingStore((s) => s.config.data.source);
  const info = useTrainingStore((s) => s.info);
  const seed = useTrainingStore((s) => s.config.data.seed);
  const status = useTrainingStore((s) => s.status);
  if (source.kind !== 'file' || !source.name) return null;
  const file = info?.file;
  if (!file || file.hash !== source.hash || status === 'building') {
    return (
      <p className="chart-note" data-testid="train-file-summary">
        {source.name} ({formatBytes(source.size)}){source.rows > 0 ? `, ${count(source.rows)} rows` : ''}
        {status === 'error' ? ': not read (see the message beside).' : ': read in the training worker as the run builds.'}
      </p>
    );
  }
  const kept = Math.min(file.rows, rowsKept(file.limit, info.inputDim));
  const images = file.images ? ` (images resized to ${IMAGE_SIDE} x ${IMAGE_SIDE} grey, decoded once and kept in this browser)` : '';
  return (
    <p className="chart-note" data-testid="train-file-summary" data-rows={file.rows} data-kept={kept} data-train={info.trainRows} data-test={info.testRows} data-hash={file.hash}>
      {file.name}: {count(file.rows)} labelled rows, {info.inputDim} features{images}, {file.classes} classes (from its labels).{' '}
      {kept < file.rows ? `Training uses a seeded sample of ${count(kept)} rows (data seed ${seed}). ` : ''}
      Split {count(info.trainRows)} train / {count(info.testRows)} test (stratified, data seed {seed}); every feature is standardised by the training rows&apos; mean and
      std. Content hash {file.hash}.
    </p>
  );
}

export function FileSourceControls() {
  const source = useTrainingStore((s) => s.config.data.source);
  const edit = useTrainingStore((s) => s.edit);
  const file = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  if (source.kind !== 'file') return null;
  return (
    <div className="train-file" data-testid="train-file">
      <div className="button-row">
        <button type="button" data-testid="train-file-open" onClick={() => file.current?.click()}>
          Choose a file…
        </button>
        <button type="button" data-testid="train-folder-open" onClick={() => folder.current?.click()}>
          Choose a folder…
        </button>
        <input ref={file} type="file" multiple accept={`${ACCEPT},.zip,.png,.jpg,.jpeg`} data-testid="train-file-input" onChange={picked} hidden />
        <input ref={folder} type="file" data-testid="train-folder-input" onChange={picked} hidden {...{ webkitdirectory: '' }} />
      </div>
      <p className="chart-note">
        A labelled embedding or table file (with its labels file if separate), or PNG/JPEG images in one folder per class (a folder or a .zip). It stays on this
        machine; the link names it by its content hash.
      </p>
      <SliderField
        label="rows kept"
        help="Most rows trained on: a larger file is sampled (uniformly, seeded by the data seed). Rows x features is also capped at 8 million values."
        testId="train-file-limit"
        value={source.limit}
        min={500}
        max={FILE_ROW_LIMIT.max}
        step={500}
        format={(v) => count(v)}
        onChange={(v) => edit((c) => (c.data.source.kind === 'file' ? { ...c, data: { ...c.data, source: { ...c.data.source, limit: v } } } : c))}
      />
      <FileSummary />
    </div>
  );
}
