import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeNpy } from '../io/npy';
import { blobs } from '../stream/testData.test-util';
import { runCli, type CliIO } from './run';
import { usage } from './args';

const dir = mkdtempSync(join(tmpdir(), 'stream-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const emb = blobs(1200, 8, 4, 9, 100);
const y = BigInt64Array.from(emb.labels!, (v) => BigInt(v));
const half = 600 * 8;
writeFileSync(join(dir, 'x.npy'), writeNpy(emb.vectors, [1200, 8]));
writeFileSync(join(dir, 'y.npy'), writeNpy(y, [1200]));
writeFileSync(join(dir, 'x0.npy'), writeNpy(emb.vectors.slice(0, half), [600, 8]));
writeFileSync(join(dir, 'x1.npy'), writeNpy(emb.vectors.slice(half), [600, 8]));
writeFileSync(join(dir, 'y0.txt'), `${Array.from(emb.labels!.slice(0, 600)).join('\n')}\n`);
writeFileSync(join(dir, 'y1.txt'), `${Array.from(emb.labels!.slice(600)).join('\n')}\n`);

async function cli(argv: string[], signal?: AbortSignal): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), readFile: (p) => readFileSync(p), signal };
  const code = await runCli(argv, io);
  return { code, out, err };
}

describe('subspace-lab streaming and merge', () => {
  it('merges two partials into the report of one streamed run over all rows', async () => {
    const whole = await cli(['analyze', join(dir, 'x.npy'), '--labels', join(dir, 'y.npy'), '--stream', '--id-sample', '300', '--json']);
    expect(whole.code, whole.err).toBe(0);
    for (const i of [0, 1]) {
      const r = await cli(['analyze', join(dir, `x${i}.npy`), '--labels', join(dir, `y${i}.txt`), '--partial', join(dir, `part${i}.json`), '--id-sample', '300']);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toMatch(/^wrote .*part\d\.json: 600 rows of 8 dimensions/);
    }
    const merged = await cli(['merge', join(dir, 'part0.json'), join(dir, 'part1.json'), '--json']);
    expect(merged.code, merged.err).toBe(0);
    const a = JSON.parse(merged.out);
    const b = JSON.parse(whole.out);
    for (const key of ['nc1', 'nc1Quotient', 'cdnv', 'equinorm', 'etfDistance']) expect(a.neuralCollapse[key] / b.neuralCollapse[key]).toBeCloseTo(1, 9);
    a.pca.explainedVarianceRatio.forEach((v: number, i: number) => expect(v / b.pca.explainedVarianceRatio[i]).toBeCloseTo(1, 9));
    expect(a.intrinsicDimension.twoNN / b.intrinsicDimension.twoNN).toBeCloseTo(1, 9);
    expect(a.stream.partials).toHaveLength(2);
    const table = await cli(['merge', join(dir, 'part0.json'), join(dir, 'part1.json')]);
    expect(table.out).toMatch(/merged partials\s+2/);
  });

  it('exits 130 and leaves no partial file when cancelled', async () => {
    const cancel = new AbortController();
    cancel.abort();
    const r = await cli(['analyze', join(dir, 'x.npy'), '--partial', join(dir, 'never.json')], cancel.signal);
    expect(r.code).toBe(130);
    expect(r.err).toMatch(/cancelled; .*never\.json was not written/);
    expect(readdirSync(dir).filter((f) => f.startsWith('never'))).toEqual([]);
  });

  it('rejects a bad partial and a stream of an unsupported format with exit 2 and one line', async () => {
    writeFileSync(join(dir, 'bad.json'), '{"format": "other"}');
    const bad = await cli(['merge', join(dir, 'bad.json')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^subspace-lab: .*bad\.json is not a valid subspace-lab partial/);
    writeFileSync(join(dir, 'x.npz'), 'PK');
    const npz = await cli(['analyze', join(dir, 'x.npz'), '--stream']);
    expect(npz.code).toBe(2);
    expect(npz.err).toMatch(/cannot be streamed/);
    expect(existsSync(join(dir, 'bad.json'))).toBe(true);
    expect(usage()).toMatch(/subspace-lab merge PART\.json/);
  });

  it('nc4 across shards: counts against the merged means, summed by merge, equal one streamed run', async () => {
    // A seeded classifier that disagrees with the nearest class mean on some rows (nc4 strictly between 0 and 1).
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5;
    const W = Float64Array.from({ length: 4 * 8 }, rand);
    writeFileSync(join(dir, 'W.npy'), writeNpy(W, [4, 8]));
    const W2 = W.map((v, i) => (i === 0 ? v + 1 : v));
    writeFileSync(join(dir, 'W2.npy'), writeNpy(W2, [4, 8]));
    const whole = await cli(['analyze', join(dir, 'x.npy'), '--labels', join(dir, 'y.npy'), '--stream', '--weights', join(dir, 'W.npy'), '--id-sample', '300', '--json']);
    expect(whole.code, whole.err).toBe(0);
    const want = JSON.parse(whole.out).neuralCollapse;
    expect(want.nc4).toBeGreaterThan(0);
    expect(want.nc4).toBeLessThan(1);
    for (const i of [0, 1]) {
      const r = await cli(['analyze', join(dir, `x${i}.npy`), '--labels', join(dir, `y${i}.txt`), '--partial', join(dir, `s${i}.json`), '--id-sample', '300']);
      expect(r.code, r.err).toBe(0);
    }
    const all = await cli(['merge', join(dir, 's0.json'), join(dir, 's1.json'), '--partial', join(dir, 'all.json')]);
    expect(all.code, all.err).toBe(0);
    expect(all.out).toMatch(/wrote .*all\.json: the merged statistics of 2 partials/);
    for (const i of [0, 1]) {
      const r = await cli(['analyze', join(dir, `x${i}.npy`), '--weights', join(dir, 'W.npy'), '--means-from', join(dir, 'all.json'), '--partial', join(dir, `q${i}.json`)]);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toMatch(/nc4 counts of 600 rows/);
    }
    const q = [join(dir, 'q0.json'), join(dir, 'q1.json')];
    const merged = await cli(['merge', join(dir, 'all.json'), ...q, '--weights', join(dir, 'W.npy'), '--json']);
    expect(merged.code, merged.err).toBe(0);
    const got = JSON.parse(merged.out).neuralCollapse;
    expect(got.nc4).toBe(want.nc4);
    expect(got.nc3 / want.nc3).toBeCloseTo(1, 9);
    // The shards' own partials give the same means (JSON round-trips float64), so they merge with the counts too.
    const again = await cli(['merge', join(dir, 's0.json'), join(dir, 's1.json'), ...q, '--weights', join(dir, 'W.npy'), '--json']);
    expect(JSON.parse(again.out).neuralCollapse.nc4).toBe(want.nc4);
    // Without nc4 partials merge leaves nc4 out; a missing shard, another classifier or no classifier is refused.
    const none = await cli(['merge', join(dir, 'all.json'), '--weights', join(dir, 'W.npy'), '--json']);
    expect(JSON.parse(none.out).neuralCollapse.nc4).toBeNull();
    const missing = await cli(['merge', join(dir, 'all.json'), q[0], '--weights', join(dir, 'W.npy')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cover 600 rows, the statistics 1200/);
    const other = await cli(['merge', join(dir, 'all.json'), ...q, '--weights', join(dir, 'W2.npy')]);
    expect(other.code).toBe(2);
    expect(other.err).toMatch(/another classifier/);
    const noW = await cli(['merge', join(dir, 'all.json'), ...q]);
    expect(noW.code).toBe(2);
    expect(noW.err).toMatch(/without the classifier/);
    const noPartial = await cli(['analyze', join(dir, 'x0.npy'), '--weights', join(dir, 'W.npy'), '--means-from', join(dir, 'all.json')]);
    expect(noPartial.code).toBe(2);
    expect(noPartial.err).toMatch(/needs --weights and --partial/);
  });
});
