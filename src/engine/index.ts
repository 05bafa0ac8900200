// The engine's public API (dist/engine.js, CommonJS, no `vscode`): the CLI,
// the extension host, tests and benchmarks all go through these names.

export { compile } from '../language/compile';
export type { Loss, LossFile } from '../language/compile';
export type { Domain } from '../shared/protocol';
export { learningRates, type LearningRates, type ScheduleSettings } from './schedule';
export { sampleSurface, type SampledSurface } from './surface';
export { resolveDomain, resolveStarts, simulateLoss, type Run } from './runs';
export { EngineInputError, simulate, type SimulationResult } from './simulate';
export { simulationCsv } from './csv';
