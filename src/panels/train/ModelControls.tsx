/** Train mode's model settings: the shared ModelConfig editor over fixed choices, on the run's config. */
import { classesOf } from '../../state/trainingConfig';
import { useTrainingStore } from '../../state/trainingStore';
import { ModelConfigFields } from '../ModelConfigFields';

export function ModelControls() {
  const model = useTrainingStore((s) => s.config.model);
  const K = useTrainingStore((s) => classesOf(s.config.data.source));
  const edit = useTrainingStore((s) => s.edit);
  return <ModelConfigFields model={model} edit={(update) => edit((c) => ({ ...c, model: update(c.model) }))} look="column" testIdPrefix="train" classes={K} />;
}
