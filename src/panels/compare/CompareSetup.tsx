/** Compare's left panel: the two sides, how rows are matched, the user-set measures, progress, cancel and errors. */
import { COMPARE_DOCS } from '../../compare/docs';
import { getCompareOutcome, useCompareStore } from '../../state/compareStore';
import { isInt, NumberField } from '../fields/NumberField';
import { SideInput } from './SideInput';
import { usePick } from '../../views/usePick';

function Matching() {
  const settings = useCompareStore((s) => s.settings);
  useCompareStore((s) => s.version);
  const setSettings = useCompareStore.getState().setSettings;
  const columns = [...new Set(getCompareOutcome()?.sides.flatMap((s) => s.metaColumns) ?? [])];
  return (
    <fieldset className="control">
      <legend>Match rows</legend>
      <label className="cmp-field">
        <span>by id column (empty: by order)</span>
        <input
          key={settings.idColumn}
          type="text"
          list="compare-id-columns"
          defaultValue={settings.idColumn}
          placeholder="by order"
          onBlur={(e) => e.target.value.trim() !== settings.idColumn && setSettings({ idColumn: e.target.value.trim() })}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
          data-testid="compare-id-column"
          aria-label="Metadata column holding each item's id"
        />
        <datalist id="compare-id-columns">
          {columns.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      </label>
      <label className="cmp-check">
        <input type="checkbox" checked={settings.sharedOnly} disabled={!settings.idColumn} onChange={(e) => setSettings({ sharedOnly: e.target.checked })} data-testid="compare-shared-only" />
        compare only the ids both sides have
      </label>
    </fieldset>
  );
}

function Measures() {
  const settings = useCompareStore((s) => s.settings);
  const setSettings = useCompareStore.getState().setSettings;
  return (
    <fieldset className="control">
      <legend>Measures</legend>
      <div className="ls-grid">
        <NumberField look="grid" label="kNN k" value={settings.k} valid={isInt(1, 1000)} step={1} onCommit={(k) => setSettings({ k })} testId="compare-k" help={COMPARE_DOCS.mutualKnn.formula} />
        <NumberField look="grid" label="SVCCA k" value={settings.svccaK} valid={isInt(1, 10000)} step={1} onCommit={(svccaK) => setSettings({ svccaK })} testId="compare-svcca-k" help={COMPARE_DOCS.svcca.formula} />
        <NumberField look="grid" label="anchors" value={settings.anchors} valid={isInt(1, 100000)} step={1} onCommit={(anchors) => setSettings({ anchors })} testId="compare-anchors" help={COMPARE_DOCS.relative.convention} />
        <NumberField look="grid" label="seed" value={settings.seed} valid={isInt(0, 2 ** 31)} step={1} onCommit={(seed) => setSettings({ seed })} testId="compare-seed" help="Seeds the anchors and the alignment curve's item sample" />
      </div>
    </fieldset>
  );
}

function Captures() {
  const { A, B, more } = usePick(useCompareStore, 'A', 'B', 'more');
  const names = [A, B].filter((s) => s?.origin === 'train').map((s) => s!.label).concat(more.map((m) => m.name));
  if (names.length === 0) return null;
  return (
    <fieldset className="control">
      <legend>From Train</legend>
      <ol className="cmp-captures" data-testid="compare-captures">
        {names.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ol>
      <p className="control-note">The first two are A and B; with three or more the CKA matrix compares them all.</p>
      <button type="button" className="link-button" onClick={() => useCompareStore.getState().clearCaptures()} data-testid="compare-clear-captures">
        clear
      </button>
    </fieldset>
  );
}

function Progress() {
  const status = useCompareStore((s) => s.status);
  const progress = useCompareStore((s) => s.progress);
  return (
    <div className="cmp-progress" data-testid="compare-status" data-status={status}>
      {status === 'running' ? (
        <div className="job-progress">
          <progress max={1} value={progress.fraction} aria-label="Comparison progress" />
          <span>{`${progress.stage} · ${Math.round(progress.fraction * 100)}%`}</span>
          <button type="button" onClick={() => useCompareStore.getState().cancel()} data-testid="compare-cancel">
            Cancel
          </button>
        </div>
      ) : null}
    </div>
  );
}

export function CompareSetup() {
  return (
    <aside className="panel controls cmp-setup" aria-label="Compare setup">
      <h2 className="panel-title">
        Compare <span className="panel-sub">two representations of the same items</span>
      </h2>
      <fieldset className="control">
        <legend>Representations</legend>
        <SideInput side="A" />
        <SideInput side="B" />
        <p className="control-note">Any format Explore reads, each with an optional labels or metadata file (choose both). Dimensions may differ.</p>
      </fieldset>
      <Captures />
      <Matching />
      <Measures />
      <Progress />
    </aside>
  );
}
