/** Training worker entry: the training service behind the RPC. */
import { workerBackends } from './backendSetup';
import { createTrainingService } from './trainingService';
import { fetchBytes } from './readFile';
import { postFrom, serve } from './rpc/serve';

const service = createTrainingService({
  post: postFrom(),
  selectBackend: workerBackends(),
  reader: (baseUrl) => (path) => fetchBytes(new URL(path, baseUrl).href, new AbortController().signal, () => undefined),
});
serve(service.handle);
