/** The app's store instances, bound to the real analysis worker (created on first use). */
import { createAnalysisClient, type AnalysisClient } from '../workers/analysisClient';
import { createAnalysisStore } from './analysisStore';
import { DEMO_DATASETS, demoSource } from './datasets';
import type { BackendPreference } from '../workers/protocol';

let client: AnalysisClient | null = null;

export const useAnalysisStore = createAnalysisStore(() => (client ??= createAnalysisClient()));

/** Analyses the demo dataset `id` (default: the first) on the current or given backend preference. */
export function analyzeDemo(id: string = DEMO_DATASETS[0].id, preference?: BackendPreference): void {
  const d = DEMO_DATASETS.find((x) => x.id === id) ?? DEMO_DATASETS[0];
  useAnalysisStore.getState().run(demoSource(d, document.baseURI), preference);
}
