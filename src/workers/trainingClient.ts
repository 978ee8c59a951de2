/**
 * The UI side of the training protocol: assigns request ids and routes the worker's replies to one
 * listener (the training store). Snapshots stream, so replies are events, not promises; every
 * event names the request it answers so the listener can drop those of a request it replaced.
 */
import type { BackendChoice, BackendPreference } from './protocol';
import type { RunConfig } from '../training/types';
import type { FeaturesReply, RunInfo, SnapshotMessage, StoppedReply, TrainingReply, TrainingRequest, TrainSpeed } from './trainingProtocol';

/** The subset of Worker the client uses (a fake in tests). */
export interface TrainingWorkerLike {
  postMessage(message: TrainingRequest): void;
  addEventListener(type: 'message', fn: (e: MessageEvent<TrainingReply>) => void): void;
  addEventListener(type: 'error', fn: (e: ErrorEvent) => void): void;
  terminate(): void;
}

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
  /** kind 'input': the settings or data are unusable; 'internal': a bug, a backend or a worker failure (id 0: the worker itself). */
  error(id: number, kind: 'input' | 'internal', problem: string, fix: string): void;
}

export class TrainingClient {
  private nextId = 1;

  constructor(
    private readonly worker: TrainingWorkerLike,
    private readonly listener: TrainingListener,
  ) {
    worker.addEventListener('message', (e: MessageEvent<TrainingReply>) => this.receive(e.data));
    worker.addEventListener('error', (e: ErrorEvent) =>
      listener.error(0, 'internal', e.message || 'The training worker failed to start.', 'Reload the page; if it persists, the browser may block module workers.'),
    );
  }

  private post(request: TrainingRequest): number {
    this.worker.postMessage(request);
    return request.id;
  }

  /** Builds a new run (stopping the current one); returns the request id. */
  configure(config: RunConfig, backend: BackendPreference, baseUrl: string): number {
    return this.post({ type: 'configure', id: this.nextId++, config, backend, baseUrl });
  }

  /** Trains run `run` until paused, or for `maxSteps` steps; returns the request id. */
  play(run: number, speed: TrainSpeed, maxSteps?: number): number {
    return this.post({ type: 'play', id: this.nextId++, run, speed, maxSteps });
  }

  /** Pauses run `run` (its play request answers `stopped`). */
  pause(run: number): void {
    this.post({ type: 'pause', id: this.nextId++, run });
  }

  setSpeed(speed: TrainSpeed): void {
    this.post({ type: 'speed', id: this.nextId++, speed });
  }

  /** Asks for the penultimate features of every row of run `run` (stopping its play); returns the request id. */
  features(run: number): number {
    return this.post({ type: 'features', id: this.nextId++, run });
  }

  /** Stops request `id`. */
  cancel(id: number): void {
    this.post({ type: 'cancel', id });
  }

  dispose(): void {
    this.worker.terminate();
  }

  private receive(msg: TrainingReply): void {
    const l = this.listener;
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
}

/** The app's training worker, as a module worker bundled by Vite. */
export function createTrainingClient(listener: TrainingListener): TrainingClient {
  const worker = new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module', name: 'training' });
  return new TrainingClient(worker, listener);
}
