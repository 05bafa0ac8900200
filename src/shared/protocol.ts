// The messages between the extension host and the preview webview: one
// discriminated union per direction, imported by both sides, and the
// validators each side runs on receipt. A message that does not match its
// type exactly is rejected with a reason; nothing from the other side is
// trusted. Bulk arrays travel as typed arrays (structured clone copies them
// without boxing every number). No `vscode` and no DOM here.

export type Vec2 = [number, number];
export type Vec3 = [number, number, number];

export interface Domain {
  x: Vec2;
  y: Vec2;
}

/** One optimizer run, as the engine's `simulate` computed it. */
export interface RunData {
  label: string;
  /** The schedule type of this run ('sgdr', 'constant', ...). */
  schedule: string;
  /** True for a run the user started by clicking on the surface. */
  extra: boolean;
  /** Point k (after k updates) at [3k, 3k+1, 3k+2] = x, y, loss. */
  points: Float64Array;
  /** lr[k] = η(k), the rate of the update that leaves point k. */
  lr: Float64Array;
  /** The (noise-free) gradient at point k at [2k, 2k+1]. */
  grad: Float64Array;
  /** Every k at which a new cycle begins; point k is the previous cycle's snapshot. */
  restarts: number[];
  stopped: { step: number; reason: string } | null;
}

export interface Surface {
  resolution: number;
  /** heights[j * resolution + i] = loss(x_i, y_j); NaN where not finite. */
  heights: Float32Array;
  min: number;
  max: number;
  /** How many samples were not finite (drawn as holes). */
  nonFinite: number;
}

/** What the webview persists with `setState` and the host restores after a reload. */
export interface ViewState {
  camera: { position: Vec3; target: Vec3 } | null;
  step: number;
  playing: boolean;
  logLossChart: boolean;
}

// ---- host -> webview ----

export interface SceneMessage {
  readonly type: 'scene';
  /** Increases with every update, echoed by `rendered`. */
  revision: number;
  title: string;
  params: Vec2Names;
  domain: Domain;
  surface: Surface;
  heightScale: 'linear' | 'log' | 'auto';
  steps: number;
  /** Steps per second of playback. */
  speed: number;
  runs: RunData[];
}
export type Vec2Names = [string, string];

/** The file is broken: keep the last good picture and show this. */
export interface ErrorMessage {
  readonly type: 'error';
  revision: number;
  message: string;
  /** 0-based, as VS Code counts; shown 1-based. */
  line: number;
  column: number;
  count: number;
}

export interface ExtraRunMessage {
  readonly type: 'extraRun';
  run: RunData;
}

export interface InitMessage {
  readonly type: 'init';
  state: ViewState | null;
}

export interface RequestImageMessage {
  readonly type: 'requestImage';
  requestId: number;
}

export type HostMessage = SceneMessage | ErrorMessage | ExtraRunMessage | InitMessage | RequestImageMessage;

// ---- webview -> host ----

export interface ReadyMessage {
  readonly type: 'ready';
}

/** Sent after a scene is on screen; tests and the latency bench wait for it. */
export interface RenderedMessage {
  readonly type: 'rendered';
  revision: number;
  runs: number;
  restarts: number;
  vertices: number;
  resolution: number;
}

export interface StartRunMessage {
  readonly type: 'startRun';
  x: number;
  y: number;
}

export interface SaveStartMessage {
  readonly type: 'saveStart';
  x: number;
  y: number;
}

export interface ImageMessage {
  readonly type: 'image';
  requestId: number;
  png: Uint8Array;
}

export interface ImageErrorMessage {
  readonly type: 'imageError';
  requestId: number;
  message: string;
}

/** The webview rejected a message from the host (logged on both sides). */
export interface RejectedMessage {
  readonly type: 'rejected';
  reason: string;
}

export type WebviewMessage =
  | ReadyMessage
  | RenderedMessage
  | StartRunMessage
  | SaveStartMessage
  | ImageMessage
  | ImageErrorMessage
  | RejectedMessage;

// ---- validation ----

export type Parsed<T> = { ok: true; message: T } | { ok: false; reason: string };

class Invalid extends Error {}

function fail(path: string, expected: string): never {
  throw new Invalid(`${path}: expected ${expected}`);
}

type Obj = Record<string, unknown>;

function object(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, 'an object');
  return v as Obj;
}

function finite(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(path, 'a finite number');
  return v;
}

/** A number that may be NaN or ±Infinity (a loss value, a surface bound). */
function anyNumber(v: unknown, path: string): number {
  if (typeof v !== 'number') fail(path, 'a number');
  return v;
}

function int(v: unknown, path: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) fail(path, `an integer in [${min}, ${max}]`);
  return v;
}

function string(v: unknown, path: string, maxLength = 10_000): string {
  if (typeof v !== 'string' || v.length > maxLength) fail(path, `a string of at most ${maxLength} characters`);
  return v;
}

function boolean(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') fail(path, 'true or false');
  return v;
}

function tuple(v: unknown, path: string, n: number): number[] {
  if (!Array.isArray(v) || v.length !== n) fail(path, `an array of ${n} finite numbers`);
  return v.map((e, i) => finite(e, `${path}[${i}]`));
}

// Checked by tag, not instanceof: a typed array posted from another frame
// belongs to that frame's realm.
function typed<T>(v: unknown, path: string, tag: string, length?: number): T {
  if (Object.prototype.toString.call(v) !== `[object ${tag}]`) fail(path, `a ${tag}`);
  const n = (v as { length: number }).length;
  if (length !== undefined && n !== length) fail(path, `a ${tag} of length ${length}`);
  return v as T;
}

