/** Compare worker entry: configures the tfjs backends and hands every message to the service. */
import { configureBackends } from './backendSetup';
import { BackendSelector, type GpuLike } from './backend';
import { createCompareService } from './compareService';
import type { CompareReply, CompareWorkerRequest } from './compareProtocol';

configureBackends();
const selector = new BackendSelector(() => (navigator as Navigator & { gpu?: GpuLike }).gpu);
const service = createCompareService({
  post: (reply: CompareReply, transfer: Transferable[]) => self.postMessage(reply, { transfer }),
  selectBackend: (preference) => selector.select(preference),
});
self.addEventListener('message', (e: MessageEvent<CompareWorkerRequest>) => void service.handle(e.data));
