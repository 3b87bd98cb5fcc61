// Hand-built run events for the extension's tests (run records, batching, diagnostics, panel messages): one
// backward step of a tiny model with a leaf w, and the stdout/end/error/diverged events around it.
import type { BackwardEvent, DivergedEvent, EndEvent, ErrorEvent, StdoutEvent, TensorSummary, VariableInfo, VariablesEvent } from './events';

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

/** A tensor summary of `values` (a vector unless `shape` says otherwise), printed as PyTorch would. */
export function tensor(values: number[], shape: number[] = [values.length]): TensorSummary {
  const text = shape.length === 0 ? `tensor(${values[0].toFixed(4)})` : `tensor([${values.map((v) => v.toFixed(4)).join(', ')}])`;
  const finite = values.filter((v) => Number.isFinite(v));
  return {
    shape, dtype: 'float32', numel: values.length, text,
    min: finite.length ? Math.min(...finite) : null, max: finite.length ? Math.max(...finite) : null,
    mean: values.reduce((a, b) => a + b, 0) / values.length, norm: Math.sqrt(values.reduce((a, b) => a + b * b, 0)),
  };
}

/** A named tensor; `grad` its gradient's values (absent: none). */
export function variable(name: string, values: number[], grad?: number[], extra: Partial<VariableInfo> = {}): VariableInfo {
  return {
    name, shape: [values.length], dtype: 'float32', requiresGrad: grad !== undefined, gradFn: null, isLeaf: true,
    value: tensor(values), grad: grad ? tensor(grad) : null, ...extra,
  };
}

/**
 * What a script with a global model `model` (two parameters, their `.grad` entries), a global `w`, an optimizer,
 * and a function `train()` with locals `x` and `loss` reports, at the end (default) or at a backward capture.
 */
export function scopedVariables(at: 'backward' | 'end' = 'end', step?: number): VariablesEvent {
  return {
    type: 'variables', t: 50, file: 'a.py', truncated: 0,
    ...(at === 'backward' ? { at, step } : {}),
    scopes: [
      { kind: 'module', name: '<module>', file: 'a.py', firstLine: 1, lastLine: 30, line: 28 },
      { kind: 'function', name: 'train', file: 'a.py', firstLine: 10, lastLine: 20, line: 15 },
    ],
    variables: [
      variable('w', [1, 2], [0.1, 0.2]),
      variable('w.grad', [0.1, 0.2], undefined, { requiresGrad: false }),
      variable('model.0.weight', [3, 4], [3, 4]),
      variable('model.0.weight.grad', [3, 4], undefined, { requiresGrad: false }),
      variable('model.0.bias', [0.5], [12]),
      variable('x', [1, 1, 1], undefined, { scope: 1, isLeaf: true }),
      variable('loss', [0.25], undefined, { scope: 1, isLeaf: false, gradFn: 'MseLossBackward0', requiresGrad: true }),
      variable('W1', [3, 4], [3, 4], { scope: 1, aliasOf: 'model.0.weight' }),
    ],
    objects: [
      { name: 'model', kind: 'module', className: 'Sequential', repr: 'Sequential(...)', parameterCount: 3, parameters: [
        { name: 'model.0.weight', shape: [2], gradNorm: 5 },
        { name: 'model.0.bias', shape: [1], gradNorm: 12 },
      ] },
      { name: 'opt', kind: 'optimizer', className: 'SGD', repr: 'SGD (...)', parameterCount: 2, step: null },
    ],
  };
}
