/**
 * One side of a comparison: its files (vectors plus an optional labels/metadata file, any format
 * Explore reads), or another array of A's file (B), and the array picker of an .npz/.safetensors.
 */
import { useRef } from 'react';
import { getCompareOutcome, fileSide, useCompareStore, type Side } from '../../state/compareStore';
import { ACCEPT, pairFiles } from '../../state/files';
import type { FileChoices } from '../../io/choices';
import { OptionList } from '../fields/OptionList';

function ArrayPicker({ side, choices }: { side: Side; choices: FileChoices }) {
  const chooseArray = useCompareStore.getState().chooseArray;
  const matrices = (choices.arrays ?? []).filter((a) => a.shape.length === 2);
  if (matrices.length < 2) return null;
  return (
    <label className="cmp-array">
      <span>array</span>
      <select value={choices.chosen.vectors ?? ''} onChange={(e) => chooseArray(side, e.target.value)} data-testid={`compare-array-${side.toLowerCase()}`} aria-label={`Vectors array of ${side}`}>
        <OptionList items={matrices} value={(a) => a.name} label={(a) => `${a.name} (${a.shape.join(' x ')})`} />
      </select>
    </label>
  );
}

export function SideInput({ side }: { side: Side }) {
  const input = useRef<HTMLInputElement>(null);
  const value = useCompareStore((s) => s[side]);
  const a = useCompareStore((s) => s.A);
  const choose = useCompareStore((s) => s.choose);
  useCompareStore((s) => s.version);
  const { setSide, otherArrayOfA } = useCompareStore.getState();
  const info = getCompareOutcome()?.sides[side === 'A' ? 0 : 1];
  const choices = choose?.side === side ? choose.choices : info?.choices;
  const lower = side.toLowerCase();
  return (
    <div className="cmp-side" data-testid={`compare-side-${lower}`}>
      <div className="cmp-side-head">
        <span className={`cmp-badge cmp-badge-${lower}`}>{side}</span>
        <strong className="cmp-side-name" title={value?.label} data-testid={`compare-name-${lower}`}>
          {value?.label ?? 'not chosen'}
        </strong>
      </div>
      <div className="button-row">
        <button type="button" onClick={() => input.current?.click()} data-testid={`compare-open-${lower}`}>
          Choose files…
        </button>
        {side === 'B' && a?.input.kind === 'source' && a.input.source.kind !== 'synthetic' ? (
          <button type="button" onClick={otherArrayOfA} data-testid="compare-other-array" title="Compare two arrays of one .npz or .safetensors file">
            another array of A
          </button>
        ) : null}
      </div>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        data-testid={`compare-file-${lower}`}
        onChange={(e) => {
          const pair = e.target.files?.length ? pairFiles(Array.from(e.target.files)) : null;
          e.target.value = '';
          if (!pair) return;
          if ('error' in pair) useCompareStore.setState({ status: 'error', error: { problem: pair.error, fix: `Choose ${side}'s vectors file, plus its labels/metadata file if it has one.` } });
          else setSide(side, fileSide(pair.vectors, pair.metadata));
        }}
      />
      {choose?.side === side ? (
        <p className="control-warn" data-testid={`compare-choose-${lower}`}>
          {choose.choices.reason}
        </p>
      ) : null}
      {choices ? <ArrayPicker side={side} choices={choices} /> : null}
      {info && value ? (
        <p className="control-note" data-testid={`compare-info-${lower}`}>
          {`${info.n.toLocaleString('en-US')} rows x ${info.dim} · ${info.labelled ? 'labelled' : 'no labels'}${info.metaColumns.length ? ` · columns: ${info.metaColumns.join(', ')}` : ''}`}
        </p>
      ) : null}
    </div>
  );
}
