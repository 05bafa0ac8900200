// The value of `@set key = value` and `--set key=value`, read by the settings
// table's parseSettingValue after one check of our own: a JSON array nested
// deeper than any setting needs is refused before it is parsed, since later
// steps (formatting a value into a message) walk it recursively.

import { parseSettingValue } from '../settings/settings';

/** Settings are at most two levels deep (`surface.domain`); this leaves room for honest mistakes. */
const MAX_VALUE_DEPTH = 8;

export function readSettingValue(text: string): { value: unknown } | { error: string } {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '[' && ++depth > MAX_VALUE_DEPTH) {
      return { error: `the value is nested more than ${MAX_VALUE_DEPTH} arrays deep` };
    } else if (c === ']') {
      depth--;
    }
  }
  return parseSettingValue(text);
}
