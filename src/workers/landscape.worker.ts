/** Landscape worker entry: the Landscape service behind the RPC (shipped data fetched like the other workers). */
import { workerBackends } from './backendSetup';
import { createLandscapeService } from './landscapeService';
import { fetchBytes } from '../io/readFile';
import { postFrom, serve } from './rpc/serve';

const service = createLandscapeService({
  post: postFrom(),
  selectBackend: workerBackends(),
  read: (path, baseUrl) => fetchBytes(new URL(path, baseUrl).href, new AbortController().signal, () => undefined),
});
serve(service.handle);
