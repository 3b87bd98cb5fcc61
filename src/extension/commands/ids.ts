/** The command ids, as package.json contributes them. */
export const CMD = {
  train: 'autogradPlayground.train',
  trainWithPython: 'autogradPlayground.trainWithPython',
  stop: 'autogradPlayground.stop',
  showPanel: 'autogradPlayground.showPanel',
  openExample: 'autogradPlayground.openExample',
  findNonFinite: 'autogradPlayground.findNonFinite',
  showNode: 'autogradPlayground.showNode',
  pause: 'autogradPlayground.pause',
  step: 'autogradPlayground.step',
  continue: 'autogradPlayground.continue',
} as const;
