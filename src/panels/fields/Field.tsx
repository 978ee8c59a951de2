/**
 * What every field of the form kit shares: a label (with its help, the formula or what the setting
 * does) around one control, in one of two looks. 'column': Train's settings column, one field a
 * row, the help as a hover tip, the value beside the label. 'grid': Landscape's two-column grid of
 * small fields, the help as the field's title.
 */
import type { ReactNode } from 'react';
import { Tip } from '../Tip';

export type FieldLook = 'column' | 'grid';

export interface FieldCommon {
  label: string;
  /** What the setting does. */
  help?: string;
  testId: string;
  disabled?: boolean;
  /** Default 'column'. */
  look?: FieldLook;
}

/** The label text, as a tip host when there is help. */
export function LabelText({ label, help }: { label: string; help?: string }) {
  return help ? (
    <Tip tip={help} placement="left">
      {label}
    </Tip>
  ) : (
    label
  );
}

/** The label row of a 'column' field: its text and, right-aligned, the current value. */
export function ColumnLabel({ label, help, value }: { label: string; help?: string; value?: ReactNode }) {
  return (
    <span className="train-field-label">
      <LabelText label={label} help={help} />
      {value !== undefined ? <span className="control-value">{value}</span> : null}
    </span>
  );
}

/** A <label> holding the label and the control, in the field's look. */
export function FieldShell({ label, help, look = 'column', value, inline = false, children }: { label: string; help?: string; look?: FieldLook; value?: ReactNode; inline?: boolean; children: ReactNode }) {
  if (look === 'grid') {
    return (
      <label className="ls-field" title={help}>
        <span>{label}</span>
        {children}
      </label>
    );
  }
  return (
    <label className={inline ? 'train-field train-field-inline' : 'train-field'}>
      <ColumnLabel label={label} help={help} value={value} />
      {children}
    </label>
  );
}
