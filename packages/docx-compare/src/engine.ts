/**
 * The comparison engine, `docxodus` (MIT; Open-XML-PowerTools' comparers compiled to WebAssembly),
 * hosted in one worker thread per process: started on first use (or by `warmUpEngine`), then reused.
 * In a thread of its own it initialises on the second core while the caller renders, its console
 * chatter never reaches our stdout, and a runaway comparison can be stopped. The worker does not keep
 * the process alive while no request is waiting.
 */
import { Worker } from 'node:worker_threads';
import { CompareEngineUnavailableError, CompareTimeoutError } from './errors.js';
import type { EngineReply, EngineRequest, EngineStatus } from './protocol.js';

// From src/ (tests run the sources) and from dist/ alike: the worker is always the built one.
const WORKER_URL = new URL('../dist/engine-worker.js', import.meta.url);
/**
 * A comparison of two 100-page contracts takes seconds; minutes means the engine is stuck.
 * CONTRACTS_COMPARE_TIMEOUT_MS changes the limit (documents far longer than a contract, a slow machine).
 */
export function compareTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const set = Number(env['CONTRACTS_COMPARE_TIMEOUT_MS']);
  return Number.isFinite(set) && set > 0 ? set : 120_000;
}

type Request = EngineRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

interface Pending {
  resolve(reply: EngineReply): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

class EngineHost {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | undefined;

  constructor(private readonly onGone: () => void) {
    this.worker = new Worker(WORKER_URL);
    this.worker.on('message', (message: EngineReply | EngineStatus) => {
      if ('ready' in message) {
        if (!message.ready) this.fail(new CompareEngineUnavailableError(`The DOCX comparison engine (docxodus) could not start: ${message.reason}`));
        return;
      }
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.settle(message.id);
      pending.resolve(message);
    });
    this.worker.on('error', (error) =>
      this.fail(new CompareEngineUnavailableError(`The DOCX comparison engine (docxodus) stopped: ${error.message.split('\n')[0]}`, { cause: error })),
    );
    this.worker.on('exit', (code) => this.fail(new CompareEngineUnavailableError(`The DOCX comparison engine (docxodus) exited (status ${code})`)));
    // After the listeners: attaching a 'message' listener refs the worker's port again, and an idle
    // engine must never keep the process alive (a command that fails early would hang otherwise).
    this.worker.unref();
  }

  /**
   * Requests go to the worker one at a time, so each one's time limit measures its own comparison, not
   * the queue before it (the redline corpus test compares several pairs concurrently).
   */
  call(request: Request): Promise<EngineReply> {
    const turn = this.queue.then(() => this.send(request));
    this.queue = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  private queue: Promise<void> = Promise.resolve();

  private send(request: Request): Promise<EngineReply> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<EngineReply>((resolve, reject) => {
      const limit = compareTimeoutMs();
      const timer = setTimeout(() => {
        this.fail(new CompareTimeoutError(`The DOCX comparison did not finish within ${limit / 1000} s; the engine was stopped`));
        void this.worker.terminate();
      }, limit);
      this.pending.set(id, { resolve, reject, timer });
      this.worker.ref();
      this.worker.postMessage({ ...request, id });
    });
  }

  private settle(id: number): void {
    clearTimeout(this.pending.get(id)?.timer);
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
  }

  /** Every waiting call fails with `error`; the next call starts a new worker. */
  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.onGone();
    for (const [id, pending] of [...this.pending]) {
      this.settle(id);
      pending.reject(error);
    }
    void this.worker.terminate();
  }
}

let host: EngineHost | undefined;

function engineHost(): EngineHost {
  if (!host) {
    const created: EngineHost = new EngineHost(() => {
      if (host === created) host = undefined;
    });
    host = created;
  }
  return host;
}

/** Sends one request to the engine thread (starting it if needed). */
export function callEngine(request: Request): Promise<EngineReply> {
  return engineHost().call(request);
}

/** Starts the engine thread now, so it is initialised by the time the first comparison comes. */
export function warmUpEngine(): void {
  engineHost();
}
