// How the extension layers settings (defaults < user/workspace < the file's
// `@set` lines) and which invalid-setting warnings it shows. Pure (no
// `vscode`): configuration.ts feeds it what VS Code's configuration holds.

import {
  CONFIGURATION_PREFIX,
  SETTINGS,
  resolveSettings,
  settingSpec,
  type Settings,
  type SettingProblem,
  type SettingsLayer,
} from '../settings/settings';

/** The user/workspace layer: every key of the table that `read` says is set. */
export function userLayer(read: (key: string) => unknown): SettingsLayer {
  const values: Record<string, unknown> = {};
  for (const s of SETTINGS) {
    const v = read(s.key);
    if (v !== undefined) values[s.key] = v;
  }
  return { source: 'settings', values };
}

/**
 * The settings a document runs with. The `@set` values come from the compiler,
 * which already reported bad ones as diagnostics, so only the user layer's
 * problems are returned (for notifications).
 */
export function documentSettings(
  user: SettingsLayer,
  fileSettings: Readonly<Record<string, unknown>>,
): { settings: Settings; problems: SettingProblem[] } {
  const problems = resolveSettings([user]).problems;
  const { settings } = resolveSettings([user, { source: '@set', values: fileSettings }]);
  return { settings, problems };
}

/** Settings keyed as `@set` and `--set` keys (`{"schedule.t0": 50, ...}`), as the engine's `simulate` takes them. */
export function flatSettings(settings: Settings): Record<string, unknown> {
  const groups = settings as unknown as Record<string, Record<string, unknown>>;
  const flat: Record<string, unknown> = {};
  for (const { key } of SETTINGS) {
    const [group, name] = key.split('.');
    flat[key] = groups[group][name];
  }
  return flat;
}

/** The text of the warning notification for one invalid setting. */
export function warningText(problem: SettingProblem): string {
  const spec = settingSpec(problem.key);
  const fallback = spec ? ` Using the default, ${JSON.stringify(spec.default)}.` : '';
  return `Loss Landscape: setting '${CONFIGURATION_PREFIX}.${problem.key}': ${problem.message}.${fallback}`;
}

/**
 * Remembers the warnings already shown, so each invalid key is notified once
 * (again only if its problem changes, or after it was fixed and broken anew),
 * however many previews and commands read the settings.
 */
export class SettingWarnings {
  private shown = new Map<string, string>();

  /** Returns the problems not shown yet and forgets keys that are valid now. */
  update(problems: readonly SettingProblem[]): SettingProblem[] {
    const current = new Map(problems.map((p) => [p.key, p.message]));
    const fresh = problems.filter((p) => this.shown.get(p.key) !== p.message);
    this.shown = current;
    return fresh;
  }
}
