// Worker-thread entry (dist/surfaceWorker.js): samples a surface off the
// extension host's event loop. One job at a time; the host cancels a stale
// job by terminating this thread (see surfaceSampler.ts), since a tight
// sampling loop cannot stop to read messages.

import { parentPort } from 'node:worker_threads';
import { compile, sampleSurface } from '../engine';

import type { SurfaceJob, SurfaceJobResult } from './surfaceJob';

function run(job: SurfaceJob): SurfaceJobResult {
  const { loss } = compile(job.source);
  if (!loss) return { id: job.id, ok: false, message: 'the file has no loss to sample' };
  const s = sampleSurface(loss, job.domain, job.resolution);
  return { id: job.id, ok: true, surface: { resolution: job.resolution, ...s } };
}

const port = parentPort;
if (port) {
  port.on('message', (job: SurfaceJob) => {
    let result: SurfaceJobResult;
    try {
      result = run(job);
    } catch (e) {
      result = { id: job.id, ok: false, message: e instanceof Error ? e.message : String(e) };
    }
    // Transfer the heights instead of copying them.
    port.postMessage(result, result.ok ? [result.surface.heights.buffer as ArrayBuffer] : []);
  });
}
