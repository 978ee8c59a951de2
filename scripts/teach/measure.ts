/**
 * Runs Teach mode's lessons headless (seeded, wasm backend in Node), step by step as the Teach
 * panel does: a step's settings start a new run from step 0, its action plays until its goal or
 * budget, then its checkpoints are evaluated with the same code (src/teach/checks.ts) on the same
 * rows (metrics + lesson measures). The lessons' thresholds were chosen from these numbers.
 *
 *   npx tsx scripts/teach/measure.ts                 # every lesson
 *   npx tsx scripts/teach/measure.ts mixup imbalance # some lessons by id
 *   npx tsx scripts/teach/measure.ts objective-landscape  # lesson 7: its Landscape sweeps (scripts/teach/sweep.ts)
 *   npx tsx scripts/teach/measure.ts --query 'source=blobs&head=etf' 800   # one run, every snapshot printed
 */
import { readFile } from 'node:fs/promises';
import '../../tests/setup';
import { buildDataset } from '../../src/datasets/build';
import { createTrainer, snapshotMetrics, type Trainer } from '../../src/training';
import type { Snapshot } from '../../src/training/types';
import { actionDone } from '../../src/teach/checks';
import { checkStep } from '../../src/teach/stepChecks';
import type { SweepView } from '../../src/teach/sweepChecks';
import { runQuerySweep } from './sweep';
import { LESSONS } from '../../src/teach/lessons';
import { derivedMeasures, profileMeasures, snapshotMeasures } from '../../src/teach/measures';
import type { LessonRow } from '../../src/teach/types';
import { parseTrain } from '../../src/url/trainFields';

const PUBLIC = new URL('../../public/', import.meta.url);
const read = async (p: string) => new Uint8Array(await readFile(new URL(p, PUBLIC)));

interface Live {
  trainer: Trainer;
  rows: LessonRow[];
  minority: number;
  profile: Snapshot['layerIds'];
  angles: Snapshot['subspaceAngles'];
}

function push(live: Live, s: Snapshot): void {
  if (s.layerIds) live.profile = s.layerIds;
  if (s.subspaceAngles) live.angles = s.subspaceAngles;
  const m = snapshotMetrics(s);
  live.rows.push({ ...m, ...snapshotMeasures(s, live.minority), ...profileMeasures(live.profile, live.angles), ...derivedMeasures(m) });
}

async function start(query: string): Promise<Live> {
  const { state, notes } = parseTrain(new URLSearchParams(query));
  if (notes.length) throw new Error(`settings refused: ${JSON.stringify(notes)}`);
  const c = state.config;
  const trainer = createTrainer(await buildDataset(c.data, read), c.model, c.train);
  const live: Live = { trainer, rows: [], minority: c.data.imbalanceRatio > 1 ? c.data.minorityClasses : 0, profile: null, angles: null };
  push(live, await trainer.snapshot(true));
  return live;
}

const g = (x: unknown) => (typeof x === 'number' ? (Number.isInteger(x) ? String(x) : x.toPrecision(3)) : String(x));
const KEYS = ['trainAccuracy', 'testAccuracy', 'nc1', 'etfDistance', 'nc3', 'nc4', 'twoNN', 'mle', 'minorityCosine', 'majorityCosine', 'probeBetween', 'probeLambdaCorrelation', 'unitWithinVariance', 'inputId', 'featureId', 'mleOverTwoNN', 'meanAngleDeg', 'minAngleDeg'] as const;
const line = (r: LessonRow) => `step ${r.step}: ` + KEYS.filter((k) => r[k] !== null).map((k) => `${k} ${g(r[k])}`).join(', ');

async function lesson(id: string): Promise<void> {
  const l = LESSONS.find((x) => x.id === id);
  if (!l) throw new Error(`no lesson ${id}`);
  console.log(`# ${l.id}`);
  let live: Live | null = null;
  let recorded: Record<string, number> = {};
  const t0 = performance.now();
  if (l.view === 'landscape') return sweepLesson(l, t0);
  for (const step of l.steps) {
    if (step.settings) {
      live?.trainer.dispose();
      live = await start(step.settings);
    }
    if (!live) throw new Error(`${l.id}: the first step has no settings`);
    const a = step.action;
    if (a) {
      const from = live.rows[live.rows.length - 1].step;
      const every = parseTrain(new URLSearchParams(l.steps.slice(0, l.steps.indexOf(step) + 1).reverse().find((x) => x.settings)!.settings!)).state.config.train.snapshotEvery;
      const cur = live;
      while (!actionDone(a, cur.rows, from).done) await cur.trainer.step(every, { onSnapshot: (s) => push(cur, s) });
    }
    const checked = checkStep(step, live.rows, null, recorded);
    recorded = checked.recorded;
    console.log(`## ${step.title}: ${line(live.rows[live.rows.length - 1])}`);
    for (const r of checked.results) console.log(`   ${r.text}`);
  }
  live?.trainer.dispose();
  console.log(`(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

/** A Landscape lesson: each step's sweep as the Teach panel runs it, its checkpoints on the rows. */
async function sweepLesson(l: (typeof LESSONS)[number], t0: number): Promise<void> {
  let query: string | null = null;
  let sweep: SweepView | null = null;
  let recorded: Record<string, number> = {};
  for (const step of l.steps) {
    if (step.landscape) query = step.landscape;
    console.log(`## ${step.title}`);
    if (step.action?.kind === 'sweep' && query) sweep = await runQuerySweep(query);
    const checked = checkStep(step, [], sweep, recorded);
    recorded = checked.recorded;
    for (const r of checked.results) console.log(`   ${r.text}`);
  }
  console.log(`(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--query') {
    const live = await start(args[1]);
    await live.trainer.step(Number(args[2] ?? 1000), { onSnapshot: (s) => push(live, s) });
    for (const r of live.rows) console.log(line(r));
    live.trainer.dispose();
    return;
  }
  for (const id of args.length ? args : LESSONS.map((l) => l.id)) await lesson(id);
}

await main();
