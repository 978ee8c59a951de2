/**
 * Runs a Landscape sweep headless as the app's worker does (src/workers/landscapeService.ts, wasm
 * in Node), from a Landscape query, and prints each run's test accuracy, the baseline's and
 * d_int90 with the store's own formula. measure.ts uses it for Landscape lessons; alone:
 *
 *   npx tsx scripts/teach/sweep.ts 'preset=digits&dims=10,30,100&steps=300'
 */
import { readFile } from 'node:fs/promises';
import '../../tests/setup';
import { formSetup } from '../../src/state/landscapeForm';
import { liveIntrinsicDimension, plannedRows, type RunRow } from '../../src/state/landscapeStore';
import { parseLandscape } from '../../src/url/landscapeFields';
import { createLandscapeService } from '../../src/workers/landscapeService';
import type { LandscapeReply } from '../../src/workers/landscapeProtocol';
import type { SweepView } from '../../src/teach/sweepChecks';

const PUBLIC = new URL('../../public/', import.meta.url);

/** The sweep a Landscape query describes, run to the end: the rows as the store fills them. */
export async function runQuerySweep(query: string, log = true): Promise<SweepView> {
  const { state, notes } = parseLandscape(new URLSearchParams(query));
  if (notes.length) throw new Error(`settings refused: ${JSON.stringify(notes)}`);
  const setup = formSetup(state);
  const t0 = performance.now();
  let rows: RunRow[] = [];
  let numParams = 0;
  const done = new Promise<void>((resolve, reject) => {
    const service = createLandscapeService({
      post: (r: LandscapeReply) => {
        if (r.type === 'dataset') {
          rows = plannedRows(r.plan, setup.steps);
          numParams = r.plan.numParams;
        } else if (r.type === 'runResult') {
          rows = rows.map((x) => (x.run === r.run ? { ...x, result: r.result, featureTwoNN: r.featureTwoNN } : x));
          if (log) console.log(`  ${r.result.d === null ? 'baseline' : `d = ${r.result.d}`}: test accuracy ${r.result.evaluation.accuracy?.toFixed(4)} (${r.result.seconds.toFixed(1)} s, ${((performance.now() - t0) / 1000).toFixed(0)} s in all)`);
        } else if (r.type === 'done') resolve();
        else if (r.type === 'error') reject(new Error(JSON.stringify(r)));
      },
      selectBackend: async () => ({ backend: 'wasm', preference: 'wasm', reason: 'measure', probes: [] }),
      read: async (path) => new Uint8Array(await readFile(new URL(path, PUBLIC))),
    });
    service.handle({ type: 'sweep', id: 1, setup, backend: 'wasm', baseUrl: '' });
  });
  await done;
  const { dInt90, compression } = liveIntrinsicDimension(rows, numParams);
  if (log) console.log(`  D = ${numParams}, d_int90 ${dInt90?.toFixed(1)}, D / d_int90 ${compression?.toFixed(1)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  return { numParams, rows, dInt90, compression };
}

if (import.meta.url === `file://${process.argv[1]}`) await runQuerySweep(process.argv[2] ?? 'preset=digits');
