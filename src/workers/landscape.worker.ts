/** Landscape worker entry: configures the tfjs backends and hands every message to the service. */
import { configureBackends } from './backendSetup';
import { BackendSelector, type GpuLike } from './backend';
import { createLandscapeService } from './landscapeService';
import type { LandscapeRequest } from './landscapeProtocol';

configureBackends();
const selector = new BackendSelector(() => (navigator as Navigator & { gpu?: GpuLike }).gpu);
const service = createLandscapeService({
  post: (reply) => self.postMessage(reply),
  selectBackend: (preference) => selector.select(preference),
  read: async (path, baseUrl) => {
    const response = await fetch(new URL(path, baseUrl));
    if (!response.ok) throw new Error(`Could not fetch ${path} (HTTP ${response.status}).`);
    return new Uint8Array(await response.arrayBuffer());
  },
});
self.addEventListener('message', (e: MessageEvent<LandscapeRequest>) => service.handle(e.data));
