/**
 * The training worker's requests as calls over the one RPC client (rpc/client.ts). Snapshots
 * stream, so every reply goes to one listener (the training store) as an event that names the
 * request it answers; the listener drops those of a request it replaced.
 */
import type { RunConfig } from '../training/types';
import type { DataUpload } from './trainingData';
import { HEARTBEAT, TypedClient, WorkerClient, type ClientOptions, type WorkerLike } from './rpc/client';
import type { BackendChoice, BackendPreference } from './rpc/envelope';
import { TRAINING_FINALS, type FeaturesReply, type RunInfo, type SnapshotMessage, type StoppedReply, type TrainingReply, type TrainingRequest, type TrainSpeed } from './trainingProtocol';

/** The subset of Worker the client uses (a fake in tests). */
export type TrainingWorkerLike = WorkerLike<TrainingRequest, TrainingReply>;

/** What the client reports; `id` is the request a reply answers. */
export interface TrainingListener {
  progress(id: number, fraction: number, stage: string): void;
  backend(id: number, choice: BackendChoice): void;
  ready(id: number, info: RunInfo): void;
  snapshot(id: number, run: number, snapshot: SnapshotMessage): void;
  stopped(reply: StoppedReply): void;
  /** The penultimate features of every row (a features request's answer). */
  features(reply: FeaturesReply): void;
  cancelled(id: number): void;
  /** kind 'input': the settings or data are unusable; 'internal': a bug, a backend or a worker failure (id 0: the worker itself, which is then replaced). */
  error(id: number, kind: 'input' | 'internal', problem: string, fix: string): void;
}

function route(l: TrainingListener, msg: TrainingReply): void {
  switch (msg.type) {
    case 'progress':
      return l.progress(msg.id, msg.fraction, msg.stage);
    case 'backend':
      return l.backend(msg.id, msg.choice);
    case 'ready':
      return l.ready(msg.id, msg.info);
    case 'snapshot':
      return l.snapshot(msg.id, msg.run, msg.snapshot);
    case 'stopped':
      return l.stopped(msg);
    case 'features':
      return l.features(msg);
    case 'cancelled':
      return l.cancelled(msg.id);
    case 'error':
      return l.error(msg.id, msg.kind, msg.problem, msg.fix);
  }
}

export class TrainingClient extends TypedClient<TrainingRequest, TrainingReply> {

  constructor(
    worker: TrainingWorkerLike | (() => TrainingWorkerLike),
    listener: TrainingListener,
    options: Partial<ClientOptions<TrainingReply>> = {},
  ) {
    super(new WorkerClient(worker, {
      name: 'training',
      finals: TRAINING_FINALS,
      // A cancelled play or configure answers `stopped`/`cancelled`, which the listener follows.
      cancelByReply: ['configure', 'play'],
      observe: (msg) => route(listener, msg),
      onDeath: (f) => listener.error(0, 'internal', f.problem, f.fix),
      ...options,
    }));
  }

  private request(msg: Parameters<WorkerClient<TrainingRequest, TrainingReply>['request']>[0]): number {
    const ticket = this.rpc.request(msg);
    // The listener hears every outcome; the promise only tracks the request for cancel and worker death.
    ticket.result.catch(() => undefined);
    return ticket.id;
  }

  /** Builds a new run (stopping the current one); returns the request id. */
  configure(config: RunConfig, backend: BackendPreference, baseUrl: string, upload?: DataUpload): number {
    return this.request({ type: 'configure', config, backend, baseUrl, ...(upload ? { upload } : {}) });
  }

  /** Trains run `run` until paused, or for `maxSteps` steps; returns the request id. */
  play(run: number, speed: TrainSpeed, maxSteps?: number): number {
    return this.request({ type: 'play', run, speed, maxSteps });
  }

  /** Pauses run `run` (its play request answers `stopped`). */
  pause(run: number): void {
    this.rpc.notify({ type: 'pause', run });
  }

  setSpeed(speed: TrainSpeed): void {
    this.rpc.notify({ type: 'speed', speed });
  }

  /** Asks for the penultimate features of every row of run `run` (stopping its play); returns the request id. */
  features(run: number): number {
    return this.request({ type: 'features', run });
  }
}

/** The app's training worker, as a module worker bundled by Vite, replaced by a fresh one when it dies. */
export function createTrainingClient(listener: TrainingListener): TrainingClient {
  const spawn = () => new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module', name: 'training' });
  return new TrainingClient(spawn, listener, { heartbeat: HEARTBEAT });
}
