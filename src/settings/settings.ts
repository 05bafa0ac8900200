// The settings of DESIGN.md section 3: one table that the engine, the `.loss`
// compiler (`@set`), the CLI (`--set`) and the extension (VS Code settings)
// all validate against, so a key or a range is defined in exactly one place.
// No `vscode` import: this runs in plain Node.

import { editDistance } from '../util/editDistance';

export const SCHEDULE_TYPES = ['sgdr', 'cosine', 'constant', 'step'] as const;
export const OPTIMIZER_TYPES = ['sgd', 'adam', 'adamw', 'rmsprop', 'adagrad'] as const;
export const HEIGHT_SCALES = ['linear', 'log', 'auto'] as const;

export type ScheduleType = (typeof SCHEDULE_TYPES)[number];
export type OptimizerType = (typeof OPTIMIZER_TYPES)[number];
export type HeightScale = (typeof HEIGHT_SCALES)[number];
export type Range = [number, number];

export interface Settings {
  schedule: {
    type: ScheduleType;
    etaMax: number;
    etaMin: number;
    t0: number;
    tMult: number;
    decay: number;
    warmupSteps: number;
    cycleLimit: number;
    stepSize: number;
    gamma: number;
  };
  optimizer: {
    type: OptimizerType;
    momentum: number | null;
    nesterov: boolean;
    dampening: number;
    betas: [number, number];
    alpha: number;
    eps: number | null;
    weightDecay: number | null;
  };
  simulation: {
    steps: number;
    start: [number, number] | null;
    compare: ScheduleType[];
    gradientNoise: number;
    seed: number;
  };
  surface: {
    domain: [Range, Range];
    resolution: number;
    heightScale: HeightScale;
  };
  animation: {
    speed: number;
  };
}

/** The JSON-schema subset VS Code's `contributes.configuration` understands. */
export interface JsonSchema {
  type: string | string[];
  enum?: readonly string[];
  enumDescriptions?: readonly string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  items?: JsonSchema | JsonSchema[];
  minItems?: number;
  maxItems?: number;
}

export interface SettingSpec {
  /** Without the `lossLandscape.` prefix, as written in `@set` and `--set`. */
  readonly key: string;
  readonly default: unknown;
  /** Markdown, shown in the Settings editor, completion and `--help`. */
  readonly description: string;
  readonly schema: JsonSchema;
  /** A message saying what is allowed, or undefined when the value is valid. */
  check(value: unknown): string | undefined;
}

export const CONFIGURATION_PREFIX = 'lossLandscape';

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function number(opts: { min?: number; max?: number; exclusiveMin?: boolean; integer?: boolean; nullable?: boolean }) {
  const kind = opts.integer ? 'an integer' : 'a number';
  const bounds: string[] = [];
  if (opts.min !== undefined) bounds.push(`${opts.exclusiveMin ? '>' : '≥'} ${opts.min}`);
  if (opts.max !== undefined) bounds.push(`≤ ${opts.max}`);
  const expected = `${kind}${bounds.length ? ' ' + bounds.join(' and ') : ''}${opts.nullable ? ', or null' : ''}`;
  const schema: JsonSchema = { type: opts.nullable ? [opts.integer ? 'integer' : 'number', 'null'] : opts.integer ? 'integer' : 'number' };
  if (opts.min !== undefined) {
    if (opts.exclusiveMin) schema.exclusiveMinimum = opts.min;
    else schema.minimum = opts.min;
  }
  if (opts.max !== undefined) schema.maximum = opts.max;
  const check = (v: unknown): string | undefined => {
    if (v === null && opts.nullable) return undefined;
    const ok =
      isNumber(v) &&
      (!opts.integer || Number.isInteger(v)) &&
      (opts.min === undefined || (opts.exclusiveMin ? v > opts.min : v >= opts.min)) &&
      (opts.max === undefined || v <= opts.max);
    return ok ? undefined : `expected ${expected}`;
  };
  return { schema, check };
}