function domain(v: unknown, path: string): Domain {
  const o = object(v, path);
  const x = tuple(o.x, `${path}.x`, 2) as Vec2;
  const y = tuple(o.y, `${path}.y`, 2) as Vec2;
  if (!(x[0] < x[1]) || !(y[0] < y[1])) fail(path, 'min < max for both parameters');
  return { x, y };
}

export function parseRun(v: unknown, path = 'run'): RunData {
  const o = object(v, path);
  const lr = typed<Float64Array>(o.lr, `${path}.lr`, 'Float64Array');
  const n = lr.length;
  if (n < 1) fail(`${path}.lr`, 'at least one point');
  const restarts = o.restarts;
  if (!Array.isArray(restarts)) fail(`${path}.restarts`, 'an array');
  let stopped: RunData['stopped'] = null;
  if (o.stopped !== null) {
    const s = object(o.stopped, `${path}.stopped`);
    stopped = { step: int(s.step, `${path}.stopped.step`, 0, n - 1), reason: string(s.reason, `${path}.stopped.reason`) };
  }
  return {
    label: string(o.label, `${path}.label`, 200),
    schedule: string(o.schedule, `${path}.schedule`, 50),
    extra: boolean(o.extra, `${path}.extra`),
    points: typed<Float64Array>(o.points, `${path}.points`, 'Float64Array', 3 * n),
    lr,
    grad: typed<Float64Array>(o.grad, `${path}.grad`, 'Float64Array', 2 * n),
    restarts: restarts.map((r, i) => int(r, `${path}.restarts[${i}]`, 1, n - 1)),
    stopped,
  };
}

export function parseViewState(v: unknown, path = 'state'): ViewState {
  const o = object(v, path);
  let camera: ViewState['camera'] = null;
  if (o.camera !== null) {
    const c = object(o.camera, `${path}.camera`);
    camera = { position: tuple(c.position, `${path}.camera.position`, 3) as Vec3, target: tuple(c.target, `${path}.camera.target`, 3) as Vec3 };
  }
  return {
    camera,
    step: int(o.step, `${path}.step`),
    playing: boolean(o.playing, `${path}.playing`),
    logLossChart: boolean(o.logLossChart, `${path}.logLossChart`),
  };
}

function parseHost(o: Obj): HostMessage {
  switch (o.type) {
    case 'scene': {
      const s = object(o.surface, 'surface');
      const resolution = int(s.resolution, 'surface.resolution', 2, 4096);
      const runs = o.runs;
      if (!Array.isArray(runs)) fail('runs', 'an array');
      const params = o.params;
      if (!Array.isArray(params) || params.length !== 2) fail('params', 'two parameter names');
      const heightScale = o.heightScale;
      if (heightScale !== 'linear' && heightScale !== 'log' && heightScale !== 'auto') fail('heightScale', 'linear, log or auto');
      return {
        type: 'scene',
        revision: int(o.revision, 'revision'),
        title: string(o.title, 'title', 1000),
        params: [string(params[0], 'params[0]', 100), string(params[1], 'params[1]', 100)],
        domain: domain(o.domain, 'domain'),
        surface: {
          resolution,
          heights: typed<Float32Array>(s.heights, 'surface.heights', 'Float32Array', resolution * resolution),
          min: anyNumber(s.min, 'surface.min'),
          max: anyNumber(s.max, 'surface.max'),
          nonFinite: int(s.nonFinite, 'surface.nonFinite'),
        },
        heightScale,
        steps: int(o.steps, 'steps', 1),
        speed: finite(o.speed, 'speed'),
        runs: runs.map((r, i) => parseRun(r, `runs[${i}]`)),
      };
    }
    case 'error':
      return {
        type: 'error',
        revision: int(o.revision, 'revision'),
        message: string(o.message, 'message'),
        line: int(o.line, 'line'),
        column: int(o.column, 'column'),
        count: int(o.count, 'count', 1),
      };
    case 'extraRun':
      return { type: 'extraRun', run: parseRun(o.run) };
    case 'init':
      return { type: 'init', state: o.state === null ? null : parseViewState(o.state) };
    case 'requestImage':
      return { type: 'requestImage', requestId: int(o.requestId, 'requestId') };
    default:
      throw new Invalid(`unknown message type ${JSON.stringify(o.type)}`);
  }
}

function parseWebview(o: Obj): WebviewMessage {
  switch (o.type) {
    case 'ready':
      return { type: 'ready' };
    case 'rendered':
      return {
        type: 'rendered',
        revision: int(o.revision, 'revision'),
        runs: int(o.runs, 'runs'),
        restarts: int(o.restarts, 'restarts'),
        vertices: int(o.vertices, 'vertices'),
        resolution: int(o.resolution, 'resolution'),
      };
    case 'startRun':
    case 'saveStart':
      return { type: o.type, x: finite(o.x, 'x'), y: finite(o.y, 'y') };
    case 'image':
      return { type: 'image', requestId: int(o.requestId, 'requestId'), png: typed<Uint8Array>(o.png, 'png', 'Uint8Array') };
    case 'imageError':
      return { type: 'imageError', requestId: int(o.requestId, 'requestId'), message: string(o.message, 'message') };
    case 'rejected':
      return { type: 'rejected', reason: string(o.reason, 'reason') };
    default:
      throw new Invalid(`unknown message type ${JSON.stringify(o.type)}`);
  }
}

function parseWith<T>(data: unknown, parse: (o: Obj) => T): Parsed<T> {
  try {
    return { ok: true, message: parse(object(data, 'message')) };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, reason: e.message };
    throw e;
  }
}

/** Validates a message the webview received from the host. */
export function parseHostMessage(data: unknown): Parsed<HostMessage> {
  return parseWith(data, parseHost);
}

/** Validates a message the host received from the webview. */
export function parseWebviewMessage(data: unknown): Parsed<WebviewMessage> {
  return parseWith(data, parseWebview);
}
