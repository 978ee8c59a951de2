/** Analysis worker entry: configures the tfjs backends and hands every message to the service. */
import { configureBackends } from './backendSetup';
import { BackendSelector, type GpuLike } from './backend';
import { createAnalysisService } from './analysisService';
import type { WorkerReply, WorkerRequest } from './protocol';

configureBackends();
const selector = new BackendSelector(() => (navigator as Navigator & { gpu?: GpuLike }).gpu);
const service = createAnalysisService({
  post: (reply: WorkerReply, transfer: Transferable[]) => self.postMessage(reply, { transfer }),
  selectBackend: (preference) => selector.select(preference),
  deviceLost: () => selector.deviceLost,
});
self.addEventListener('message', (e: MessageEvent<WorkerRequest>) => service.handle(e.data));
