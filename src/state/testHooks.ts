/**
 * Test-only hooks, installed only when the page's URL has `?testHooks`: `window.__subspaceLab`
 * lets an e2e test crash a worker the way a fault would (an uncaught error inside it), so the
 * recovery path runs in the built app.
 */
import { analysisClientForTests } from './appStore';

export interface TestHooks {
  /** Makes the analysis worker throw an uncaught error; the client notices, fails what is pending and starts a fresh one. */
  crashAnalysisWorker: () => void;
}

export function installTestHooks(search: string): void {
  if (!new URLSearchParams(search).has('testHooks')) return;
  const hooks: TestHooks = { crashAnalysisWorker: () => analysisClientForTests().rpc.crash() };
  (window as Window & { __subspaceLab?: TestHooks }).__subspaceLab = hooks;
}
