/** The <option>s of a select, one per item: its value and its text read off the item (the text defaults to the value). */
import type { ReactNode } from 'react';

export function OptionList<T>({ items, value, label }: { items: readonly T[]; value: (item: T) => string | number; label?: (item: T) => ReactNode }) {
  return (
    <>
      {items.map((item) => {
        const v = value(item);
        return (
          <option key={v} value={v}>
            {label ? label(item) : v}
          </option>
        );
      })}
    </>
  );
}
