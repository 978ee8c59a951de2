/**
 * The analysis worker's requests and replies (the envelope they share with the other workers is
 * rpc/envelope.ts). Every request carries an id;
 * every reply names the id it answers. Large arrays travel as transferred typed arrays; Files are
 * posted as they are (the browser shares their bytes, nothing is copied).
 */
import type { SampleSpec } from '../geometry/sample';
import type { AnalysisReport, Metadata } from '../geometry/types';
import type { AnglesChart, ClassDimensionChart, DatasetCharts } from '../explore/charts';
import type { FileChoices } from '../io/choices';
import type { FaithfulnessReply, FaithfulnessRequest, ViewResult } from '../explore/viewProtocol';
import type { ViewSpec } from '../explore/views';
import type { DatasetSource } from '../explore/sources';
import type { BackendChoice, BackendPreference, BackendReply, CancelledReply, CancelRequest, ErrorReply, ProgressReply } from './rpc/envelope';
import type { Policy } from './rpc/jobs';

export type { AnglesChart, ClassCharts, ClassDimensionChart, DatasetCharts } from '../explore/charts';
export type { FileChoices, LoadChoice } from '../io/choices';
export type { AxisEnd, CustomAxis, ViewSpec } from '../explore/views';
export type { ClusterChoice } from '../explore/clusterSource';
export type { ClustersSource, DatasetSource, FilesSource, RowsSource, SyntheticSource, UrlDatasetSource } from '../explore/sources';
export type { FaithfulnessReply, FaithfulnessRequest, ViewFaithfulness, ViewResult } from '../explore/viewProtocol';

export type { BackendChoice, BackendName, BackendPreference, BackendProbe, BackendReply, CancelledReply, CancelRequest, ErrorReply, ProgressReply } from './rpc/envelope';
export { BACKEND_NAMES } from './rpc/envelope';

export { LABELS_KEPT_FIX } from '../io/table';

/** Load a dataset, analyse it on a backend, and send the default view. A newer one cancels every older job. */
export interface AnalyzeRequest {
  type: 'analyze';
  id: number;
  source: DatasetSource;
  backend: BackendPreference;
  /** k of the Levina-Bickel MLE (default 20). */
  k?: number;
}

/** Compute a view (projection) of dataset `dataset`. A newer one cancels the older. */
export interface ProjectRequest {
  type: 'project';
  id: number;
  /** The datasetId of the result the UI shows; a request for an older dataset is cancelled. */
  dataset: number;
  view: ViewSpec;
}

/** The original vectors of some plotted points (the selection export). */
export interface VectorsRequest {
  type: 'vectors';
  id: number;
  dataset: number;
  /** Plotted-point indices (0..n-1 over the finite rows). */
  points: Int32Array;
}

/** The exact nearest neighbours of one plotted point in the original space. */
export interface NeighboursRequest {
  type: 'neighbours';
  id: number;
  dataset: number;
  /** Index of the plotted point (0..n-1 over the finite rows). */
  point: number;
  k: number;
  metric: 'euclidean' | 'cosine';
}

/** The pointwise Levina-Bickel MLE of every plotted point (for colouring). */
export interface LocalIdRequest {
  type: 'localId';
  id: number;
  dataset: number;
  k: number;
}

/** Principal angles between the class subspaces of dimension k. */
export interface AnglesRequest {
  type: 'angles';
  id: number;
  dataset: number;
  k: number;
}

/**
 * The intrinsic-dimension stage of dataset `dataset` (TwoNN, MLE, per-class ID): on all unique
 * rows up to sample.size (default APP_ID_SAMPLE), else on a seeded sample of that many drawn by
 * sample.strategy and sample.seed. The UI sends it on every result and when the sample changes.
 */
export interface IntrinsicDimensionRequest {
  type: 'intrinsicDimension';
  id: number;
  dataset: number;
  sample?: SampleSpec;
}

export type WorkerRequest = AnalyzeRequest | ProjectRequest | NeighboursRequest | VectorsRequest | LocalIdRequest | AnglesRequest | IntrinsicDimensionRequest | FaithfulnessRequest | CancelRequest;

/** The file needs a choice (which array or columns) before it can be loaded; the request ends here. */
export interface ChooseReply {
  type: 'choose';
  id: number;
  choices: FileChoices;
}

/**
 * The first view of an analysis: the report, the plotted points, their metadata, chart data and the
 * default view. The ID estimates (report.intrinsicDimension.twoNN/mle, charts.classes.dimension)
 * are still null here: an IntrinsicDimensionRequest computes them.
 */