function oneOf(values: readonly string[], descriptions: readonly string[]) {
  return {
    schema: { type: 'string', enum: values, enumDescriptions: descriptions } as JsonSchema,
    check: (v: unknown) =>
      typeof v === 'string' && values.includes(v) ? undefined : `expected one of ${values.join(', ')}`,
  };
}

function boolean() {
  return {
    schema: { type: 'boolean' } as JsonSchema,
    check: (v: unknown) => (typeof v === 'boolean' ? undefined : 'expected true or false'),
  };
}

function finitePair(what: string, nullable: boolean, test: (a: number, b: number) => boolean) {
  return {
    schema: {
      type: nullable ? ['array', 'null'] : 'array',
      items: { type: 'number' },
      minItems: 2,
      maxItems: 2,
    } as JsonSchema,
    check: (v: unknown) => {
      if (v === null && nullable) return undefined;
      return Array.isArray(v) && v.length === 2 && v.every(isNumber) && test(v[0], v[1])
        ? undefined
        : `expected ${what}${nullable ? ', or null' : ''}`;
    },
  };
}

const scheduleDescriptions = [
  'Cosine annealing with warm restarts (SGDR, Loshchilov & Hutter 2017).',
  'One cosine decay from η_max to η_min over all steps (PyTorch CosineAnnealingLR).',
  'η_max throughout.',
  'η_max·gamma^floor(t/stepSize) (PyTorch StepLR).',
];

function spec(key: string, def: unknown, description: string, rule: { schema: JsonSchema; check(v: unknown): string | undefined }): SettingSpec {
  return { key, default: def, description, schema: rule.schema, check: rule.check };
}

