/**
 * Parameters of the layouts and of the custom projection, applied with a button (a layout takes
 * seconds to minutes): UMAP neighbours, min distance, metric and seed; t-SNE perplexity and seed;
 * for both the point cap and whether the sample above it is uniform or stratified per class;
 * the custom axis from one class or text/regex query to another (and an optional y axis).
 */
import { useState } from 'react';
import type { AxisEnd, CustomAxis, ViewSpec } from '../../workers/analysisProtocol';
import type { SampleStrategy } from '../../geometry/sample';
import { TSNE_MAX_POINTS, UMAP_MAX_POINTS } from '../../explore/viewCaps';

type Umap = Extract<ViewSpec, { kind: 'umap' }>;
type Tsne = Extract<ViewSpec, { kind: 'tsne' }>;
type Custom = Extract<ViewSpec, { kind: 'custom' }>;

function NumberField({ label, value, min, max, step, onChange, testId }: { label: string; value: number; min: number; max: number; step: number; onChange: (v: number) => void; testId: string }) {
  return (
    <label className="param-field">
      {label}
      <input type="number" value={value} min={min} max={max} step={step} data-testid={testId} onChange={(e) => onChange(Number(e.target.value))} />
    </label>
  );
}

const clamp = (v: number, lo: number, hi: number, fallback: number) => (Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : fallback);

type Sample = { maxPoints: number; sample: SampleStrategy };

/** The layout's point cap and how the sample above it is drawn (uniform, or stratified per class). */
function SampleFields({ p, cap, labelled, prefix, onChange }: { p: Sample; cap: number; labelled: boolean; prefix: string; onChange: (s: Sample) => void }) {
  return (
    <>
      <NumberField label="points at most" value={p.maxPoints} min={10} max={cap} step={1} onChange={(maxPoints) => onChange({ ...p, maxPoints })} testId={`${prefix}-points`} />
      <label className="param-field">
        sample
        <select value={p.sample} data-testid={`${prefix}-sample`} onChange={(e) => onChange({ ...p, sample: e.target.value as SampleStrategy })}>
          <option value="uniform">uniform</option>
          <option value="stratified" disabled={!labelled} title="per class, largest-remainder quotas">
            stratified
          </option>
        </select>
      </label>
    </>
  );
}

/** The spec's sample fields as entered (the cap clamped to 10..cap; uniform is the default, left out). */
function sampleOf(p: Sample, cap: number): { maxPoints: number; sample?: SampleStrategy } {
  return { maxPoints: Math.round(clamp(p.maxPoints, 10, cap, cap)), ...(p.sample === 'stratified' ? { sample: p.sample } : {}) };
}

export function UmapParams({ spec, onRun, labelled }: { spec: Umap; onRun: (s: Umap) => void; labelled: boolean }) {
  const [p, setP] = useState({ neighbours: spec.neighbours ?? 15, minDist: spec.minDist ?? 0.1, metric: spec.metric ?? 'euclidean', seed: spec.seed, maxPoints: spec.maxPoints ?? UMAP_MAX_POINTS, sample: spec.sample ?? 'uniform' });
  return (
    <form
      className="param-grid"
      onSubmit={(e) => {
        e.preventDefault();
        onRun({ ...spec, neighbours: Math.round(clamp(p.neighbours, 2, 200, 15)), minDist: clamp(p.minDist, 0, 1, 0.1), metric: p.metric, seed: Math.round(clamp(p.seed, 0, 1e9, 1)), ...sampleOf(p, UMAP_MAX_POINTS) });
      }}
    >
      <NumberField label="neighbours" value={p.neighbours} min={2} max={200} step={1} onChange={(neighbours) => setP({ ...p, neighbours })} testId="umap-neighbours" />
      <NumberField label="min dist." value={p.minDist} min={0} max={1} step={0.05} onChange={(minDist) => setP({ ...p, minDist })} testId="umap-mindist" />
      <label className="param-field">
        metric
        <select value={p.metric} data-testid="umap-metric" onChange={(e) => setP({ ...p, metric: e.target.value as 'euclidean' | 'cosine' })}>
          <option value="euclidean">Euclidean</option>
          <option value="cosine">cosine</option>
        </select>
      </label>
      <NumberField label="seed" value={p.seed} min={0} max={1e9} step={1} onChange={(seed) => setP({ ...p, seed })} testId="umap-seed" />
      <SampleFields p={p} cap={UMAP_MAX_POINTS} labelled={labelled} prefix="umap" onChange={(x) => setP({ ...p, ...x })} />
      <button type="submit" data-testid="umap-run">
        Run UMAP
      </button>
    </form>
  );
}

