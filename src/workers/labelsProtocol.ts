/** The labels worker's messages: density-peak labels of a 2-D picture from a text column (geometry/densityPeaks.ts). */
import type { PeakLabel } from '../geometry/densityPeaks';
import type { CancelledReply, CancelRequest, ErrorReply } from './rpc/envelope';

/** Peaks of the points with visible[i] = 1 at (xy[2i], xy[2i + 1]), named from the text column `textsKey` (its texts sent when the worker does not hold them). */
export interface PeakLabelsRequest {
  type: 'peakLabels';
  id: number;
  xy: Float32Array;
  visible: Uint8Array;
  textsKey: string;
  texts?: string[];
}

export interface PeakLabelsReply {
  type: 'peakLabels';
  id: number;
  labels: PeakLabel[];
}

/** The worker holds no texts under the request's key (a fresh worker): send them again. */
export interface NeedTextsReply {
  type: 'needTexts';
  id: number;
}

export type LabelsRequest = PeakLabelsRequest | CancelRequest;
export type LabelsReply = PeakLabelsReply | NeedTextsReply | CancelledReply | ErrorReply;
export const LABELS_FINALS = ['peakLabels', 'needTexts'] as const satisfies readonly LabelsReply['type'][];
