// The compiled `.loss` evaluator against two baselines, printed as ratios:
// value+gradient against hand-written JavaScript with a hand-derived gradient
// (target: within 1.2×), and against math.js compile().evaluate() computing
// the value alone (target: at least 100× faster). Printed, never asserted:
// timings depend on the machine.
//
// Run alone with `npx tsx bench/language.ts`; `npm run bench` runs it with the rest.

import { Bench, type Task } from 'tinybench';
import { compile as mathCompile } from 'mathjs';
import { compile } from '../src/language/compile';

type Gradient = (x: number, y: number, g: Float64Array) => number;

interface Case {
  name: string;
  /** Written so that both our language and math.js read it the same way. */
  source: string;
  hand: Gradient;
}

const { PI, E, sin, cos, exp, sqrt } = Math;

const CASES: Case[] = [
  {
    name: 'Rosenbrock',
    source: '(1 - x)^2 + 100 * (y - x^2)^2',
    hand: (x, y, g) => {
      const a = 1 - x;
      const b = y - x * x;
      g[0] = -2 * a - 400 * x * b;
      g[1] = 200 * b;
      return a * a + 100 * b * b;
    },
  },
  {
    name: 'Himmelblau',
    source: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
    hand: (x, y, g) => {
      const a = x * x + y - 11;
      const b = x + y * y - 7;
      g[0] = 4 * x * a + 2 * b;
      g[1] = 2 * a + 4 * y * b;
      return a * a + b * b;
    },
  },
  {
    name: 'Rastrigin',
    source: '20 + x^2 - 10 * cos(2 * pi * x) + y^2 - 10 * cos(2 * pi * y)',
    hand: (x, y, g) => {
      g[0] = 2 * x + 20 * PI * sin(2 * PI * x);
      g[1] = 2 * y + 20 * PI * sin(2 * PI * y);
      return 20 + x * x - 10 * cos(2 * PI * x) + y * y - 10 * cos(2 * PI * y);
    },
  },
  {
    name: 'Ackley',
    source: '-20 * exp(-0.2 * sqrt(0.5 * (x^2 + y^2))) - exp(0.5 * (cos(2 * pi * x) + cos(2 * pi * y))) + e + 20',
    hand: (x, y, g) => {
      const r = sqrt(0.5 * (x * x + y * y));
      const a = exp(-0.2 * r);
      const b = exp(0.5 * (cos(2 * PI * x) + cos(2 * PI * y)));
      g[0] = (2 * a * x) / r + PI * sin(2 * PI * x) * b;
      g[1] = (2 * a * y) / r + PI * sin(2 * PI * y) * b;
      return -20 * a - b + E + 20;
    },
  },
  {
    name: 'Beale',
    source: '(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2',
    hand: (x, y, g) => {
      const y2 = y * y;
      const y3 = y2 * y;
      const a = 1.5 - x + x * y;
      const b = 2.25 - x + x * y2;
      const c = 2.625 - x + x * y3;
      g[0] = 2 * a * (y - 1) + 2 * b * (y2 - 1) + 2 * c * (y3 - 1);
      g[1] = 2 * a * x + 4 * b * x * y + 6 * c * x * y2;
      return a * a + b * b + c * c;
    },
  },
  generated(200),
];

/**
 * A random expression of about `size` operations, and as its hand-written
 * counterpart the straight-line forward-mode code a person would derive
 * (value and both partials per operation).
 */
function generated(size: number): Case {
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  type Node = { text: string; code: string[]; v: string };
  let n = 0;
  const leaf = (): Node => {
    const v = `t${n++}`;
    const r = random();
    if (r < 0.35) return { text: 'x', code: [`const ${v} = x, ${v}x = 1, ${v}y = 0;`], v };
    if (r < 0.7) return { text: 'y', code: [`const ${v} = y, ${v}x = 0, ${v}y = 1;`], v };
    const c = (1 + Math.floor(random() * 9)) / 4;
    return { text: String(c), code: [`const ${v} = ${c}, ${v}x = 0, ${v}y = 0;`], v };
  };
  const build = (budget: number): Node => {
    if (budget <= 1) return leaf();
    const r = random();
    if (r < 0.25) {
      const a = build(budget - 1);
      const f = ['sin', 'cos', 'tanh'][Math.floor(random() * 3)];
      const v = `t${n++}`;
      const d = f === 'sin' ? `Math.cos(${a.v})` : f === 'cos' ? `-Math.sin(${a.v})` : `(1 - ${v} * ${v})`;
      return { text: `${f}(${a.text})`, code: [...a.code, `const ${v} = Math.${f}(${a.v}), ${v}d = ${d}, ${v}x = ${v}d * ${a.v}x, ${v}y = ${v}d * ${a.v}y;`], v };
    }
    const left = 1 + Math.floor(random() * (budget - 2));
    const a = build(left);
    const b = build(budget - 1 - left);
    const v = `t${n++}`;
    const op = ['+', '-', '*'][Math.floor(random() * 3)];
    const dx = op === '*' ? `${a.v}x * ${b.v} + ${a.v} * ${b.v}x` : `${a.v}x ${op} ${b.v}x`;
    const dy = op === '*' ? `${a.v}y * ${b.v} + ${a.v} * ${b.v}y` : `${a.v}y ${op} ${b.v}y`;
    return { text: `(${a.text} ${op} ${b.text})`, code: [...a.code, ...b.code, `const ${v} = ${a.v} ${op} ${b.v}, ${v}x = ${dx}, ${v}y = ${dy};`], v };
  };
  const root = build(size);
  // The bench builds this text from its own tree; nothing here comes from outside.
  const hand = new Function('x', 'y', 'g', [...root.code, `g[0] = ${root.v}x; g[1] = ${root.v}y; return ${root.v};`].join('\n')) as Gradient;
  return { name: `generated (${size} nodes)`, source: root.text, hand };
}

