// The messages between the extension host and the surface worker thread. A
// compiled Loss holds closures and cannot cross threads, so the worker gets
// the source and compiles it itself.

import type { Domain, Surface } from '../shared/protocol';

export interface SurfaceJob {
  id: number;
  source: string;
  domain: Domain;
  resolution: number;
}

export type SurfaceJobResult = { id: number; ok: true; surface: Surface } | { id: number; ok: false; message: string };
