// `npm start` loads this beside the extension under development: once the
// window is up, it opens rosenbrock.loss (else the first .loss file) of the
// workspace and its preview to the side, as a user would.
const vscode = require('vscode');

exports.activate = async function activate() {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return;
  const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '*.loss'));
  const file = files.find((f) => f.path.endsWith('/rosenbrock.loss')) ?? files.sort((a, b) => a.path.localeCompare(b.path))[0];
  if (!file) return;
  await vscode.window.showTextDocument(file, { viewColumn: vscode.ViewColumn.One });
  await vscode.commands.executeCommand('lossLandscape.showPreviewToSide', file);
};