export const SETTINGS: readonly SettingSpec[] = [
  spec('schedule.type', 'sgdr', 'Learning-rate schedule.', oneOf(SCHEDULE_TYPES, scheduleDescriptions)),
  spec('schedule.etaMax', 0.01, 'Peak learning rate η_max.', number({ min: 0 })),
  spec('schedule.etaMin', 0, 'Floor learning rate η_min.', number({ min: 0 })),
  spec('schedule.t0', 50, 'Steps in the first SGDR cycle (T_0).', number({ min: 1, integer: true })),
  spec(
    'schedule.tMult',
    2,
    'Cycle length multiplier T_mult: cycle i lasts round(t0·tMult^i) steps, rounded half up.',
    number({ min: 1 }),
  ),
  spec(
    'schedule.decay',
    1,
    'η_max is multiplied by this after every restart (TensorFlow m_mul, timm cycle_decay).',
    number({ min: 0 }),
  ),
  spec(
    'schedule.warmupSteps',
    0,
    'Linear warm-up from η_min to η_max before the first cycle.',
    number({ min: 0, integer: true }),
  ),
  spec(
    'schedule.cycleLimit',
    0,
    'Number of SGDR cycles; 0 = unlimited. After the last cycle η stays at η_min.',
    number({ min: 0, integer: true }),
  ),
  spec('schedule.stepSize', 100, 'For `step`: steps between decays.', number({ min: 1, integer: true })),
  spec('schedule.gamma', 0.5, 'For `step`: factor applied every `stepSize` steps.', number({ min: 0 })),
  spec(
    'optimizer.type',
    'sgd',
    'Optimizer, with PyTorch\'s update rule (AdamW with SGDR is the authors\' "AdamWR").',
    oneOf(OPTIMIZER_TYPES, [
      'torch.optim.SGD',
      'torch.optim.Adam',
      'torch.optim.AdamW (decoupled weight decay)',
      'torch.optim.RMSprop',
      'torch.optim.Adagrad',
    ]),
  ),
  spec(
    'optimizer.momentum',
    null,
    'Momentum; null = 0.9 for SGD (as in the SGDR paper\'s runs), 0 for RMSprop (PyTorch\'s default).',
    number({ min: 0, nullable: true }),
  ),
  spec('optimizer.nesterov', false, 'Nesterov momentum (SGD; needs momentum > 0 and dampening 0).', boolean()),
  spec('optimizer.dampening', 0, 'Dampening for momentum (SGD).', number({ min: 0 })),
  spec(
    'optimizer.betas',
    [0.9, 0.999],
    'Adam/AdamW coefficients (β1, β2) for the running averages of the gradient and its square.',
    finitePair('two numbers in [0, 1)', false, (a, b) => a >= 0 && a < 1 && b >= 0 && b < 1),
  ),
  spec('optimizer.alpha', 0.99, 'RMSprop smoothing constant.', number({ min: 0 })),
  spec(
    'optimizer.eps',
    null,
    'Term added to the denominator; null = PyTorch\'s default (1e-8 Adam/AdamW/RMSprop, 1e-10 Adagrad).',
    number({ min: 0, nullable: true }),
  ),
  spec(
    'optimizer.weightDecay',
    null,
    'Weight decay; null = PyTorch\'s default (0; 0.01 for AdamW). L2 added to the gradient, decoupled for AdamW.',
    number({ min: 0, nullable: true }),
  ),
  spec('simulation.steps', 350, 'Updates per run.', number({ min: 1, max: 100000, integer: true })),
  spec(
    'simulation.start',
    null,
    'Start point [x, y]; null = the point one fifth of the way in from the domain\'s low corner. `@start` lines win.',
    finitePair('two finite numbers [x, y]', true, () => true),
  ),
  spec(
    'simulation.compare',
    ['constant'],
    'Extra runs from the same start with these schedule types, with the same optimizer and η_max.',
    {
      schema: { type: 'array', items: { type: 'string', enum: SCHEDULE_TYPES } },
      check: (v) =>
        Array.isArray(v) && v.every((s) => typeof s === 'string' && (SCHEDULE_TYPES as readonly string[]).includes(s))
          ? undefined
          : `expected an array of schedule types (${SCHEDULE_TYPES.join(', ')})`,
    },
  ),
  spec(
    'simulation.gradientNoise',
    0,
    'Standard deviation of Gaussian noise added to each gradient component ("stochastic" gradient descent).',
    number({ min: 0 }),
  ),
  spec('simulation.seed', 0, 'Seed of the gradient noise: same seed, same paths.', number({ min: 0, max: 2 ** 32 - 1, integer: true })),
  spec(
    'surface.domain',
    [
      [-2, 2],
      [-2, 2],
    ],
    'Ranges [[min, max], [min, max]] of the first and second parameter; `@domain` wins.',
    {
      schema: {
        type: 'array',
        items: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
        minItems: 2,
        maxItems: 2,
      },
      check: (v) =>
        Array.isArray(v) &&
        v.length === 2 &&
        v.every((r) => Array.isArray(r) && r.length === 2 && r.every(isNumber) && r[0] < r[1])
          ? undefined
          : 'expected [[min, max], [min, max]] with finite numbers and min < max',
    },
  ),
  spec('surface.resolution', 128, 'Surface samples per side.', number({ min: 16, max: 1024, integer: true })),
  spec(
    'surface.heightScale',
    'auto',
    'Height scale of the surface: `log` is log1p(f − min); `auto` uses log when the range spans decades.',
    oneOf(HEIGHT_SCALES, ['Heights as they are.', 'log1p(f − min).', 'Log when the range spans decades.']),
  ),
  spec('animation.speed', 60, 'Playback speed in steps per second.', number({ min: 0, exclusiveMin: true, max: 10000 })),
];

const byKey = new Map(SETTINGS.map((s) => [s.key, s]));

export function settingSpec(key: string): SettingSpec | undefined {
  return byKey.get(key);
}

export const SETTING_KEYS: readonly string[] = SETTINGS.map((s) => s.key);

/**
 * Settings are at most two arrays deep (`surface.domain`); this leaves room
 * for honest mistakes while refusing values that later steps (formatting a
 * value into a message) could not walk without overflowing the stack.
 */
const MAX_VALUE_DEPTH = 8;

function arrayDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[') deepest = Math.max(deepest, ++depth);
    else if (c === ']') depth--;
  }
  return deepest;
}

/**
 * Parses the value text of `@set key = value` and `--set key=value`: a number,
 * true/false, null, a bare word, a quoted string or a JSON array. JSON.parse
 * reads data only; nothing here runs the text as code.
 */
