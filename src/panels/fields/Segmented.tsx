/** A row of buttons of which one is pressed (the app's segmented choice), with or without a field label. */
import type { ReactNode } from 'react';

export interface SegmentOption<T> {
  value: T;
  label: ReactNode;
  title?: string;
  disabled?: boolean;
  testId?: string;
}

interface Props<T> {
  /** The pressed option (none when undefined). */
  value: T | undefined;
  options: readonly SegmentOption<T>[];
  onChange: (v: T) => void;
  /** Extra classes beside "segmented" (segmented-small, segmented-5 ...). */
  className?: string;
  /** Names the group for assistive technology (role="group"). */
  ariaLabel?: string;
  testId?: string;
  disabled?: boolean;
}

export function Segmented<T extends string | number>({ value, options, onChange, className, ariaLabel, testId, disabled }: Props<T>) {
  return (
    <div className={className ? `segmented ${className}` : 'segmented'} role={ariaLabel ? 'group' : undefined} aria-label={ariaLabel} data-testid={testId}>
      {options.map((o) => (
        <button key={o.value} type="button" aria-pressed={o.value === value} disabled={disabled || o.disabled} title={o.title} data-testid={o.testId} onClick={() => onChange(o.value)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}
