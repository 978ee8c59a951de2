/** Compare worker entry: the Compare service behind the RPC. */
import { workerBackends } from './backendSetup';
import { createCompareService } from './compareService';
import { postFrom, serve } from './rpc/serve';

serve(createCompareService({ post: postFrom(), selectBackend: workerBackends() }).handle);
