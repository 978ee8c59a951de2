/**
 * The 3D view's legend: class colours, toggles for the mean arrows, classifier-row arrows and the
 * simplex (with why one is missing), and the ring that marks points whose label noise flipped.
 * It collapses to its title; the camera keeps the class means out of the area it covers.
 */
import { useState } from 'react';
import type { FeatureFrame } from '../../workers/trainingProtocol';
import type { CloudOverlays } from '../../views/three/FeatureCloud';
import { classColor } from '../../views/palette';
import { Tip } from '../Tip';
import { CLOUD_DOC } from './trainMetricDocs';
import { classifierMissing, simplexMissing } from './overlayMissing';

interface Props {
  overlays: CloudOverlays;
  setOverlays: (o: CloudOverlays) => void;
  frame: FeatureFrame | null;
  classNames: readonly string[];
  /** K and the feature width F of the frame's run. */
  classes: number;
  featureDim: number;
  /** Sample rows with a flipped label (ringed in the view), or null. */
  noisy: Uint8Array | null;
  /** The shown snapshot's mean cosines between the minority classes' classifier rows and between the others' (null without minorities). */
  rowCosines?: { minorityCosine: number | null; majorityCosine: number | null } | null;
}

function countOnes(flags: Uint8Array): number {
  let n = 0;
  for (const f of flags) n += f;
  return n;
}

export function CloudLegend({ overlays, setOverlays, frame, classNames, classes, featureDim, noisy, rowCosines = null }: Props) {
  const [open, setOpen] = useState(true);
  const toggle = (key: keyof CloudOverlays) => setOverlays({ ...overlays, [key]: !overlays[key] });
  const items: { key: keyof CloudOverlays; label: string; icon: string; missing: string | null }[] = [
    { key: 'means', label: 'class means μₖ − μ_G', icon: 'legend-arrow', missing: null },
    { key: 'classifier', label: 'classifier rows wₖ (rescaled)', icon: 'legend-arrow legend-arrow-dark', missing: classifierMissing(frame) },
    { key: 'simplex', label: 'nearest simplex ETF', icon: 'legend-ring', missing: simplexMissing(frame, classes, featureDim) },
  ];
  return (
    <div className={open ? 'legend train-legend cloud-overlay' : 'legend train-legend train-legend-closed cloud-overlay'} data-testid="train-legend" data-open={open}>
      <div className="legend-title train-legend-head">
        <Tip tip={CLOUD_DOC} placement="left">
          in the view
        </Tip>
        <button type="button" className="link-button train-legend-collapse" onClick={() => setOpen(!open)} aria-expanded={open} data-testid="train-legend-collapse">
          {open ? 'hide' : 'show'}
        </button>
      </div>
      {open ? <LegendBody items={items} overlays={overlays} toggle={toggle} noisy={noisy} classNames={classNames} rowCosines={rowCosines} /> : null}
    </div>
  );
}

interface BodyProps {
  items: { key: keyof CloudOverlays; label: string; icon: string; missing: string | null }[];
  overlays: CloudOverlays;
  toggle: (key: keyof CloudOverlays) => void;
  noisy: Uint8Array | null;
  classNames: readonly string[];
  rowCosines: Props['rowCosines'];
}

const signed = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(2)}`;

function LegendBody({ items, overlays, toggle, noisy, classNames, rowCosines }: BodyProps) {
  const minority = rowCosines?.minorityCosine ?? null;
  const majority = rowCosines?.majorityCosine ?? null;
  return (
    <>
      <ul>
        {items.map((it) => (
          <li key={it.key}>
            <label className="train-legend-toggle">
              <input type="checkbox" checked={overlays[it.key]} disabled={it.missing !== null} onChange={() => toggle(it.key)} data-testid={`train-show-${it.key}`} />
              <span className={it.icon} aria-hidden="true" />
              <span className={it.missing ? 'train-legend-missing' : undefined}>{it.missing ?? it.label}</span>
            </label>
          </li>
        ))}
      </ul>
      {noisy ? (
        <p className="train-legend-noisy" data-testid="train-legend-noisy" data-count={countOnes(noisy)}>
          <span className="legend-noisy-ring" aria-hidden="true" /> flipped label (label noise): {countOnes(noisy)} of {noisy.length} points
        </p>
      ) : null}
      {minority !== null && Number.isFinite(minority) ? (
        <p className="train-legend-note" data-testid="train-legend-minority" data-value={String(minority)}>
          rows&apos; cosine in all F dimensions (the arrows are projections): minority classes {signed(minority)}
          {majority !== null && Number.isFinite(majority) ? `, the others ${signed(majority)}` : ''}; a simplex has {signed(-1 / Math.max(1, classNames.length - 1))}
        </p>
      ) : null}
      {classNames.length <= 10 ? (
        <ul className="train-legend-classes">
          {classNames.map((name, k) => (
            <li key={name} className="legend-item train-legend-class">
              <span className="legend-swatch" style={{ background: classColor(k) }} />
              <span className="legend-name">{name}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
