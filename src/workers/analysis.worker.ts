/** Analysis worker entry: the analysis service behind the RPC. */
import { workerSelector } from './backendSetup';
import { createAnalysisService } from './analysisService';
import { postFrom, serve } from './rpc/serve';

const selector = workerSelector();
const service = createAnalysisService({ post: postFrom(), selectBackend: (preference) => selector.select(preference), deviceLost: () => selector.deviceLost });
serve(service.handle);
