/**
 * Running a recorded graph backwards: `Tensor.backward`, `torch.autograd.grad`, and the observers the runtime
 * uses to watch a pass (gradients per node, for the graph view).
 *
 * Separate from graph.ts because summing and casting gradients needs the ops (add, cast, clone), while the ops
 * need graph.ts to record themselves: graph.ts imports no op and this file imports them directly, so either can
 * be loaded on its own and no module fills a slot in another at load time.
 */
import { isFloating } from './dtype';
import { runtimeError } from './errors';
import { gradEdge, gradMode, Node, record } from './graph';
import { add, addInPlaceRaw, cast, cloneDetached } from './ops/elementwise';
import { formatShapeList, sameShape } from './shape';
import { fullTensor, Tensor } from './tensor';

/** What observers (the runtime's event stream) learn about one backward pass. */
export interface BackwardInfo {
  roots: Tensor[];
  /** Gradient that reached each executed node (its output's gradient), when an observer asked for them. */
  nodeGrads: Map<Node, Tensor> | null;
}

export interface BackwardObserver {
  wantsNodeGrads: boolean;
  /** Called before the graph runs, while every node is still intact. */
  before?(roots: Tensor[]): void;
  after(info: BackwardInfo): void;
}

export const backwardObservers = new Set<BackwardObserver>();

/**
 * Runs the graph from `roots`. With `captureFor`, returns the gradient reaching each of those tensors and
 * does not touch any `.grad` (autograd.grad); otherwise accumulates into leaves (Tensor.backward).
 */
export function runBackward(
  roots: Tensor[],
  rootGrads: Tensor[],
  retainGraph: boolean,
  createGraph: boolean,
  captureFor: Tensor[] | null,
): Array<Tensor | null> {
  const rootNodes = roots.map((r) => gradEdge(r));
  const observers = [...backwardObservers];
  for (const o of observers) o.before?.(roots);
  const wantsNodeGrads = observers.some((o) => o.wantsNodeGrads);
  const nodeGrads = wantsNodeGrads ? new Map<Node, Tensor>() : null;

  // Count how many edges lead into each node, so a node runs only once all its gradient has arrived.
  const deps = new Map<Node, number>();
  const stack: Node[] = [];
  const seen = new Set<Node>();
  for (const n of rootNodes) if (!seen.has(n)) { seen.add(n); stack.push(n); }
  while (stack.length) {
    const n = stack.pop()!;
    for (const nx of n.next) {
      if (!nx) continue;
      deps.set(nx, (deps.get(nx) ?? 0) + 1);
      if (!seen.has(nx)) { seen.add(nx); stack.push(nx); }
    }
  }

  const captureNodes = captureFor ? captureFor.map((t) => gradEdge(t)) : null;
  const captured = new Map<Node, Tensor>();
  const buffers = new Map<Node, Tensor>();
  const addTo = (n: Node, g: Tensor): void => {
    const prev = buffers.get(n);
    buffers.set(n, prev ? add(prev, g) : g);
  };
  for (let i = 0; i < rootNodes.length; i++) addTo(rootNodes[i], rootGrads[i]);

  const previousMode = gradMode.enabled;
  gradMode.enabled = createGraph;
  try {
    const ready: Node[] = [];
    for (const n of new Set(rootNodes)) if (!deps.get(n)) ready.push(n);
    while (ready.length) {
      const node = ready.pop()!;
      let grad = buffers.get(node)!;
      buffers.delete(node);
      grad = runHooks(node, grad);
      if (nodeGrads) nodeGrads.set(node, grad);
      if (captureNodes && captureNodes.includes(node)) captured.set(node, grad);

      if (node.variable) {
        if (!captureNodes) accumulateInto(node.variable, grad, createGraph);
      } else {
        const grads = node.apply(grad);
        if (!retainGraph) node.release();
        for (let i = 0; i < node.next.length; i++) {
          const nx = node.next[i];
          if (!nx) continue;
          const g = grads[i];
          if (g) addTo(nx, g);
          const left = deps.get(nx)! - 1;
          deps.set(nx, left);
          if (left === 0) {
            if (buffers.has(nx)) ready.push(nx);
            else skipUnreached(nx, deps, ready, buffers);
          }
        }
      }
    }
  } finally {
    gradMode.enabled = previousMode;
  }
  for (const o of observers) o.after({ roots, nodeGrads });
  if (!captureNodes) return [];
  return captureNodes.map((n) => captured.get(n) ?? null);
}

