/** Landscape mode (Li et al. 2018): setup on the left, accuracy and loss against d in the centre, results on the right. */
import { useEffect } from 'react';
import { useLandscapeStore } from '../../state/landscapeStore';
import { LandscapeStatusBar } from './LandscapeStatusBar';
import { ResultsPanel } from './ResultsPanel';
import { SetupPanel } from './SetupPanel';
import { SweepCharts } from './SweepCharts';
import './landscape.css';

export function LandscapeMode() {
  useEffect(() => useLandscapeStore.getState().init(), []);
  return (
    <>
      <SetupPanel />
      <SweepCharts />
      <ResultsPanel />
      <LandscapeStatusBar />
    </>
  );
}
