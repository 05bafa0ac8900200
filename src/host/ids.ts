// Identifiers shared by package.json's `contributes` and the host code.

export const LANGUAGE_ID = 'loss';
export const VIEW_TYPE = 'lossLandscape.preview';

export const COMMANDS = {
  showPreview: 'lossLandscape.showPreview',
  showPreviewToSide: 'lossLandscape.showPreviewToSide',
  newFile: 'lossLandscape.newFile',
  exportTrajectory: 'lossLandscape.exportTrajectory',
  exportImage: 'lossLandscape.exportImage',
  copyScheduleAsCode: 'lossLandscape.copyScheduleAsCode',
} as const;
