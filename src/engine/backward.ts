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
import { gradEdge, gradMode, GradList, Node, NodePostHook, NodePreHook, record } from './graph';
import { add, addInPlaceRaw, addRaw, cast, cloneDetached } from './ops/elementwise';
import { formatShapeList, sameShape } from './shape';
import { fullTensor, GradHook, Tensor } from './tensor';

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
 * does not touch any `.grad` (autograd.grad), running only the nodes on a path to them as PyTorch does;
 * otherwise accumulates into leaves (Tensor.backward).
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

  const captures = captureFor ? captureFor.map((t) => ({ node: gradEdge(t), nr: t.gradFn ? t.outputNr : 0 })) : null;
  const captured: Array<Tensor | null> = captures ? captures.map(() => null) : [];
  const leads = captures ? nodesLeadingTo(rootNodes, new Set(captures.map((c) => c.node))) : null;
  const buffers = new Map<Node, GradList>();
  // Sums a buffer made itself and no one else holds yet: the next gradient for the same output is added into
  // it in place (the same sums in the same order, without a new tensor per arriving gradient: a recurrent
  // layer's weight gets one per time step). Never under create_graph, where the sum is recorded.
  const owned = new Set<Tensor>();
  const addTo = (n: Node, nr: number, g: Tensor): void => {
    let b = buffers.get(n);
    if (!b) {
      b = n.extraOutputs === null ? [null] : new Array<Tensor | null>(n.numOutputs).fill(null);
      buffers.set(n, b);
    }
    const prev = b[nr];
    if (prev === null) {
      b[nr] = g;
    } else if (owned.has(prev) && prev.dtype === g.dtype && isFloating(g.dtype) && sameShape(prev.shape, g.shape)) {
      addInPlaceRaw(prev, g);
    } else {
      const sum = createGraph ? add(prev, g) : addRaw(prev, g);
      owned.delete(prev);
      if (!createGraph) owned.add(sum);
      b[nr] = sum;
    }
  };
  for (let i = 0; i < rootNodes.length; i++) addTo(rootNodes[i], roots[i].gradFn ? roots[i].outputNr : 0, rootGrads[i]);

  const release = (node: Node): void => {
    for (const nx of node.next) {
      if (!nx) continue;
      const left = deps.get(nx)! - 1;
      deps.set(nx, left);
      if (left === 0) {
        if (buffers.has(nx)) ready.push(nx);
        else skipUnreached(nx, deps, ready, buffers);
      }
    }
  };
  const ready: Node[] = [];
  const previousMode = gradMode.enabled;
  gradMode.enabled = createGraph;
  try {
    for (const n of new Set(rootNodes)) if (!deps.get(n)) ready.push(n);
    while (ready.length) {
      const node = ready.pop()!;
      let grads = buffers.get(node)!;
      buffers.delete(node);
      if (owned.size !== 0) for (const g of grads) if (g !== null) owned.delete(g);
      if (leads && !leads.has(node)) {
        release(node);
        continue;
      }
      grads = runTensorHooks(node, grads);
      if (nodeGrads) {
        const first = grads.find((g) => g !== null);
        if (first) nodeGrads.set(node, first);
      }
      if (captures) {
        captures.forEach((c, i) => { if (c.node === node) captured[i] = grads[c.nr]; });
        // A captured node runs only when another captured one lies below it.
        if (!node.next.some((nx) => nx !== null && leads!.has(nx))) {
          release(node);
          continue;
        }
      }
      if (node.nodePreHooks) grads = runNodePreHooks(node.nodePreHooks, grads);

      if (node.variable) {
        if (grads[0]) accumulateInto(node.variable, grads[0], createGraph);
        if (node.postHooks) runPostHooks(node.postHooks, [], grads);
        continue;
      }
      let out = node.apply(grads);
      if (node.postHooks) out = runPostHooks(node.postHooks, out, grads);
      if (!retainGraph) node.release();
      for (let i = 0; i < node.next.length; i++) {
        const nx = node.next[i];
        const g = out[i];
        if (nx && g) addTo(nx, node.nextNr === null ? 0 : node.nextNr[i], g);
      }
      release(node);
    }
  } finally {
    gradMode.enabled = previousMode;
  }
  for (const o of observers) o.after({ roots, nodeGrads });
  return captured;
}

/** The nodes from which some node of `targets` can be reached (targets included): those autograd.grad runs. */
function nodesLeadingTo(roots: Node[], targets: ReadonlySet<Node>): Set<Node> {
  const leads = new Map<Node, boolean>();
  // Iterative post-order walk: a node leads to a target when it is one or one of its inputs leads to one.
  const stack: Array<{ node: Node; i: number }> = [];
  for (const r of roots) {
    if (leads.has(r)) continue;
    leads.set(r, targets.has(r));
    stack.push({ node: r, i: 0 });
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.i < top.node.next.length) {
        const nx = top.node.next[top.i++];
        if (!nx) continue;
        if (!leads.has(nx)) {
          leads.set(nx, targets.has(nx));
          stack.push({ node: nx, i: 0 });
        } else if (leads.get(nx)) leads.set(top.node, true);
        continue;
      }
      stack.pop();
      if (stack.length && leads.get(top.node)) leads.set(stack[stack.length - 1].node, true);
    }
  }
  const out = new Set<Node>();
  for (const [n, yes] of leads) if (yes) out.add(n);
  return out;
}

/** A node whose inputs all sent no gradient still has to release its own dependents' counts. */
function skipUnreached(node: Node, deps: Map<Node, number>, ready: Node[], buffers: Map<Node, GradList>): void {
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

/** Each output's tensor hooks, then its retain_grad(): PyTorch's tensor pre-hooks, run before the node's own. */
function runTensorHooks(node: Node, grads: GradList): GradList {
  if (node.variable) {
    const hooks = node.variable.hooks;
    if (hooks && grads[0]) grads[0] = runGradHooks(hooks, grads[0]);
    return grads;
  }
  for (let nr = 0; nr < grads.length; nr++) {
    let g = grads[nr];
    if (!g) continue;
    const slot = node.slot(nr);
    if (slot.preHooks) g = grads[nr] = runGradHooks(slot.preHooks, g);
    const t = slot.retainedOutput;
    if (t) t.grad = t.grad === null ? cloneDetached(g) : add(t.grad, g);
  }
  return grads;
}

function runGradHooks(hooks: readonly GradHook[], grad: Tensor): Tensor {
  for (const h of hooks) {
    const r = h(grad);
    if (r instanceof Tensor) grad = r;
  }
  return grad;
}

function runNodePreHooks(hooks: readonly NodePreHook[], grads: GradList): GradList {
  for (const h of hooks) {
    const r = h(grads.slice());
    if (r) grads = Array.from(r);
  }
  return grads;
}

function runPostHooks(hooks: readonly NodePostHook[], gradInputs: GradList, gradOutputs: GradList): GradList {
  for (const h of hooks) {
    const r = h(gradInputs.slice(), gradOutputs.slice());
    if (r) gradInputs = Array.from(r);
  }
  return gradInputs;
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
