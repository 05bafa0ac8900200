// What to offer at the cursor in a `.loss` file: directives after '@',
// setting keys after '@set', a key's allowed values after '=', and otherwise
// the built-ins, constants, parameters and the file's own definitions. Pure
// (no `vscode`): completion.ts turns these into CompletionItems.

import { BUILTINS, CONSTANTS } from '../language/builtins';
import { SETTINGS, settingSpec, type SettingSpec } from '../settings/settings';

export type ItemKind = 'function' | 'constant' | 'variable' | 'setting' | 'value' | 'directive';

export interface Item {
  label: string;
  kind: ItemKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** A snippet in VS Code's syntax (`${1:x}`), when it differs from the label. */
  snippet?: string;
}

/** The parts of the compiled file that completion needs (structurally a LossFile). */
export interface FileNames {
  params: readonly string[];
  definitions: readonly { name: string; kind: 'constant' | 'function'; params: readonly string[]; value?: number; doc?: string }[];
}

const DIRECTIVES: { name: string; snippet: (p: readonly string[]) => string; doc: string }[] = [
  { name: 'domain', snippet: (p) => `@domain ${p[0]}: [\${1:-2}, \${2:2}], ${p[1]}: [\${3:-2}, \${4:2}]`, doc: 'The ranges of the two parameters drawn and simulated.' },
  { name: 'start', snippet: () => '@start (${1:0}, ${2:0})', doc: 'A start point; one run per `@start` line.' },
  { name: 'set', snippet: () => '@set ${1:key} = ${2:value}', doc: 'Overrides a setting for this file (the key without `lossLandscape.`).' },
  { name: 'params', snippet: () => '@params ${1:w}, ${2:b}', doc: 'Names the two parameters (default `x`, `y`).' },
];

/** A constant's value is NaN when it depends on the parameters: then there is nothing to show. */
export function hasValue(d: { value?: number }): boolean {
  return d.value !== undefined && !Number.isNaN(d.value);
}

export function settingDocumentation(spec: SettingSpec): string {
  const allowed = spec.schema.enum ? `\n\nAllowed: ${spec.schema.enum.map((v) => `\`${v}\``).join(', ')}` : '';
  return `${spec.description}${allowed}\n\nDefault: \`${JSON.stringify(spec.default)}\``;
}

function valuesFor(spec: SettingSpec): Item[] {
  const schema = spec.schema;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const values: string[] = [];
  if (schema.enum) values.push(...schema.enum);
  if (types.includes('boolean')) values.push('true', 'false');
  if (types.includes('null')) values.push('null');
  const def = JSON.stringify(spec.default);
  if (!values.includes(String(spec.default)) && !values.includes(def)) values.push(def);
  return values.map((v, i) => ({
    label: v,
    kind: 'value',
    detail: v === def || v === String(spec.default) ? 'default' : undefined,
    documentation: schema.enumDescriptions?.[i],
  }));
}

function inComment(prefix: string): boolean {
  return /#|\/\//.test(prefix);
}

/** The items for the text of the current line up to the cursor. */
export function completionItems(prefix: string, file: FileNames): Item[] {
  if (inComment(prefix)) return [];
  const value = /^\s*@set\s+([\w.]+)\s*=\s*[^=]*$/.exec(prefix);
  if (value) {
    const spec = settingSpec(value[1]);
    return spec ? valuesFor(spec) : [];
  }
  if (/^\s*@set\s+[\w.]*$/.test(prefix)) {
    return SETTINGS.map((s) => ({ label: s.key, kind: 'setting', detail: `default ${JSON.stringify(s.default)}`, documentation: settingDocumentation(s) }));
  }
  if (/^\s*@\w*$/.test(prefix)) {
    return DIRECTIVES.map((d) => ({ label: `@${d.name}`, kind: 'directive', documentation: d.doc, snippet: d.snippet(file.params) }));
  }
  if (/^\s*@/.test(prefix)) return [];
  const items: Item[] = [];
  for (const b of BUILTINS) {
    items.push({ label: b.name, kind: 'function', detail: b.signature, documentation: b.doc, snippet: `${b.name}($1)` });
  }
  for (const c of CONSTANTS) items.push({ label: c.name, kind: 'constant', detail: `= ${c.value}`, documentation: c.doc });
  for (const p of file.params) items.push({ label: p, kind: 'variable', detail: 'parameter' });
  for (const d of file.definitions) {
    const isFunction = d.kind === 'function';
    items.push({
      label: d.name,
      kind: isFunction ? 'function' : 'constant',
      detail: isFunction ? `${d.name}(${d.params.join(', ')})` : hasValue(d) ? `= ${d.value}` : undefined,
      documentation: d.doc,
      snippet: isFunction ? `${d.name}($1)` : undefined,
    });
  }
  return items;
}
