/** The right panel of Train mode: tabs for the metric timelines, the layer / subspace charts, and compare + export. */
import { useTrainingStore } from '../../state/trainingStore';
import { useTrainTab, type TrainTab } from '../../state/trainTabStore';
import { CurvesTab } from './CurvesTab';
import { LayersTab } from './LayersTab';
import { RunsTab } from './RunsTab';
import { usePick } from '../../views/usePick';

const TABS: { id: TrainTab; label: string }[] = [
  { id: 'curves', label: 'Curves' },
  { id: 'layers', label: 'Layers' },
  { id: 'runs', label: 'Compare · export' },
];

export function TrainSidePanel() {
  const { tab, setTab } = usePick(useTrainTab, 'tab', 'setTab');
  const building = useTrainingStore((s) => s.status === 'building');
  return (
    <aside className={building ? 'panel train-side train-stale' : 'panel train-side'} aria-label="Training metrics">
      <div className="panel-head">
        <div className="tabs" role="tablist">
          {TABS.map((t) => (
            <button key={t.id} type="button" role="tab" className="tab" aria-selected={tab === t.id} data-testid={`train-tab-${t.id}`} onClick={() => setTab(t.id)}>
              {t.label}
            </button>
          ))}
        </div>
      </div>
      <div className="tab-body" role="tabpanel">
        {tab === 'curves' ? <CurvesTab /> : tab === 'layers' ? <LayersTab /> : <RunsTab />}
      </div>
    </aside>
  );
}