/** A node whose inputs all sent no gradient still has to release its own dependents' counts. */
function skipUnreached(node: Node, deps: Map<Node, number>, ready: Node[], buffers: Map<Node, Tensor>): void {
  for (const nx of node.next) {
    if (!nx) continue;
    const left = deps.get(nx)! - 1;
    deps.set(nx, left);
    if (left === 0) {
      if (buffers.has(nx)) ready.push(nx);
      else skipUnreached(nx, deps, ready, buffers);
    }
  }
}

function runHooks(node: Node, grad: Tensor): Tensor {
  const hooks = node.variable ? node.variable.hooks : node.preHooks;
  if (hooks) {
    for (const h of hooks) {
      const r = h(grad);
      if (r instanceof Tensor) grad = r;
    }
  }
  if (node.retainedOutput) {
    const t = node.retainedOutput;
    t.grad = t.grad === null ? cloneDetached(grad) : add(t.grad, grad);
  }
  return grad;
}

function accumulateInto(leaf: Tensor, grad: Tensor, createGraph: boolean): void {
  const g = cast(grad, leaf.dtype);
  if (leaf.grad === null) {
    leaf.grad = createGraph ? copyWithHistory(g) : cloneDetached(g);
  } else if (createGraph) {
    leaf.grad = add(leaf.grad, g);
  } else {
    addInPlaceRaw(leaf.grad, g);
  }
}

/** AccumulateGrad under create_graph stores new_empty_strided(...).copy_(grad): a CopyBackwards node. */
function copyWithHistory(g: Tensor): Tensor {
  return record('CopyBackwards', cloneDetached(g), [null, g], [], (gr) => [null, gr]);
}

/** `tensor.backward(gradient, retain_graph, create_graph)` with PyTorch's checks and messages. */
export function backward(root: Tensor, gradient: Tensor | null, retainGraph?: boolean, createGraph = false): void {
  const g = rootGradient(root, gradient, 0);
  runBackward([root], [g], retainGraph ?? createGraph, createGraph, null);
}

/** Checks in PyTorch's order: `_make_grads` (shape, implicit scalar grad) before the engine's requires_grad check. */
export function rootGradient(root: Tensor, gradient: Tensor | null, index: number): Tensor {
  if (gradient !== null && !sameShape(gradient.shape, root.shape)) {
    throw runtimeError(
      `Mismatch in shape: grad_output[${index}] has a shape of torch.Size(${formatShapeList(gradient.shape)}) and output[${index}] has a shape of torch.Size(${formatShapeList(root.shape)}).`,
    );
  }
  if (!root.requiresGrad) {
    throw runtimeError(`element ${index} of tensors does not require grad and does not have a grad_fn`);
  }
  if (gradient === null) {
    if (root.numel !== 1) throw runtimeError('grad can be implicitly created only for scalar outputs');
    if (!isFloating(root.dtype)) throw runtimeError('grad can be implicitly created only for real scalar outputs');
    return onesLike(root);
  }
  return gradient;
}

function onesLike(t: Tensor): Tensor {
  return fullTensor(t.shape, 1, t.dtype);
}

/** `torch.autograd.grad`. */
export function grad(
  outputs: Tensor[],
  inputs: Tensor[],
  gradOutputs: Array<Tensor | null> | null,
  retainGraph: boolean | null,
  createGraph: boolean,
  allowUnused: boolean,
): Array<Tensor | null> {
  const roots = outputs.map((o, i) => rootGradient(o, gradOutputs ? gradOutputs[i] ?? null : null, i));
  for (const t of inputs) {
    if (!t.requiresGrad) throw runtimeError('One of the differentiated Tensors does not require grad');
  }
  const res = runBackward(outputs, roots, retainGraph ?? createGraph, createGraph, inputs);
  if (!allowUnused && res.some((r) => r === null)) {
    throw runtimeError(
      'One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.',
    );
  }
  return res.map((r, i) => (r === null ? null : createGraph ? cast(r, inputs[i].dtype) : cloneDetached(cast(r, inputs[i].dtype))));
}
