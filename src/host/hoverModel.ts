// What a hover shows in a `.loss` file: a built-in's signature and doc, a
// constant's value, a user definition's value or signature, or a setting's
// description on an `@set` line. Pure (no `vscode`).

import { BUILTIN_BY_NAME, CONSTANT_BY_NAME } from '../language/builtins';
import { settingSpec } from '../settings/settings';
import { hasValue, settingDocumentation, type FileNames } from './completionModel';

/** Markdown for the name under the cursor, or undefined. */
export function hoverMarkdown(word: string, file: FileNames): string | undefined {
  const builtin = BUILTIN_BY_NAME.get(word);
  if (builtin) return `\`\`\`\n${builtin.signature}\n\`\`\`\n\n${builtin.doc}`;
  const constant = CONSTANT_BY_NAME.get(word);
  if (constant) return `\`${constant.name}\` = ${constant.value}\n\n${constant.doc}`;
  const definition = file.definitions.find((d) => d.name === word);
  if (definition) {
    const head =
      definition.kind === 'function'
        ? `\`${definition.name}(${definition.params.join(', ')})\``
        : `\`${definition.name}\`${hasValue(definition) ? ` = ${definition.value}` : ''}`;
    return definition.doc ? `${head}\n\n${definition.doc}` : head;
  }
  if (file.params.includes(word)) return `\`${word}\`: parameter`;
  return undefined;
}

/** Markdown for the setting key of an `@set` line, or undefined. */
export function settingHoverMarkdown(key: string): string | undefined {
  const spec = settingSpec(key);
  return spec ? `**lossLandscape.${spec.key}**\n\n${settingDocumentation(spec)}` : undefined;
}
