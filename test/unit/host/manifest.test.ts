// package.json's `contributes` against the code it describes: the settings
// table, the command ids the host registers, and the files it points at.

import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIGURATION_PREFIX, SETTINGS } from '../../../src/settings/settings';
import { COMMANDS, LANGUAGE_ID, VIEW_TYPE } from '../../../src/host/ids';

const root = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contributes = pkg.contributes;

describe('package.json contributes', () => {
  describe('configuration', () => {
    const properties: Record<string, Record<string, unknown>> = contributes.configuration.properties;

    it('declares exactly the keys of the settings table, in its order', () => {
      assert.deepEqual(
        Object.keys(properties),
        SETTINGS.map((s) => `${CONFIGURATION_PREFIX}.${s.key}`),
      );
    });

    for (const spec of SETTINGS) {
      it(`lossLandscape.${spec.key} has the table's default, schema and description`, () => {
        const p = properties[`${CONFIGURATION_PREFIX}.${spec.key}`];
        assert.deepEqual(p.default, spec.default);
        assert.equal(p.markdownDescription, spec.description);
        for (const [field, value] of Object.entries(spec.schema)) assert.deepEqual(p[field], value, field);
        // Per folder and per language (`"[loss]": {...}`), as configuration.ts reads them.
        assert.equal(p.scope, 'language-overridable');
        const allowed = new Set(['default', 'markdownDescription', 'order', 'scope', ...Object.keys(spec.schema)]);
        assert.deepEqual(Object.keys(p).filter((k) => !allowed.has(k)), []);
      });
    }

    it('gives every enum a description per value', () => {
      for (const [key, p] of Object.entries(properties)) {
        if (p.enum) assert.equal((p.enumDescriptions as string[]).length, (p.enum as string[]).length, key);
      }
    });
  });

  it('declares each command the host registers, in the Loss Landscape category, with an activation event', () => {
    const declared = contributes.commands.map((c: { command: string; category: string }) => {
      assert.equal(c.category, 'Loss Landscape');
      return c.command;
    });
    assert.deepEqual([...declared].sort(), Object.values(COMMANDS).sort());
    for (const id of Object.values(COMMANDS)) assert.ok(pkg.activationEvents.includes(`onCommand:${id}`), id);
    assert.ok(pkg.activationEvents.includes(`onLanguage:${LANGUAGE_ID}`));
    assert.ok(pkg.activationEvents.includes(`onWebviewPanel:${VIEW_TYPE}`));
  });

  it("binds Markdown's preview keys on .loss editors", () => {
    const bindings = contributes.keybindings.map((k: Record<string, string>) => [k.command, k.key, k.mac]);
    assert.deepEqual(bindings, [
      [COMMANDS.showPreview, 'ctrl+shift+v', 'cmd+shift+v'],
      [COMMANDS.showPreviewToSide, 'ctrl+k v', 'cmd+k v'],
    ]);
    for (const k of contributes.keybindings) assert.match(k.when, /editorLangId == loss/);
  });

  it('puts the $(open-preview) button in the title of .loss editors', () => {
    const [button] = contributes.menus['editor/title'];
    assert.equal(button.command, COMMANDS.showPreviewToSide);
    assert.equal(button.alt, COMMANDS.showPreview, 'alt-click opens it in the same column, as Markdown');
    assert.match(button.when, /editorLangId == loss/);
    const command = contributes.commands.find((c: { command: string }) => c.command === button.command);
    assert.equal(command.icon, '$(open-preview)');
  });

  it('points at files that exist', () => {
    const [language] = contributes.languages;
    assert.equal(language.id, LANGUAGE_ID);
    assert.deepEqual(language.extensions, ['.loss']);
    const paths = [language.configuration, language.icon.light, language.icon.dark, contributes.grammars[0].path, pkg.icon];
    for (const p of paths) assert.ok(existsSync(join(root, p)), p);
  });

  it('ships only the run-time folders and documents in the VSIX', () => {
    const lines = readFileSync(join(root, '.vscodeignore'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('#'));
    assert.deepEqual(lines, ['**', '!dist/**', '!media/**', '!examples/**', '!README.md', '!LICENSE', '!CHANGELOG.md', '!package.json']);
  });
});
