/** Training worker entry: configures the tfjs backends and hands every message to the training service. */
import { configureBackends } from './backendSetup';
import { BackendSelector, type GpuLike } from './backend';
import { createTrainingService } from './trainingService';
import { fetchBytes } from './readFile';
import type { TrainingReply, TrainingRequest } from './trainingProtocol';

configureBackends();
const selector = new BackendSelector(() => (navigator as Navigator & { gpu?: GpuLike }).gpu);
const service = createTrainingService({
  post: (reply: TrainingReply, transfer: Transferable[]) => self.postMessage(reply, { transfer }),
  selectBackend: (preference) => selector.select(preference),
  onDeviceLost: (listener) => selector.onDeviceLost(listener),
  reader: (baseUrl) => (path) => fetchBytes(new URL(path, baseUrl).href, new AbortController().signal, () => undefined),
});
self.addEventListener('message', (e: MessageEvent<TrainingRequest>) => service.handle(e.data));
