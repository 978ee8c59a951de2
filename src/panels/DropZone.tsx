/**
 * Drag-and-drop anywhere on the page: while files are dragged over the window an overlay says what
 * can be dropped; dropping one embeddings file (and optionally its labels/metadata file) loads it.
 */
import { useEffect, useState } from 'react';
import { loadFiles } from './explore/DataSection';
import { useModeStore } from '../state/modeStore';
import { trainOnFiles } from '../state/trainOnFiles';
import { droppedFiles } from './train/droppedFiles';
import { listen } from '../views/listen';

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

export function DropZone() {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const overFn = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const files = e.dataTransfer?.files;
      // In Train a drop is the data to train on (a folder of images is walked); elsewhere Explore loads it.
      if (e.dataTransfer && useModeStore.getState().mode === 'train') void droppedFiles(e.dataTransfer).then((f) => f.length > 0 && trainOnFiles(f));
      else if (files && files.length > 0) loadFiles(files);
    };
    return listen(window, { dragenter: enter, dragover: overFn, dragleave: leave, drop });
  }, []);
  const train = useModeStore((s) => s.mode === 'train');
  if (!over) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay">
      <div className="drop-card">
        <strong>{train ? 'Drop to train on it' : 'Drop to load'}</strong>
        <p>
          One embeddings file (.npy, .npz, .csv, .tsv, .json, .jsonl, .parquet, .safetensors, .h5, .pt, .arrow, .feather), plus optionally its labels or metadata file
          {train ? '; or a folder (or .zip) of PNG/JPEG images in one folder per class.' : '; or a projector_config.json with the files it names.'}
        </p>
      </div>
    </div>
  );
}
