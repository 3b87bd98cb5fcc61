// Hand-built run events for the extension's tests (run records, batching, diagnostics, panel messages): one
// backward step of a tiny model with a leaf w, and the stdout/end/error/diverged events around it.
import type { BackwardEvent, DivergedEvent, EndEvent, ErrorEvent, StdoutEvent } from './events';

export function backward(step: number, loss: number | null = 1 / step, line = 9): BackwardEvent {
  return {
    type: 'backward',
    t: step,
    step,
    file: 'a.py',
    line,
    loss,
    graph: {
      rootId: 1,
      nodes: [
        { id: 1, kind: 'op', gradFn: 'MeanBackward0', name: null, shape: [], dtype: 'float32', line: 8 },
        { id: 2, kind: 'leaf', gradFn: null, name: 'w', shape: [2], dtype: 'float32', line: 3 },
      ],
      edges: [[2, 1]],
      truncated: null,
    },
    leaves: [{ id: 2, name: 'w', shape: [2], grad: { shape: [2], dtype: 'float32', numel: 2, text: 'tensor([1., 1.])', min: 1, max: 1, mean: 1, norm: 10 / step } }],
  };
}

export const stdout = (text: string, t = 0): StdoutEvent => ({ type: 'stdout', t, text });
export const end = (status: EndEvent['status'], steps: number, durationMs = 4200): EndEvent => ({ type: 'end', t: durationMs, status, durationMs, steps });
export const error = (line: number | null, message = "name 'x' is not defined", errorType = 'NameError', file = 'a.py'): ErrorEvent => ({
  type: 'error',
  t: 5,
  errorType,
  message,
  file,
  line,
  traceback: '',
});
export const diverged = (step: number, line = 9): DivergedEvent => ({ type: 'diverged', t: 5, step, file: 'a.py', line, loss: NaN });
