/**
 * A settings panel as a table of field descriptors over one settings object, drawn by one loop:
 * each row is a slider, a select or a segmented choice (ChoiceFields.tsx), or a pair of them side by
 * side; a row's `when` hides it for some settings. Options and a slider's max may depend on the
 * settings (e.g. the minority classes run to K).
 */
import type { ReactNode } from 'react';
import { SegmentedField, SelectField, SliderField } from './ChoiceFields';

interface SpecCommon<C> {
  label: string;
  help: string;
  testId: string;
  /** Shown only when this holds (default: always). */
  when?: (c: C) => boolean;
}

type NumberKey<C> = { [K in keyof C]: C[K] extends number ? K : never }[keyof C];

/** A range slider over a numeric field. */
export type SliderSpec<C> = SpecCommon<C> & {
  kind: 'slider';
  key: NumberKey<C>;
  min: number;
  max: number | ((c: C) => number);
  step: number;
  format?: (v: number) => string;
};

/** A select over the field's fixed choices. */
type SelectSpec<C> = {
  [K in keyof C]: C[K] extends string | number
    ? SpecCommon<C> & { kind: 'select'; key: K; options: readonly C[K][] | ((c: C) => readonly C[K][]); format?: (v: C[K]) => string }
    : never;
}[keyof C];

/** A segmented choice over a string field. */
type SegmentedSpec<C> = {
  [K in keyof C]: C[K] extends string ? SpecCommon<C> & { kind: 'segmented'; key: K; options: readonly { value: C[K]; label: string }[] } : never;
}[keyof C];

export type FieldSpec<C> = SliderSpec<C> | SelectSpec<C> | SegmentedSpec<C>;

/** A seed slider over 1..50 (the Train panels' seeds). */
export function seedSlider<C>(key: NumberKey<C>, label: string, testId: string, help: string): SliderSpec<C> {
  return { kind: 'slider', key, label, testId, min: 1, max: 50, step: 1, help };
}

/** One row: a field, or two fields side by side. */
export type FieldRow<C> = FieldSpec<C> | { pair: readonly [FieldSpec<C>, FieldSpec<C>] };

interface Props<C> {
  rows: readonly FieldRow<C>[];
  values: C;
  onChange: (patch: Partial<C>) => void;
}

/** The rows over `values`; a change sends `{ [key]: value }`. */
export function FieldRows<C>({ rows, values, onChange }: Props<C>) {
  const field = (s: FieldSpec<C>): ReactNode => {
    if (s.when && !s.when(values)) return null;
    const set = (v: unknown) => onChange({ [s.key]: v } as Partial<C>);
    const common = { label: s.label, help: s.help, testId: s.testId, onChange: set };
    if (s.kind === 'slider') {
      const max = typeof s.max === 'function' ? s.max(values) : s.max;
      return <SliderField key={s.testId} {...common} value={values[s.key] as number} min={s.min} max={max} step={s.step} format={s.format} />;
    }
    const value = values[s.key] as string | number;
    if (s.kind === 'segmented') {
      return <SegmentedField key={s.testId} {...common} value={value as string} options={s.options as readonly { value: string; label: string }[]} />;
    }
    const options = (typeof s.options === 'function' ? s.options(values) : s.options) as readonly (string | number)[];
    return <SelectField key={s.testId} {...common} value={value} options={options} format={s.format as ((v: string | number) => string) | undefined} />;
  };
  return (
    <>
      {rows.map((r) =>
        'pair' in r ? (
          <div className="train-pair" key={r.pair[0].testId}>
            {field(r.pair[0])}
            {field(r.pair[1])}
          </div>
        ) : (
          field(r)
        ),
      )}
    </>
  );
}
