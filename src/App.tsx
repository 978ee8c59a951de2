/** The app shell: top bar, controls, the 3D view, metrics, and the status bar. Opens on the digits demo. */
import { useEffect } from 'react';
import { analyzeDemo, useAnalysisStore } from './state/appStore';
import { TopBar } from './panels/TopBar';
import { ControlPanel } from './panels/ControlPanel';
import { CenterView } from './panels/CenterView';
import { MetricsPanel } from './panels/MetricsPanel';
import { StatusBar } from './panels/StatusBar';
import { TooltipLayer } from './panels/TooltipLayer';

export function App() {
  useEffect(() => {
    if (useAnalysisStore.getState().source === null) analyzeDemo();
  }, []);
  return (
    <div className="app">
      <TopBar />
      <ControlPanel />
      <CenterView />
      <MetricsPanel />
      <StatusBar />
      <TooltipLayer />
    </div>
  );
}