export function parseSettingValue(text: string): { value: unknown } | { error: string } {
  const t = text.trim();
  if (t === '') return { error: 'missing value' };
  if (arrayDepth(t) > MAX_VALUE_DEPTH) return { error: `the value is nested more than ${MAX_VALUE_DEPTH} arrays deep` };
  if (t.startsWith('[') || t.startsWith('"')) {
    try {
      return { value: JSON.parse(t) };
    } catch {
      return { error: t.startsWith('[') ? `'${t}' is not a valid JSON array` : `unterminated string ${t}` };
    }
  }
  if (t === 'true') return { value: true };
  if (t === 'false') return { value: false };
  if (t === 'null') return { value: null };
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return { value: Number(t) };
  if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(t)) return { value: t };
  return { error: `'${t}' is not a number, true/false, null, a word, a quoted string or a JSON array` };
}

export interface SettingProblem {
  key: string;
  message: string;
  /** Which layer the bad value came from, e.g. 'settings', '@set', '--set'. */
  source: string;
}

export interface SettingsLayer {
  source: string;
  values: Readonly<Record<string, unknown>>;
}

/** Checks one key and value; returns a message naming the key, or undefined. */
export function checkSetting(key: string, value: unknown): string | undefined {
  const s = byKey.get(key);
  if (!s) {
    const near = closestKey(key);
    return `unknown setting '${key}'${near ? ` (did you mean '${near}'?)` : ''}`;
  }
  const problem = s.check(value);
  return problem === undefined ? undefined : `invalid value ${describe(value)} for '${key}': ${problem}`;
}

/** A short rendering of a value for a message; a value from settings.json may be arbitrarily deep. */
function describe(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  if (text === undefined) return String(typeof value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Merges layers, lowest precedence first (defaults < settings < `@set`).
 * An invalid value is reported and ignored, so the key keeps the value of the
 * layers below it (the default when nothing below sets it).
 */
export function resolveSettings(layers: readonly SettingsLayer[]): { settings: Settings; problems: SettingProblem[] } {
  const flat = new Map<string, unknown>(SETTINGS.map((s) => [s.key, s.default]));
  const problems: SettingProblem[] = [];
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer.values)) {
      const message = checkSetting(key, value);
      if (message) problems.push({ key, message, source: layer.source });
      else flat.set(key, value);
    }
  }
  const settings = nest(flat);
  const o = settings.optimizer;
  const momentum = effectiveMomentum(settings);
  if (o.type === 'sgd' && o.nesterov && (momentum <= 0 || o.dampening !== 0)) {
    problems.push({
      key: 'optimizer.nesterov',
      message: 'Nesterov momentum requires a momentum > 0 and zero dampening (as PyTorch); nesterov is off',
      source: 'settings',
    });
    o.nesterov = false;
  }
  return { settings, problems };
}

/** PyTorch's defaults where a setting is null. */
export function effectiveMomentum(s: Settings): number {
  if (s.optimizer.momentum !== null) return s.optimizer.momentum;
  return s.optimizer.type === 'sgd' ? 0.9 : 0;
}

export function effectiveEps(s: Settings): number {
  if (s.optimizer.eps !== null) return s.optimizer.eps;
  return s.optimizer.type === 'adagrad' ? 1e-10 : 1e-8;
}

export function effectiveWeightDecay(s: Settings): number {
  if (s.optimizer.weightDecay !== null) return s.optimizer.weightDecay;
  return s.optimizer.type === 'adamw' ? 0.01 : 0;
}

export function defaultSettings(): Settings {
  return resolveSettings([]).settings;
}

function nest(flat: Map<string, unknown>): Settings {
  const root: Record<string, Record<string, unknown>> = {};
  for (const [key, value] of flat) {
    const [group, name] = key.split('.');
    root[group] ??= {};
    // Copy arrays so a caller mutating its settings cannot change ours or the defaults.
    root[group][name] = structuredClone(value);
  }
  return root as unknown as Settings;
}

function closestKey(key: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of SETTING_KEYS) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = k;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 4)) ? best : undefined;
}
