// Runs surface sampling in a worker thread so a high-resolution surface never
// stalls the extension host. One job at a time per sampler: a newer job
// cancels the running one by terminating its thread (a synchronous sampling
// loop cannot be interrupted otherwise) and starting a fresh one.

import { Worker } from 'node:worker_threads';
import type { Domain, Surface } from '../shared/protocol';
import type { SurfaceJob, SurfaceJobResult } from './surfaceJob';

/** What `sample` resolves to when a newer job replaced this one. */
export const CANCELLED = Symbol('cancelled');

interface Pending {
  id: number;
  resolve(value: Surface | typeof CANCELLED): void;
  reject(error: Error): void;
}

export class SurfaceSampler {
  private worker: Worker | undefined;
  private pending: Pending | undefined;
  private nextId = 1;

  constructor(private readonly workerPath: string) {}

  sample(source: string, domain: Domain, resolution: number): Promise<Surface | typeof CANCELLED> {
    if (this.pending) this.cancel();
    const worker = this.ensureWorker();
    const job: SurfaceJob = { id: this.nextId++, source, domain, resolution };
    return new Promise((resolve, reject) => {
      this.pending = { id: job.id, resolve, reject };
      worker.postMessage(job);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath);
    worker.on('message', (result: SurfaceJobResult) => {
      const pending = this.pending;
      if (!pending || pending.id !== result.id) return;
      this.pending = undefined;
      if (result.ok) pending.resolve(result.surface);
      else pending.reject(new Error(result.message));
    });
    worker.on('error', (error) => this.lose(worker, error));
    worker.on('exit', (code) => this.lose(worker, new Error(`the surface worker exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }

  /** The worker died on its own: fail its job; the next job starts a new worker. */
  private lose(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(error);
  }

  private cancel(): void {
    const pending = this.pending;
    const worker = this.worker;
    this.pending = undefined;
    this.worker = undefined;
    pending?.resolve(CANCELLED);
    void worker?.terminate();
  }

  dispose(): void {
    this.cancel();
  }
}
