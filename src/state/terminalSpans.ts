/**
 * The terminal phase of training (Papyan, Han & Donoho 2020: train error 0) as measured by the
 * snapshots: every maximal run of consecutive snapshots with train accuracy exactly 1 is one span,
 * from its first to its last snapshot step. A span ends at the last snapshot with error 0; the next
 * snapshot measured accuracy below 1 (or a non-finite value), so nothing is claimed past it.
 */

/** Rows read: step and train accuracy (SnapshotMetrics has both). */
interface Row {
  step: number;
  trainAccuracy: number;
}

export interface TerminalSpan {
  /** First and last snapshot step of the span. */
  from: number;
  to: number;
  /** The step of the snapshot that ended it (accuracy below 1), or null while the run is still in it. */
  endedAt: number | null;
}

/** The terminal-phase spans of rows in step order. */
export function terminalSpans(rows: readonly Row[]): TerminalSpan[] {
  const spans: TerminalSpan[] = [];
  let open: TerminalSpan | null = null;
  for (const r of rows) {
    if (r.trainAccuracy === 1) {
      if (open) open.to = r.step;
      else spans.push((open = { from: r.step, to: r.step, endedAt: null }));
    } else if (open) {
      open.endedAt = r.step;
      open = null;
    }
  }
  return spans;
}

/** What the badge says: never reached, in the phase since a step, or left it at a step. */
export type TerminalState =
  | { kind: 'never' }
  | { kind: 'terminal'; since: number; spans: number }
  | { kind: 'left'; lastTo: number; endedAt: number; spans: number };

export function terminalState(spans: readonly TerminalSpan[]): TerminalState {
  const last = spans.at(-1);
  if (!last) return { kind: 'never' };
  if (last.endedAt === null) return { kind: 'terminal', since: last.from, spans: spans.length };
  return { kind: 'left', lastTo: last.to, endedAt: last.endedAt, spans: spans.length };
}

/** The badge's two lines for a state. */
export function terminalBadgeText(s: TerminalState): { title: string; detail: string } {
  switch (s.kind) {
    case 'never':
      return { title: 'train error > 0', detail: 'not yet terminal' };
    case 'terminal':
      return { title: 'terminal phase', detail: `error 0 since step ${s.since.toLocaleString('en-US')}` };
    case 'left':
      return { title: 'left terminal phase', detail: `acc. < 100% at step ${s.endedAt.toLocaleString('en-US')}` };
  }
}
