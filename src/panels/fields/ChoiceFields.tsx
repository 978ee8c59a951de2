/**
 * Fields over fixed choices: a slider with its value, a select, a segmented choice and a checkbox.
 * Each shows its value and what the setting does (Field.tsx: the two looks).
 */
import { FieldShell, ColumnLabel, LabelText, type FieldCommon } from './Field';
import { Segmented } from './Segmented';
import { Hideable } from './Hideable';
import { OptionList } from './OptionList';

/** A range slider over [min, max] in steps of `step`; `format` prints the value. */
export function SliderField(p: FieldCommon & { value: number; min: number; max: number; step: number; onChange: (v: number) => void; format?: (v: number) => string }) {
  return (
    <Hideable testId={p.testId}>
    <FieldShell label={p.label} help={p.help} look={p.look} value={p.format ? p.format(p.value) : String(p.value)}>
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
    </FieldShell>
    </Hideable>
  );
}

/** A select over fixed numeric or string choices; the current value is added when it is not among them. */
export function SelectField<T extends string | number>(p: FieldCommon & { value: T; options: readonly T[]; onChange: (v: T) => void; format?: (v: T) => string }) {
  const options = p.options.includes(p.value) ? p.options : [...p.options, p.value];
  const fmt = p.format ?? ((v: T) => String(v));
  return (
    <Hideable testId={p.testId}>
    <FieldShell label={p.label} help={p.help} look={p.look} inline>
      <select
        value={String(p.value)}
        disabled={p.disabled}
        data-testid={p.testId}
        onChange={(e) => {
          const picked = options.find((o) => String(o) === e.target.value);
          if (picked !== undefined) p.onChange(picked);
        }}
      >
        <OptionList items={options} value={(o) => String(o)} label={(o) => fmt(o)} />
      </select>
    </FieldShell>
    </Hideable>
  );
}

/** A labelled segmented choice; button `v` has data-testid `${testId}-${v}` and its option's title. */
export function SegmentedField<T extends string>(p: FieldCommon & { value: T; options: readonly { value: T; label: string; title?: string }[]; onChange: (v: T) => void; ariaLabel?: string }) {
  const options = p.options.map((o) => ({ ...o, testId: `${p.testId}-${o.value}` }));
  if (p.look === 'grid') {
    return (
      <Hideable testId={p.testId}>
        <div className="ls-field">
          <span>{p.label}</span>
          <Segmented value={p.value} options={options} onChange={p.onChange} ariaLabel={p.ariaLabel ?? p.label} testId={p.testId} disabled={p.disabled} />
        </div>
      </Hideable>
    );
  }
  return (
    <Hideable testId={p.testId}>
      <div className="train-field" role="group" aria-label={p.ariaLabel ?? p.label}>
        <ColumnLabel label={p.label} help={p.help} />
        <Segmented value={p.value} options={options} onChange={p.onChange} className="segmented-small" testId={p.testId} disabled={p.disabled} />
      </div>
    </Hideable>
  );
}

/** A checkbox with its label. */
export function CheckField(p: FieldCommon & { checked: boolean; onChange: (v: boolean) => void }) {
  const box = <input type="checkbox" checked={p.checked} disabled={p.disabled} data-testid={p.testId} onChange={(e) => p.onChange(e.target.checked)} />;
  if (p.look === 'grid') {
    return (
      <Hideable testId={p.testId}>
        <label className="check ls-check" title={p.help}>
          {box}
          {p.label}
        </label>
      </Hideable>
    );
  }
  return (
    <Hideable testId={p.testId}>
      <label className="check train-check">
        {box}
        <LabelText label={p.label} help={p.help} />
      </label>
    </Hideable>
  );
}