const POINTS = (() => {
  const xs = new Float64Array(2048);
  for (let i = 0; i < xs.length; i++) xs[i] = -2 + (4 * ((i * 7919) % 2048)) / 2048;
  return xs;
})();

/**
 * A loop over the points calling `f`, compiled afresh for each use: a loop
 * shared by every case would see many different functions at its call site
 * and stop inlining them, measuring the engine's call overhead instead of
 * the functions. Built from this fixed text only.
 */
let loops = 0;
function freshLoop(): (f: Gradient, points: Float64Array, g: Float64Array) => number {
  // The numbered comment keeps the engine from reusing one cached compilation (and its call-site feedback).
  const body = `// loop ${loops++}\nlet s = 0; for (let i = 0; i + 1 < P.length; i += 2) s += f(P[i], P[i + 1], g); return s;`;
  return new Function('f', 'P', 'g', body) as never;
}

function meanMs(task: Task | undefined): number {
  const r = task?.result;
  if (!r || !('latency' in r)) throw new Error(`benchmark ${task?.name} did not complete`);
  return r.latency.mean;
}

export async function runLanguageBench(): Promise<void> {
  const rows: Record<string, string>[] = [];
  for (const c of CASES) {
    const { loss, diagnostics } = compile(c.source);
    if (!loss) throw new Error(`${c.name} does not compile: ${diagnostics[0]?.message}`);
    const mathjs = mathCompile(c.source);
    const g = new Float64Array(2);
    const h = new Float64Array(2);
    // Both must compute the same thing before their speeds mean anything.
    let worst = 0;
    for (let i = 0; i + 1 < POINTS.length; i += 2) {
      const ours = loss.valueAndGradient(POINTS[i], POINTS[i + 1], g);
      const theirs = c.hand(POINTS[i], POINTS[i + 1], h);
      const m = mathjs.evaluate({ x: POINTS[i], y: POINTS[i + 1] }) as number;
      for (const [a, b] of [[ours, theirs], [g[0], h[0]], [g[1], h[1]], [ours, m]]) worst = Math.max(worst, Math.abs(a - b) / (1 + Math.abs(b)));
    }
    let sink = 0;
    const ourLoop = freshLoop();
    const ourValueLoop = freshLoop();
    const handLoop = freshLoop();
    const bench = new Bench({ time: 400, warmup: true });
    bench
      .add('ours', () => {
        sink += ourLoop(loss.valueAndGradient, POINTS, g);
      })
      .add('ours, value', () => {
        sink += ourValueLoop(loss.value, POINTS, g);
      })
      .add('hand', () => {
        sink += handLoop(c.hand, POINTS, g);
      })
      .add('mathjs', () => {
        for (let i = 0; i + 1 < 64; i += 2) sink += mathjs.evaluate({ x: POINTS[i], y: POINTS[i + 1] }) as number;
      });
    await bench.run();
    const [ours, oursValue, hand, math] = bench.tasks.map(meanMs);
    const perPoint = (ms: number, points: number) => (ms * 1e6) / points;
    const oursNs = perPoint(ours, POINTS.length / 2);
    const handNs = perPoint(hand, POINTS.length / 2);
    const oursValueNs = perPoint(oursValue, POINTS.length / 2);
    const mathNs = perPoint(math, 32);
    rows.push({
      function: c.name,
      'ours ns (value+grad)': oursNs.toFixed(1),
      'hand ns (value+grad)': handNs.toFixed(1),
      'math.js ns (value)': mathNs.toFixed(0),
      'ours / hand (≤ 1.2)': (oursNs / handNs).toFixed(2),
      'ours ns (value)': oursValueNs.toFixed(1),
      'math.js / ours value+grad (≥ 100)': (mathNs / oursNs).toFixed(0),
      'math.js / ours value': (mathNs / oursValueNs).toFixed(0),
      'max rel. diff': worst.toExponential(1),
    });
    if (sink === 42) console.log(''); // keeps the sums alive
  }
  console.log('\nlanguage: compiled loss, time per point (math.js computes the value alone)');
  console.table(rows);

  // What each edit costs: the whole compile, from text to the two compiled functions.
  const edits = new Bench({ time: 400, warmup: true });
  for (const c of CASES) edits.add(c.name, () => compile(c.source));
  await edits.run();
  console.log('language: compile per edit (text → diagnostics and compiled value+gradient)');
  console.table(edits.tasks.map((t) => ({ source: t.name, 'mean µs': (meanMs(t) * 1000).toFixed(0) })));
}

if (require.main === module) {
  runLanguageBench().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
