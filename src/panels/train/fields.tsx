/**
 * The small form controls of Train mode's settings: a labelled slider with its value, a labelled
 * select over fixed choices, a segmented choice and a checkbox. Each shows its value and, on hover,
 * what the setting does.
 */
import type { ReactNode } from 'react';
import { Tip } from './Tip';

interface Common {
  label: string;
  /** What the setting does (tooltip). */
  help?: string;
  testId: string;
  disabled?: boolean;
}

function Label({ label, help, value }: { label: string; help?: string; value?: ReactNode }) {
  return (
    <span className="train-field-label">
      {help ? <Tip tip={help} placement="left">{label}</Tip> : label}
      {value !== undefined ? <span className="control-value">{value}</span> : null}
    </span>
  );
}

/** A range slider over [min, max] in steps of `step`; `format` prints the value. */
export function SliderField(p: Common & { value: number; min: number; max: number; step: number; onChange: (v: number) => void; format?: (v: number) => string }) {
  return (
    <label className="train-field">
      <Label label={p.label} help={p.help} value={p.format ? p.format(p.value) : String(p.value)} />
      <input
        type="range"
        min={p.min}
        max={p.max}
        step={p.step}
        value={p.value}
        disabled={p.disabled}
        data-testid={p.testId}
        onChange={(e) => p.onChange(Number(e.target.value))}
      />
    </label>
  );
}

/** A select over fixed numeric or string choices; the current value is added when it is not among them. */
export function SelectField<T extends string | number>(p: Common & { value: T; options: readonly T[]; onChange: (v: T) => void; format?: (v: T) => string }) {
  const options = p.options.includes(p.value) ? p.options : [...p.options, p.value];
  const fmt = p.format ?? ((v: T) => String(v));
  return (
    <label className="train-field train-field-inline">
      <Label label={p.label} help={p.help} />
      <select
        value={String(p.value)}
        disabled={p.disabled}
        data-testid={p.testId}
        onChange={(e) => {
          const picked = options.find((o) => String(o) === e.target.value);
          if (picked !== undefined) p.onChange(picked);
        }}
      >
        {options.map((o) => (
          <option key={String(o)} value={String(o)}>
            {fmt(o)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A row of buttons, one pressed. */
export function SegmentedField<T extends string>(p: Common & { value: T; options: readonly { value: T; label: string }[]; onChange: (v: T) => void }) {
  return (
    <div className="train-field" role="group" aria-label={p.label}>
      <Label label={p.label} help={p.help} />
      <div className="segmented segmented-small" data-testid={p.testId}>
        {p.options.map((o) => (
          <button key={o.value} type="button" aria-pressed={o.value === p.value} disabled={p.disabled} onClick={() => p.onChange(o.value)}>
            {o.label}
          </button>
        ))}
      </div>
    </div>
  );
}

/** A checkbox with its label. */
export function CheckField(p: Common & { checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="check train-check">
      <input type="checkbox" checked={p.checked} disabled={p.disabled} data-testid={p.testId} onChange={(e) => p.onChange(e.target.checked)} />
      {p.help ? <Tip tip={p.help} placement="left">{p.label}</Tip> : p.label}
    </label>
  );
}
