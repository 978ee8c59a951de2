/**
 * Train mode: a small network trains in a worker while its features move in 3D and its metrics
 * stream into timelines. Fills the app grid's middle row and its status bar; the first time it
 * opens it builds the run of the current settings (paused at step 0).
 */
import { useEffect } from 'react';
import { useTrainingStore } from '../../state/trainingStore';
import { TrainCenter } from './TrainCenter';
import { TrainControls } from './TrainControls';
import { TrainSidePanel } from './TrainSidePanel';
import { TrainStatusBar } from './TrainStatusBar';
import './train.css';

export function TrainMode() {
  useEffect(() => {
    useTrainingStore.getState().ensureRun();
  }, []);
  return (
    <>
      <div className="train-mode" data-testid="train-mode">
        <TrainControls />
        <TrainCenter />
        <TrainSidePanel />
      </div>
      <TrainStatusBar />
    </>
  );
}
