/**
 * The labels worker's client: density-peak labels of the picture on screen. The text column is
 * sent once per key (the worker keeps it); a fresh worker asks for it again ('needTexts').
 */
import type { PeakLabel } from '../geometry/densityPeaks';
import { HEARTBEAT, WorkerClient } from './rpc/client';
import { LABELS_FINALS, type LabelsReply, type LabelsRequest, type NeedTextsReply, type PeakLabelsReply } from './labelsProtocol';

let client: WorkerClient<LabelsRequest, LabelsReply> | null = null;
let sentKey: string | null = null;
let last: number | null = null;

const getClient = () =>
  (client ??= new WorkerClient<LabelsRequest, LabelsReply>(() => new Worker(new URL('./labels.worker.ts', import.meta.url), { type: 'module' }), {
    name: 'labels',
    finals: LABELS_FINALS,
    heartbeat: HEARTBEAT,
    onDeath: () => (sentKey = null),
  }));

/** Labels of the peaks of the visible points at (xy[2i], xy[2i + 1]) from `texts` (named by `key`); a newer call cancels an older one. */
export async function peakLabels(xy: Float32Array, visible: Uint8Array, key: string, texts: () => string[]): Promise<PeakLabel[]> {
  const c = getClient();
  if (last !== null) c.cancel(last);
  const send = async (withTexts: boolean): Promise<PeakLabelsReply | NeedTextsReply> => {
    const t = c.request<PeakLabelsReply | NeedTextsReply>({ type: 'peakLabels', xy, visible, textsKey: key, texts: withTexts ? texts() : undefined });
    last = t.id;
    return t.result;
  };
  let reply = await send(sentKey !== key);
  sentKey = key;
  if (reply.type === 'needTexts') reply = await send(true);
  return reply.type === 'peakLabels' ? reply.labels : [];
}
