/** Format cases shared by formats.spec.ts and formats-new.spec.ts: files loaded through the file input, checked against the CLI's report. */
import { expect, test, type Page } from '@playwright/test';
import type { AnalysisReport } from '../src/geometry/types';
import { cliReport, expectMetricsMatch, loadFiles, openExplore, toleranceFor } from './helpers';

export interface FormatCase {
  title: string;
  files: string[];
  /** The dataset name the app shows (the vectors or config file's name). */
  name: string;
  /** CLI arguments giving the same report. */
  cli: string[];
  n: number;
}

/** The CLI's report of each case, by title (computed once, cached by cliReport). */
export function cliReports(cases: readonly FormatCase[]): Map<string, AnalysisReport> {
  return new Map(cases.map((c) => [c.title, cliReport(c.cli)]));
}

/** Loads each case through the file input (one test step each) and checks N and every metric against its CLI report. */
export async function checkFormatCases(page: Page, cases: readonly FormatCase[], reports: Map<string, AnalysisReport>): Promise<void> {
  for (const c of cases) {
    await test.step(c.title, async () => {
      const backend = await loadFiles(page, c.files, c.name);
      const cli = reports.get(c.title)!;
      expect(cli.n).toBe(c.n);
      await expect(page.getByTestId('metric-n')).toHaveText(String(c.n));
      const checked = await expectMetricsMatch(page, cli, toleranceFor(backend), `the CLI on ${c.cli.join(' ')}`);
      expect(checked).toBeGreaterThan(20);
    });
  }
}

/**
 * The journey of a case table: the CLI reports are computed before the tests, then one test (with
 * `timeout`) opens the app, loads every case against its report, and runs `more` on what is shown.
 */
export function formatCasesTest(title: string, timeout: number, cases: readonly FormatCase[], more: (page: Page, reports: Map<string, AnalysisReport>) => Promise<void>): void {
  let reports = new Map<string, AnalysisReport>();
  test.beforeAll(() => {
    reports = cliReports(cases);
  });
  test(title, async ({ page }) => {
    test.setTimeout(timeout);
    await openExplore(page);
    await checkFormatCases(page, cases, reports);
    await more(page, reports);
  });
}