export function TsneParams({ spec, onRun, labelled }: { spec: Tsne; onRun: (s: Tsne) => void; labelled: boolean }) {
  const [p, setP] = useState({ perplexity: spec.perplexity, seed: spec.seed, maxPoints: spec.maxPoints ?? TSNE_MAX_POINTS, sample: spec.sample ?? 'uniform' });
  return (
    <form
      className="param-grid"
      onSubmit={(e) => {
        e.preventDefault();
        onRun({ ...spec, perplexity: clamp(p.perplexity, 2, 100, 30), seed: Math.round(clamp(p.seed, 0, 1e9, 1)), ...sampleOf(p, TSNE_MAX_POINTS) });
      }}
    >
      <NumberField label="perplexity" value={p.perplexity} min={2} max={100} step={1} onChange={(perplexity) => setP({ ...p, perplexity })} testId="tsne-perplexity" />
      <NumberField label="seed" value={p.seed} min={0} max={1e9} step={1} onChange={(seed) => setP({ ...p, seed })} testId="tsne-seed" />
      <SampleFields p={p} cap={TSNE_MAX_POINTS} labelled={labelled} prefix="tsne" onChange={(x) => setP({ ...p, ...x })} />
      <button type="submit" data-testid="tsne-run">
        Run t-SNE
      </button>
    </form>
  );
}

/** An end as the text in its field: a class name picks the class; /…/ is a regex; anything else a substring query. */
function parseEnd(text: string, classNames: readonly string[] | null): AxisEnd | null {
  const t = text.trim();
  if (t === '') return null;
  const k = classNames ? classNames.indexOf(t) : -1;
  if (k >= 0) return { class: k };
  const m = /^\/(.+)\/$/.exec(t);
  return m ? { text: m[1], regex: true } : { text: t, regex: false };
}

function endText(e: AxisEnd | undefined, classNames: readonly string[] | null): string {
  if (!e) return '';
  if ('class' in e) return classNames?.[e.class] ?? '';
  return e.regex ? `/${e.text}/` : e.text;
}

export function CustomParams({ spec, classNames, onRun }: { spec: Custom | null; classNames: readonly string[] | null; onRun: (s: Custom) => void }) {
  const init = (a: CustomAxis | null | undefined, end: 'from' | 'to', fallback: number) => (a ? endText(a[end], classNames) : (classNames?.[fallback] ?? ''));
  const [f, setF] = useState({ x0: init(spec?.x, 'from', 0), x1: init(spec?.x, 'to', 1), y0: init(spec?.y, 'from', -1), y1: init(spec?.y, 'to', -1) });
  const [error, setError] = useState<string | null>(null);
  const field = (key: keyof typeof f, label: string) => (
    <label className="param-field">
      {label}
      <input type="text" value={f[key]} list="custom-classes" data-testid={`custom-${key}`} onChange={(e) => setF({ ...f, [key]: e.target.value })} />
    </label>
  );
  return (
    <form
      className="param-grid"
      onSubmit={(e) => {
        e.preventDefault();
        const [x0, x1, y0, y1] = [f.x0, f.x1, f.y0, f.y1].map((t) => parseEnd(t, classNames));
        if (!x0 || !x1) return setError('The x axis needs both ends: a class name, a text query, or /regex/.');
        if (!y0 !== !y1) return setError('The y axis needs both ends, or neither (then y is the first principal axis orthogonal to x).');
        setError(null);
        onRun({ kind: 'custom', x: { from: x0, to: x1 }, y: y0 && y1 ? { from: y0, to: y1 } : null, spherize: spec?.spherize });
      }}
    >
      <datalist id="custom-classes">{classNames?.map((c) => <option key={c} value={c} />)}</datalist>
      {field('x0', 'x from')}
      {field('x1', 'x to')}
      {field('y0', 'y from')}
      {field('y1', 'y to')}
      <button type="submit" data-testid="custom-run">
        Project
      </button>
      {error ? (
        <p className="control-error" role="alert">
          {error}
        </p>
      ) : (
        <p className="control-note">Each end: a class name, text found in the labels and metadata, or a /regex/.</p>
      )}
    </form>
  );
}
