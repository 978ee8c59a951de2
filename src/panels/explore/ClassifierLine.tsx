/**
 * The final-layer classifier under the collapse metrics: a button that loads W and b (two .npy
 * files, or one .npz/.safetensors holding both) for NC3 and NC4, and, once loaded, where each came
 * from, that b = 0 was used when no bias was found, and a button to drop it.
 */
import { useRef } from 'react';
import { analyzeWithClassifier, useAnalysisStore } from '../../state/appStore';
import { HiddenFileInput } from '../fields/HiddenFileInput';

/** The file input's accept list: the formats io/classifier.ts reads. */
const ACCEPT = '.npy,.npz,.safetensors,.gz';

export function ClassifierLine() {
  const input = useRef<HTMLInputElement>(null);
  const classifier = useAnalysisStore((s) => s.classifier);
  const classes = useAnalysisStore((s) => s.report?.classes ?? null);
  const source = useAnalysisStore((s) => s.shownSource);
  if (classes === null || !source || (source.kind !== 'files' && source.kind !== 'url')) return null;
  const picker = <HiddenFileInput inputRef={input} accept={ACCEPT} testId="classifier-input" onFiles={analyzeWithClassifier} />;
  return (
    <p className="metric-note" data-testid="classifier-line">
      {classifier ? (
        <>
          <span data-testid="classifier-source">
            Classifier W from {classifier.weightsFrom}, {classifier.biasFrom ? `b from ${classifier.biasFrom}` : 'b = 0 was used (no bias was found)'}.
          </span>{' '}
          <button type="button" className="link-button" onClick={() => input.current?.click()}>
            other…
          </button>{' '}
          <button type="button" className="link-button" onClick={() => analyzeWithClassifier([])} data-testid="classifier-remove">
            remove
          </button>
        </>
      ) : (
        <>
          NC3 and NC4 need the final-layer classifier W ({classes} × D) and its bias b:{' '}
          <button type="button" className="link-button" onClick={() => input.current?.click()} data-testid="classifier-load">
            load W and b…
          </button>{' '}
          (two .npy files, or one .npz or .safetensors holding both)
        </>
      )}
      {picker}
    </p>
  );
}
