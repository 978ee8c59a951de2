/**
 * A tooltip host for the app's one TooltipLayer: the children get aria-describedby pointing at a
 * hidden `.tip` holding the text (formula and convention), shown on hover or keyboard focus.
 */
import { useId, type ReactNode } from 'react';

interface Props {
  /** The tooltip's text (or nodes). */
  tip: ReactNode;
  children: ReactNode;
  className?: string;
  placement?: 'left' | 'bottom' | 'top';
  testId?: string;
}

export function Tip({ tip, children, className, placement = 'bottom', testId }: Props) {
  const id = useId();
  return (
    <span className={className ? `train-tip-host ${className}` : 'train-tip-host'} tabIndex={0} aria-describedby={id} data-tip-placement={placement} data-testid={testId}>
      {children}
      <span className="tip" role="tooltip" id={id}>
        {tip}
      </span>
    </span>
  );
}
