/** Training worker entry: the training service behind the RPC. */
import { workerSelector } from './backendSetup';
import { createTrainingService } from './trainingService';
import { fetchBytes } from '../io/readFile';
import { postFrom, serve } from './rpc/serve';
import { workerImageDecoder } from './decodeImage';
import { indexedDbPoints } from './keptPoints';

const selector = workerSelector();
const service = createTrainingService({
  post: postFrom(),
  selectBackend: (preference) => selector.select(preference),
  onDeviceLost: (listener) => selector.onDeviceLost(listener),
  decodeImage: workerImageDecoder(),
  keptPoints: indexedDbPoints(),
  reader: (baseUrl) => (path) => fetchBytes(new URL(path, baseUrl).href, new AbortController().signal, () => undefined),
});
serve(service.handle);
