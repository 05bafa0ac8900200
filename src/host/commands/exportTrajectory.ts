// lossLandscape.exportTrajectory: the document's runs as the JSON or CSV of
// `loss-landscape simulate` (DESIGN section 4), written with workspace.fs.
// Arguments: a Uri (the document, from menus) or { target?, format?, document? }.
// Returns the written file's Uri.

import * as vscode from 'vscode';
import { simulate, simulationCsv } from '../../engine';
import type { Configuration } from '../configuration';
import type { PreviewManager } from '../previewManager';
import { flatSettings } from '../settingsLayers';
import { toJson } from '../../cli/args';
import { saveTarget } from './saveTarget';
import { commandOptions, documentText, requireDocument } from './target';

type Format = 'csv' | 'json';

export async function exportTrajectory(configuration: Configuration, manager: PreviewManager, arg: unknown): Promise<vscode.Uri | undefined> {
  const options = commandOptions(arg);
  const document = requireDocument(arg, manager);
  if (!document) return undefined;
  if (options.format !== undefined && options.format !== 'csv' && options.format !== 'json') {
    void vscode.window.showErrorMessage(`Loss Landscape: unknown format ${JSON.stringify(options.format)}; expected csv or json.`);
    return undefined;
  }
  const target = await saveTarget(options, document, '.trajectory.json', { JSON: ['json'], CSV: ['csv'] });
  if (!target) return undefined;
  const format: Format = (options.format as Format | undefined) ?? (/\.csv$/i.test(target.path) ? 'csv' : 'json');
  let text: string;
  try {
    // The user's settings, validated; the engine applies the file's `@set` lines on top.
    const result = simulate(await documentText(document), flatSettings(configuration.resolve(document)));
    // The same text as `loss-landscape simulate --format json|csv` prints.
    text = format === 'csv' ? simulationCsv(result) : toJson(result) + '\n';
  } catch (e) {
    void vscode.window.showErrorMessage(`Loss Landscape: cannot export the trajectory: ${(e as Error).message}`);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  return target;
}
