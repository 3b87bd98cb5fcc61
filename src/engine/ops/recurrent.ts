/**
 * torch._VF's recurrent layers over a padded sequence, and its cells, in one engine call each: the same ops, in
 * the same order, as the Python loop of torch/_VF.py (which still runs PackedSequences and the NaN finder's
 * op-by-op checks), so the graph holds the nodes PyTorch's CPU path records (UnbindBackward0, AddmmBackward0,
 * UnsafeSplitBackward0, the gates' activations and products per step, StackBackward0) and every number is the
 * one the op-by-op path gives. What it saves is the crossing from Python into the engine, a dozen per time step.
 */
import { runtimeError } from '../errors';
import { Tensor } from '../tensor';
import { add, mul, relu, sigmoid, sub, tanh } from './elementwise';
import { linear, matmul, transposedValues } from './linalg';
import { unbindSteps, unsafeChunk } from './multiOutput';
import { cat, stack, t2d, view } from './views';

export type RecurrentMode = 'lstm' | 'gru' | 'rnn_tanh' | 'rnn_relu';

/** One layer-direction's weights, as _VF.py's parameter groups hold them (null for what the module lacks). */
export interface RecurrentParams {
  wIh: Tensor;
  wHh: Tensor;
  bIh: Tensor | null;
  bHh: Tensor | null;
  /** LSTM's projection (proj_size). */
  wHr: Tensor | null;
}

/** A state: [h] for RNN and GRU, [h, c] for LSTM. */
export type RecurrentState = readonly Tensor[];

/**
 * torch.nn.functional.linear as the Python side runs it: a contiguous 3-D input with a bias is folded into rows
 * for one addmm and viewed back, as ATen does.
 */
export function functionalLinear(input: Tensor, w: Tensor, b: Tensor | null): Tensor {
  if (b !== null && input.ndim === 3 && input.isContiguous()) {
    const [n, length, k] = input.shape;
    const out = linear(view(input, [n * length, k]), w, b);
    return view(out, [n, length, out.shape[1]]);
  }
  return linear(input, w, b);
}

/**
 * A direction's weights for its steps: `wT` is W_hh's transpose copied once for all of them (the step's addmm
 * would copy it each time); nothing can write to W_hh while the layer runs.
 */
interface StepWeights extends RecurrentParams {
  wT: Tensor | null;
}

function stepWeights(p: RecurrentParams): StepWeights {
  return { ...p, wT: p.bHh !== null ? transposedValues(p.wHh) : null };
}

type Step = (xw: Tensor, state: RecurrentState, p: StepWeights) => RecurrentState;

// Each step evaluates its ops in the order of the Python expression it stands for (JavaScript evaluates
// arguments left to right, as Python evaluates operands), so nodes are created in the same order.

function tanhStep(xw: Tensor, [h]: RecurrentState, p: StepWeights): RecurrentState {
  return [tanh(add(linear(h, p.wHh, p.bHh, p.wT), xw))];
}

function reluStep(xw: Tensor, [h]: RecurrentState, p: StepWeights): RecurrentState {
  return [relu(add(linear(h, p.wHh, p.bHh, p.wT), xw))];
}

function lstmStep(xw: Tensor, [hx, cx]: RecurrentState, p: StepWeights): RecurrentState {
  const [i, f, g, o] = unsafeChunk(add(linear(hx, p.wHh, p.bHh, p.wT), xw), 4, 1);
  const cy = add(mul(sigmoid(f), cx), mul(sigmoid(i), tanh(g)));
  let hy = mul(sigmoid(o), tanh(cy));
  if (p.wHr !== null) hy = matmul(hy, t2d(p.wHr));
  return [hy, cy];
}

function gruStep(xw: Tensor, [h]: RecurrentState, p: StepWeights): RecurrentState {
  const [ir, iz, inew] = unsafeChunk(xw, 3, 1);
  const [hr, hz, hnew] = unsafeChunk(linear(h, p.wHh, p.bHh, p.wT), 3, 1);
  const r = sigmoid(add(hr, ir));
  const z = sigmoid(add(hz, iz));
  const n = tanh(add(inew, mul(hnew, r)));
  // ATen's order of operations, (h - n) * z + n, rather than the documented (1 - z) * n + z * h
  return [add(mul(sub(h, n), z), n)];
}

const STEPS: Record<RecurrentMode, Step> = { lstm: lstmStep, gru: gruStep, rnn_tanh: tanhStep, rnn_relu: reluStep };

function stepOf(mode: string): Step {
  const step = (STEPS as Record<string, Step | undefined>)[mode];
  if (step === undefined) throw runtimeError(`unknown recurrent mode '${mode}'`);
  return step;
}

/** One direction over the steps in the order given; returns each step's output and the last state. */
function runDirection(step: Step, xwSteps: readonly Tensor[], state: RecurrentState, params: RecurrentParams): [Tensor[], RecurrentState] {
  const p = stepWeights(params);
  const outputs: Tensor[] = [];
  for (const xw of xwSteps) {
    state = step(xw, state, p);
    outputs.push(state[0]);
  }
  return [outputs, state];
}

/**
 * One layer over a whole padded sequence (time first): `states` and `params` hold one entry per direction.
 * Returns the output (both directions concatenated on the last dimension) and each direction's final state.
 */
export function recurrentLayer(
  mode: RecurrentMode,
  input: Tensor,
  states: readonly RecurrentState[],
  params: readonly RecurrentParams[],
): { output: Tensor; finals: RecurrentState[] } {
  if (input.shape[0] === 0) throw runtimeError('Expected sequence length to be larger than 0 in RNN');
  const step = stepOf(mode);
  let p = params[0];
  const [outputs, final] = runDirection(step, unbindSteps(functionalLinear(input, p.wIh, p.bIh), 0), states[0], p);
  const forward = stack(outputs, 0);
  if (params.length === 1) return { output: forward, finals: [final] };
  p = params[1];
  const [revOutputs, revFinal] = runDirection(step, unbindSteps(functionalLinear(input, p.wIh, p.bIh), 0).reverse(), states[1], p);
  const backward = stack(revOutputs.reverse(), 0);
  return { output: cat([forward, backward], forward.ndim - 1), finals: [final, revFinal] };
}

/** One step of a cell (nn.RNNCell, LSTMCell, GRUCell) on a batch: the input's projection, then the step. */
export function recurrentCell(mode: RecurrentMode, input: Tensor, state: RecurrentState, p: RecurrentParams): RecurrentState {
  return stepOf(mode)(functionalLinear(input, p.wIh, p.bIh), state, { ...p, wT: null });
}
