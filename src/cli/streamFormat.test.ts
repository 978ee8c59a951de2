import { describe, expect, it } from 'vitest';
import type { StreamReport } from '../stream/report';
import { formatStreamReport } from './streamFormat';

const base: StreamReport = {
  n: 1000, dim: 4, classes: 2,
  pca: { explainedVarianceRatio: [0.5, 0.3, 0.1, 0.1], pcId90: 3, participationRatio: 2.9, method: 'exact' },
  intrinsicDimension: { twoNN: 3.1, mle: { k: 20, harmonic: 3.2, mean: 3.3 }, sample: { size: 500, of: 990, seed: 1 } },
  neuralCollapse: { nc1: 0.5, nc1Quotient: 0.4, cdnv: 0.3, equinorm: 0.1, equinormClassifier: null, equiangularity: 0.2, etfDistance: 0.1, nc3: null, nc4: null },
  skipped: { nonFinite: 2, duplicates: 10 },
  stream: { rowsRead: 1002, idSample: { method: 'bottom-hash', size: 500, seed: 1, stratified: false, distinctRows: 990, exact: false } },
};

describe('the streaming table', () => {
  it('adds the stream section: rows, the sample and how exact its counts are, SQL check, approximate kNN, partials', () => {
    const text = formatStreamReport({
      ...base,
      stream: {
        ...base.stream,
        partials: [{}, {}, {}],
        sqlCheck: { query: 'q', classes: 2, countsEqual: true, maxMeanRelDiff: 3e-16 },
        approximate: { engine: 'usearch HNSW (f32, squared L2)', rows: 990, k: 20, connectivity: 16, twoNN: 3.0, mle: { harmonic: 3.25, mean: 3.4 }, recall: { k: 20, queries: 500, value: 0.97 }, differenceFromSample: { twoNN: -0.1, mleHarmonic: 0.05 } },
      },
    }, { file: 'x.npy', backend: 'wasm', hasClassifier: false });
    expect(text).toContain('rows read            1002');
    expect(text).toContain('bottom-hash sample of 500 distinct rows (seed 1); 990 distinct rows estimated (the sample could not hold them all)');
    expect(text).toContain('merged partials      3');
    expect(text).toContain('SQL cross-check      2 classes, counts equal, class means within 3.0e-16 (relative)');
    expect(text).toContain('usearch HNSW (f32, squared L2) over 990 rows: twoNN 3, MLE harmonic 3.25');
    expect(text).toContain("recall@20 0.97 on 500 rows; minus the sample's: twoNN -0.1, MLE 0.05");
    const reservoir = formatStreamReport({ ...base, stream: { ...base.stream, idSample: { ...base.stream.idSample, method: 'duckdb-reservoir', exact: true } } }, { file: 'x', backend: 'wasm', hasClassifier: false });
    expect(reservoir).toContain('DuckDB seeded reservoir of 500 rows (seed 1, one thread)');
  });
});
