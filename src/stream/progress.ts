/** Progress of a long pass on stderr: rows read, rows/s, ETA; at most one line a second. */

/** "1m05s", "3.2s", "2h04m". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m}m${String(Math.floor(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** The progress line for `done` of `total` rows after `elapsed` seconds. */
export function progressLine(stage: string, done: number, total: number | null, elapsed: number): string {
  const rate = elapsed > 0 ? done / elapsed : 0;
  const of = total ? ` / ${total.toLocaleString('en-US')} (${((100 * done) / total).toFixed(1)}%)` : '';
  const eta = total && rate > 0 ? `, ETA ${formatDuration((total - done) / rate)}` : '';
  return `${stage}: ${done.toLocaleString('en-US')}${of} rows, ${Math.round(rate).toLocaleString('en-US')} rows/s${eta}`;
}

/**
 * A reporter for `write` (stderr): on a terminal the line is redrawn in place (\r), elsewhere one
 * line every `everySeconds`. `clock` returns seconds (injectable for tests).
 */
export function progressReporter(write: (text: string) => void, tty: boolean, everySeconds = tty ? 1 : 10, clock = () => performance.now() / 1000) {
  const start = clock();
  let last = -Infinity;
  let stageStart = start;
  let stageName = '';
  return {
    update(stage: string, done: number, total: number | null, force = false): void {
      const now = clock();
      if (stage !== stageName) {
        stageName = stage;
        stageStart = now;
      }
      if (!force && now - last < everySeconds) return;
      last = now;
      const line = progressLine(stage, done, total, now - stageStart);
      write(tty ? `\r${line.padEnd(100)}` : `${line}\n`);
    },
    done(): void {
      if (tty) write(`\r${' '.repeat(100)}\r`);
    },
  };
}
