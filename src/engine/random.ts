// Seeded Gaussian noise for "stochastic" gradients, identical on every
// machine: the generator uses only 32-bit integer arithmetic, and the
// Box–Muller transform only sqrt (correctly rounded everywhere) and V8's own
// log/cos/sin (fdlibm ports inside V8, not the C library), so the same seed
// gives the same paths wherever Node or VS Code runs.
//
// - Uniform bits: xoshiro128** 1.1 (Blackman & Vigna, https://prng.di.unimi.it/).
// - Seeding: the four state words are murmur3's fmix32 of a Weyl sequence
//   z_k = seed ⊕ imul(stream + 1, 0x85EBCA6B) + (k + 1)·0x9E3779B9 (mod 2^32),
//   as splitmix seeds a xoshiro, so each (seed, stream) pair, e.g. one
//   stream per run, gets its own well-mixed state.
// - Uniform double: 53 bits from two outputs, (a>>>5·2^26 + b>>>6) / 2^53, in [0, 1).
// - Normal: Box–Muller, z0 = √(−2 ln(1−u1))·cos(2πu2), z1 = the same with sin;
//   z0 is returned first, then z1.

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

export class GaussianStream {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare = NaN;

  /** `seed` and `stream` are integers in [0, 2^32). */
  constructor(seed: number, stream: number) {
    const base = (seed ^ Math.imul(stream + 1, 0x85ebca6b)) >>> 0;
    const word = (k: number): number => fmix32((base + Math.imul(k + 1, 0x9e3779b9)) | 0);
    this.s0 = word(0);
    this.s1 = word(1);
    this.s2 = word(2);
    this.s3 = word(3);
    // xoshiro's only forbidden state; fmix32 is a bijection, so this needs four zero words.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The next 32 random bits, as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  nextUniform(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** A standard normal deviate. */
  nextGaussian(): number {
    if (!Number.isNaN(this.spare)) {
      const z = this.spare;
      this.spare = NaN;
      return z;
    }
    // 1 − u is in (0, 1], so the logarithm is finite.
    const r = Math.sqrt(-2 * Math.log(1 - this.nextUniform()));
    const theta = 2 * Math.PI * this.nextUniform();
    this.spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  }
}

/** The first `count` deviates of a stream, each multiplied by `sigma`: x then y for each step in turn. */
export function gaussianNoise(seed: number, stream: number, count: number, sigma: number): Float64Array {
  const z = new GaussianStream(seed, stream);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = sigma * z.nextGaussian();
  return out;
}
