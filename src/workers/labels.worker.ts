/** Labels worker entry: density-peak labels behind the RPC. */
import { createLabelsService } from './labelsService';
import { postFrom, serve } from './rpc/serve';

serve(createLabelsService(postFrom()).handle);
