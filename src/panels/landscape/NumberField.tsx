/** A labelled number input that keeps what is typed and commits only values that pass `valid`. */
import { useState } from 'react';

interface Props {
  label: string;
  value: number;
  onCommit: (v: number) => void;
  /** Accepts a parsed value (default: finite and > 0). */
  valid?: (v: number) => boolean;
  step?: number | 'any';
  testId: string;
  title?: string;
}

export function NumberField({ label, value, onCommit, valid = (v) => Number.isFinite(v) && v > 0, step = 'any', testId, title }: Props) {
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(String(value));
  }
  const ok = text.trim() !== '' && valid(Number(text));
  return (
    <label className="ls-field" title={title}>
      <span>{label}</span>
      <input
        type="number"
        step={step}
        value={text}
        aria-invalid={!ok}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          const v = Number(e.target.value);
          if (e.target.value.trim() !== '' && valid(v)) {
            setShown(v);
            onCommit(v);
          }
        }}
      />
    </label>
  );
}
