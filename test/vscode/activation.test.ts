import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, openFixture, root, until } from './helpers';

// First in the run (files load in name order): nothing has opened a .loss file yet.
describe('activation', () => {
  after(closeAllEditors);

  it('activates when a .loss file opens, which gets the loss language', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    // The harness says whether it installed a VSIX or loaded this folder; make sure that is what runs.
    if (process.env.LL_EXTENSION_UNDER_TEST === 'vsix') assert.notEqual(extension.extensionPath, root, 'the installed VSIX, not the source folder');
    if (process.env.LL_EXTENSION_UNDER_TEST === 'source') assert.equal(extension.extensionPath, root);
    assert.equal(extension.isActive, false, 'nothing activated the extension before a .loss file opened');
    const editor = await openFixture('rosenbrock.loss');
    assert.equal(editor.document.languageId, 'loss');
    await until(() => extension.isActive, 'the extension is active');
  });

  it('registers every command of the palette', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['showPreview', 'showPreviewToSide', 'newFile', 'exportTrajectory', 'exportImage', 'copyScheduleAsCode']) {
      assert.ok(commands.includes(`lossLandscape.${id}`), `lossLandscape.${id} is registered`);
    }
  });
});
