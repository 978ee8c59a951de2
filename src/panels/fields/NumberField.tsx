/** A typed number field that keeps what is typed and commits only values that pass `valid`. */
import { useState } from 'react';
import { Hideable } from './Hideable';
import { FieldShell, type FieldCommon } from './Field';

interface Props extends FieldCommon {
  value: number;
  onCommit: (v: number) => void;
  /** Accepts a parsed value (default: finite and > 0). */
  valid?: (v: number) => boolean;
  step?: number | 'any';
}

/** Integers in [lo, hi], for `valid`. */
export const isInt = (lo: number, hi: number) => (v: number) => Number.isInteger(v) && v >= lo && v <= hi;

export function NumberField({ label, help, look, value, onCommit, valid = (v) => Number.isFinite(v) && v > 0, step = 'any', testId, disabled }: Props) {
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(String(value));
  }
  const ok = text.trim() !== '' && valid(Number(text));
  return (
    <Hideable testId={testId}>
    <FieldShell label={label} help={help} look={look}>
      <input
        type="number"
        step={step}
        value={text}
        disabled={disabled}
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
    </FieldShell>
    </Hideable>
  );
}
