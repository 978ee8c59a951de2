/** The labels worker's service: holds the text column last sent and answers peak-label requests (one at a time, each quick). */
import { labelledPeaks } from '../geometry/densityPeaks';
import type { LabelsReply, LabelsRequest } from './labelsProtocol';

export function createLabelsService(post: (reply: LabelsReply) => void): { handle: (msg: LabelsRequest) => void } {
  let held: { key: string; texts: string[] } | null = null;
  return {
    handle(msg) {
      if (msg.type === 'cancel') return;
      if (msg.texts) held = { key: msg.textsKey, texts: msg.texts };
      if (!held || held.key !== msg.textsKey) {
        post({ type: 'needTexts', id: msg.id });
        return;
      }
      try {
        const { visible } = msg;
        post({ type: 'peakLabels', id: msg.id, labels: labelledPeaks(msg.xy, 2, (i) => visible[i] === 1, held.texts) });
      } catch (e) {
        post({ type: 'error', id: msg.id, kind: 'internal', problem: `Density-peak labels failed: ${(e as Error).message}`, fix: 'Turn the labels off and on again; if it persists, report it.' });
      }
    },
  };
}
