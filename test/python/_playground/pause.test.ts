// The debugger in the playground runtime (needs the built dist/worker.js): the cases of test/debugger/cases.ts,
// which the real-Python backend runs too (test/pythonBackend/debugger.test.ts).
import { startRun } from '../../../src/runtime/host/runner';
import { SCRIPT_NAME, debuggerSuites } from '../../debugger/cases';

debuggerSuites('playground', () => (source, pauseConditions, onEvent) => startRun({ file: SCRIPT_NAME, source, pauseConditions, onEvent }), 1000);
