import { describe, expect, it } from 'vitest';
import { reportToJson } from '../geometry/report';
import type { AnalysisReport } from '../geometry/types';
import type { ViewResult } from '../workers/analysisProtocol';
import { coordinatesCsv, csvCell, metricsJson } from './exports';

const view = (sample: Int32Array | null): ViewResult => ({
  view: { kind: 'simplex' },
  coords: new Float32Array([1, 2, 0, 3, 4, 0, 5, 6, 0]),
  offset: [0, 0, 0],
  scale: 1,
  axes: ['simplex 1', 'simplex 2', ''],
  sample,
  means: null,
  globalMean: null,
  etf: null,
  note: '',
});

describe('exports', () => {
  it('quotes CSV cells and defuses spreadsheet formulas but not numbers', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('-1.5')).toBe('-1.5');
    expect(csvCell('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });

  it('writes coordinates with row, class and metadata, leaving out unused axes and unsampled points', () => {
    const b = { rowIndex: new Int32Array([0, 2, 3]), labels: new Int32Array([1, 0, 1]), meta: { columns: ['note'], values: [['x', 'y, z', '']] } };
    expect(coordinatesCsv(view(null), b, ['cat', 'dog'])).toBe('point,row,simplex 1,simplex 2,class,note\n0,0,1,2,dog,x\n1,2,3,4,cat,"y, z"\n2,3,5,6,dog,\n');
    expect(coordinatesCsv(view(new Int32Array([2])), { ...b, meta: null }, ['cat', 'dog'])).toBe('point,row,simplex 1,simplex 2,class\n2,3,5,6,dog\n');
  });

  it('writes the two drawn axes of a 2D view, never its third', () => {
    const pca: ViewResult = { ...view(null), view: { kind: 'pca', axes: [0, 1, 2] }, coords: new Float32Array([1, 2, 7, 3, 4, 8]), axes: ['PC1', 'PC2', 'PC3'] };
    const b = { rowIndex: new Int32Array([0, 1]), labels: null, meta: null };
    expect(coordinatesCsv(pca, b, null, 2)).toBe('point,row,PC1,PC2\n0,0,1,2\n1,1,3,4\n');
    expect(coordinatesCsv(pca, b, null, 3)).toBe('point,row,PC1,PC2,PC3\n0,0,1,2,7\n1,1,3,4,8\n');
  });

  it('exports the report with exactly the CLI keys and values', () => {
    const report = {
      n: 3, dim: 2, classes: 2,
      pca: { explainedVarianceRatio: [0.75, 0.25], pcId90: 2, participationRatio: 1.6, method: 'exact' },
      intrinsicDimension: { twoNN: null, mle: { k: 2, harmonic: 1.2, mean: 1.3 }, sample: { size: 2, of: 3, seed: 1 } },
      neuralCollapse: { nc1: 0.1, nc1Quotient: 0.2, cdnv: 0.3, equinorm: 0, equinormClassifier: null, equiangularity: 0, etfDistance: 0, nc3: null, nc4: null },
      skipped: { nonFinite: 1, duplicates: 0 },
    } as AnalysisReport;
    expect(JSON.parse(metricsJson(report))).toEqual(JSON.parse(reportToJson(report)));
    expect(JSON.parse(metricsJson(report)).intrinsicDimension.sample).toEqual({ size: 2, of: 3, seed: 1 });
  });

  it('marks ID estimates that were not computed yet as pending, with a note, instead of bare nulls', () => {
    const report = {
      n: 3, dim: 2, classes: null,
      pca: { explainedVarianceRatio: [0.75, 0.25], pcId90: 2, participationRatio: 1.6, method: 'exact' },
      intrinsicDimension: { twoNN: null, mle: { k: 2, harmonic: null, mean: null }, sample: null },
      neuralCollapse: { nc1: null, nc1Quotient: null, cdnv: null, equinorm: null, equinormClassifier: null, equiangularity: null, etfDistance: null, nc3: null, nc4: null },
      skipped: { nonFinite: 0, duplicates: 0 },
    } as AnalysisReport;
    const json = JSON.parse(metricsJson(report, 'still being computed'));
    expect(json.intrinsicDimension).toMatchObject({ twoNN: null, mle: { k: 2, harmonic: null, mean: null }, sample: null, pending: true });
    expect(json.intrinsicDimension.note).toMatch(/still being computed when this was exported/);
    expect(JSON.parse(metricsJson(report)).intrinsicDimension).not.toHaveProperty('pending');
  });
});
