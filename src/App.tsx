/** The app shell: top bar, controls, the 3D view, metrics, the status bar; drop files anywhere. Opens on ?data= or the digits example. */
import { useEffect } from 'react';
import { analyzeInitial, useAnalysisStore } from './state/appStore';
import { TopBar } from './panels/TopBar';
import { ControlPanel } from './panels/ControlPanel';
import { CenterView } from './panels/CenterView';
import { MetricsPanel } from './panels/MetricsPanel';
import { StatusBar } from './panels/StatusBar';
import { TooltipLayer } from './panels/TooltipLayer';
import { DropZone } from './panels/DropZone';
import { TrainMode } from './panels/train/TrainMode';
import { LandscapeMode } from './panels/landscape/LandscapeMode';
import { useModeStore } from './state/modeStore';

export function App() {
  const mode = useModeStore((s) => s.mode);
  useEffect(() => {
    if (mode === 'explore' && useAnalysisStore.getState().source === null) analyzeInitial();
  }, [mode]);
  return (
    <div className="app">
      <TopBar />
      {mode === 'train' ? (
        <TrainMode />
      ) : mode === 'landscape' ? (
        <LandscapeMode />
      ) : (
        <>
          <ControlPanel />
          <CenterView />
          <MetricsPanel />
          <StatusBar />
        </>
      )}
      <TooltipLayer />
      <DropZone />
    </div>
  );
}