export interface ResultReply {
  type: 'result';
  id: number;
  /** Serial number of the dataset in the worker; later requests name it. */
  datasetId: number;
  dataset: string;
  report: AnalysisReport;
  backend: BackendChoice;
  /** Index into the original rows of each plotted point (transferred). */
  rowIndex: Int32Array;
  /** Class index per plotted point, or null when unlabelled (transferred). */
  labels: Int32Array | null;
  classNames: string[] | null;
  /** Points per class (length K), or null when unlabelled. */
  classCounts: number[] | null;
  /** Metadata of the plotted points (values[c][i] for point i), or null. */
  meta: Metadata | null;
  /** What was chosen to load the file (arrays, columns) and the alternatives. */
  choices: FileChoices | null;
  /** Where the classifier's W and b came from (`file:array`; bias null: b = 0 was used), or null without one. */
  classifier?: { weightsFrom: string; biasFrom: string | null } | null;
  charts: DatasetCharts;
  view: ViewResult;
  /** Milliseconds from the end of parsing to this reply (first stage, default view and charts). */
  analysisMs: number;
}

/** The intrinsic-dimension stage of a dataset: the final report.intrinsicDimension and the per-class ID. */
export interface IntrinsicDimensionReply {
  type: 'intrinsicDimension';
  id: number;
  dataset: number;
  intrinsicDimension: AnalysisReport['intrinsicDimension'];
  classDimension: ClassDimensionChart | null;
  /** Coding rate and the PCA-3 picture's faithfulness, computed after the ID estimates. */
  codingRate?: AnalysisReport['codingRate'];
  projection?: AnalysisReport['projection'];
  /** Threads the global nearest-neighbour scan ran on. */
  threads?: number;
  /** Milliseconds the stage took. */
  ms: number;
}

/** The global TwoNN/MLE of an intrinsic-dimension stage, sent before its per-class estimates start (not final). */
export interface IntrinsicDimensionGlobalReply {
  type: 'intrinsicDimensionGlobal';
  id: number;
  dataset: number;
  intrinsicDimension: AnalysisReport['intrinsicDimension'];
  /** Threads the global nearest-neighbour scan ran on. */
  threads: number;
}

export interface ProjectionReply {
  type: 'projection';
  id: number;
  result: ViewResult;
}

/** The vectors asked for, points.length x d row-major (finite values, as analysed). */
export interface VectorsReply {
  type: 'vectors';
  id: number;
  d: number;
  vectors: Float32Array;
}

export interface NeighboursReply {
  type: 'neighbours';
  id: number;
  point: number;
  metric: 'euclidean' | 'cosine';
  /** Plotted-point indices, nearest first. */
  indices: Int32Array;
  distances: Float64Array;
}

export interface LocalIdReply {
  type: 'localId';
  id: number;
  k: number;
  /** m(x) per plotted point (NaN where undefined), float32 (transferred). */
  values: Float32Array;
}

export interface AnglesReply {
  type: 'angles';
  id: number;
  angles: AnglesChart;
}

export type WorkerReply =
  | ProgressReply
  | BackendReply
  | ChooseReply
  | ResultReply
  | IntrinsicDimensionGlobalReply
  | ProjectionReply
  | NeighboursReply
  | VectorsReply
  | LocalIdReply
  | AnglesReply
  | IntrinsicDimensionReply
  | FaithfulnessReply
  | CancelledReply
  | ErrorReply;

function viewBuffers(v: ViewResult): Transferable[] {
  const out: Transferable[] = [v.coords.buffer];
  if (v.sample) out.push(v.sample.buffer);
  if (v.means) out.push(v.means.buffer);
  if (v.etf) out.push(v.etf.buffer);
  return out;
}

/** The transfer list of a reply: the buffers of its large typed arrays. */
export function transferablesOf(reply: WorkerReply): Transferable[] {
  switch (reply.type) {
    case 'result': {
      const out: Transferable[] = [reply.rowIndex.buffer, ...viewBuffers(reply.view)];
      if (reply.labels) out.push(reply.labels.buffer);
      return out;
    }
    case 'projection':
      return viewBuffers(reply.result);
    case 'neighbours':
      return [reply.indices.buffer, reply.distances.buffer];
    case 'vectors':
      return [reply.vectors.buffer];
    case 'localId':
      return [reply.values.buffer];
    case 'faithfulness':
      return [reply.preservation.buffer];
    default:
      return [];
  }
}

/** How newer requests stop older ones (rpc/jobs.ts): one line per request type. */
export const ANALYSIS_POLICY = {
  analyze: 'supersedes-all',
  project: 'supersedes-kind',
  localId: 'supersedes-kind',
  angles: 'supersedes-kind',
  intrinsicDimension: 'supersedes-kind',
  faithfulness: 'supersedes-kind',
  neighbours: 'parallel',
  vectors: 'parallel',
} as const satisfies Record<Exclude<WorkerRequest['type'], 'cancel'>, Policy>;

/** The replies that end a request (besides cancelled and error). */
export const ANALYSIS_FINALS = ['choose', 'result', 'projection', 'neighbours', 'localId', 'angles', 'intrinsicDimension', 'faithfulness', 'vectors'] as const satisfies readonly WorkerReply['type'][];
