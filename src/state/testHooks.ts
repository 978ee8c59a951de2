/**
 * Test-only hooks, installed only when the page's URL has `?testHooks`: `window.__subspaceLab`
 * lets an e2e test crash a worker the way a fault would (an uncaught error inside it), so the
 * recovery path runs in the built app.
 */
import { crashWorker } from '../workers/rpc/registry';
import { analysisClientForTests } from './appStore';

export interface TestHooks {
  /** Makes the analysis worker throw an uncaught error; the client notices, fails what is pending and starts a fresh one. */
  crashAnalysisWorker: () => void;
  /** The same for the worker named `name` ('analysis', 'training', 'landscape', 'compare'); false when it was never started. */
  crashWorker: (name: string) => boolean;
}

export function installTestHooks(search: string): void {
  if (!new URLSearchParams(search).has('testHooks')) return;
  const hooks: TestHooks = { crashAnalysisWorker: () => analysisClientForTests().rpc.crash(), crashWorker };
  (window as Window & { __subspaceLab?: TestHooks }).__subspaceLab = hooks;
}
