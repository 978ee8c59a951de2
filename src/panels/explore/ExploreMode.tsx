/**
 * Explore mode: controls on the left, the 3D view in the centre, metrics on the right, the status
 * bar below. The first time it opens it analyses ?data= or the digits example.
 */
import { useEffect } from 'react';
import { analyzeInitial, useAnalysisStore } from '../../state/appStore';
import { CenterView } from './CenterView';
import { ControlPanel } from './ControlPanel';
import { MetricsPanel } from './MetricsPanel';
import { StatusBar } from './StatusBar';

export function ExploreMode() {
  useEffect(() => {
    if (useAnalysisStore.getState().source === null) analyzeInitial();
  }, []);
  return (
    <>
      <ControlPanel />
      <CenterView />
      <MetricsPanel />
      <StatusBar />
    </>
  );
}
