// "Did you mean" hints for unknown names: the nearest known names by edit
// distance, and, for a run of letters such as `xy` or `pix`, the product of
// known names it could have meant (`x*y`, `pi*x`).

import { editDistance } from '../util/editDistance';

/**
 * The known names nearest by edit distance, if near enough to be a likely
 * typo. Ties go to names of the same length (a transposition such as
 * `sni` → `sin` costs two edits, like `sinh`), then to the given order.
 */
export function closestNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
  if (name.length > 64) return [];
  const allowed = name.length <= 2 ? 1 : name.length <= 5 ? 2 : 3;
  let best = Infinity;
  let found: string[] = [];
  for (const c of candidates) {
    if (c === name) continue;
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d > allowed || d >= Math.max(name.length, c.length)) continue;
    const score = d * 100 + Math.abs(c.length - name.length);
    if (score < best) {
      best = score;
      found = [c];
    } else if (score === best && !found.includes(c)) {
      found.push(c);
    }
  }
  return found.slice(0, limit);
}

/**
 * Splits a name into known value names written together, preferring the
 * fewest parts: `xy` → ['x', 'y'], `pix` → ['pi', 'x']. Null when it cannot.
 */
export function splitIntoNames(name: string, values: ReadonlySet<string>): string[] | null {
  if (name.length > 64) return null;
  // best[i]: the fewest-part split of name.slice(0, i).
  const best: (string[] | null)[] = [[]];
  for (let i = 1; i <= name.length; i++) {
    best[i] = null;
    for (let j = 0; j < i; j++) {
      const head = best[j];
      const part = name.slice(j, i);
      if (head && values.has(part) && (best[i] === null || head.length + 1 < (best[i] as string[]).length)) {
        best[i] = [...head, part];
      }
    }
  }
  const parts = best[name.length];
  return parts && parts.length >= 2 ? parts : null;
}
