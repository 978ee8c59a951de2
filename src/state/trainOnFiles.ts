/** Starting a run on the user's files: from Train's Data section, a drop on Train, or Explore's "Train on this file". */
import type { LoadChoice } from '../io/choices';
import { uploadOf, withUpload, type PathedFile } from './trainingFile';
import { useTrainingStore } from './trainingStore';

/** Makes `files` the run's data (the run rebuilds on them); a set of files that cannot be one source is shown as the run's error. */
export function trainOnFiles(files: readonly PathedFile[], choice?: LoadChoice): void {
  const up = uploadOf(files, choice);
  if ('error' in up) {
    useTrainingStore.setState({ status: 'error', error: { kind: 'input', problem: up.error, fix: 'Choose one labelled file (plus its labels file if separate), or images in class folders.' } });
    return;
  }
  useTrainingStore.getState().edit((c) => withUpload(c, up));
}
