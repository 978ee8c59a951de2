/** Analysis worker entry: the analysis service behind the RPC. */
import { workerBackends } from './backendSetup';
import { createAnalysisService } from './analysisService';
import { postFrom, serve } from './rpc/serve';

const service = createAnalysisService({ post: postFrom(), selectBackend: workerBackends() });
serve(service.handle);
