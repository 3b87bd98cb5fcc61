import { isFloating } from './dtype';
import { runtimeError } from './errors';
import { formatShapeList, sameShape } from './shape';
import { fullTensor, GradHook, Tensor } from './tensor';

/** Global autograd switches; `no_grad()` and friends flip `enabled`. */
export const gradMode = { enabled: true };

/** Runs `f` with grad mode set to `enabled`, restoring the previous mode afterwards (a scoped `no_grad()`). */
export function withGradMode<T>(enabled: boolean, f: () => T): T {
  const prev = gradMode.enabled;
  gradMode.enabled = enabled;
  try {
    return f();
  } finally {
    gradMode.enabled = prev;
  }
}

/**
 * Where the script is when an op runs. The Python binding updates `line` before each call so nodes can
 * point back at the source line that created them; the engine only reads it.
 */
export const sourceLocation: { line: number | null } = { line: null };

export type BackwardFn = (grad: Tensor, saved: readonly Tensor[], needs: readonly boolean[]) => Array<Tensor | null>;

let nextNodeId = 1;

export class Node {
  readonly id = nextNodeId++;
  readonly line: number | null = sourceLocation.line;
  /** Hooks on the node's output gradient (tensor hooks of non-leaf outputs), run before `apply`. */
  preHooks: GradHook[] | null = null;
  /** Non-leaf tensor whose `.grad` is kept (`retain_grad()`); runs after the other hooks like PyTorch's. */
  retainedOutput: Tensor | null = null;
  /** The op's output, weakly, so observers can show its value without keeping it alive. */
  output: WeakRef<Tensor> | null = null;
  /** Output geometry, kept even after the output is collected. */
  outShape: readonly number[] = [];
  outDtype: string = 'float32';
  /** Which saved tensors are this node's own output (PyTorch names the saving node, not the output's later grad_fn). */
  savedIsOutput: boolean[] | null = null;
  private saved: Tensor[] | null;
  private readonly savedVersions: number[];
  private readonly hadSaved: boolean;

  constructor(
    public readonly name: string,
    /** One entry per differentiable input: the node its gradient flows to, or null. */
    public readonly next: Array<Node | null>,
    saved: Tensor[],
    private readonly fn: BackwardFn | null,
    /** For AccumulateGrad: the leaf it accumulates into. */
    public readonly variable: Tensor | null = null,
  ) {
    this.saved = saved;
    this.savedVersions = saved.map((t) => t.version.value);
    this.hadSaved = saved.length > 0;
  }

  get released(): boolean {
    return this.saved === null;
  }

  release(): void {
    if (this.hadSaved) this.saved = null;
  }

  apply(grad: Tensor): Array<Tensor | null> {
    if (this.saved === null) {
      throw runtimeError(
        'Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). ' +
          'Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). ' +
          'Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.',
      );
    }
    for (let i = 0; i < this.saved.length; i++) {
      const t = this.saved[i];
      if (t.version.value !== this.savedVersions[i]) {
        throw modifiedSavedError(t, this.savedVersions[i], this.savedIsOutput?.[i] ? this.name : t.gradFn?.name ?? null);
      }
    }
    const needs = this.next.map((n) => n !== null);
    return this.fn!(grad, this.saved, needs);
  }
}

function tensorTypeName(t: Tensor): string {
  switch (t.dtype) {
    case 'float32': return 'torch.FloatTensor';
    case 'float64': return 'torch.DoubleTensor';
    case 'int64': return 'torch.LongTensor';
    case 'bool': return 'torch.BoolTensor';
  }
}

/** `gradFnName`: the saving node for a saved output, else the tensor's current grad_fn (null for leaves). */
function modifiedSavedError(t: Tensor, expected: number, gradFnName: string | null): Error {
  const which = gradFnName ? `, which is output 0 of ${gradFnName},` : '';
  return runtimeError(
    `one of the variables needed for gradient computation has been modified by an inplace operation: ` +
      `[${tensorTypeName(t)} ${formatShapeList(t.shape)}]${which} is at version ${t.version.value}; expected version ${expected} instead. ` +
      'Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).',
  );
}

export function accumulatorOf(leaf: Tensor): Node {
  if (!leaf.accumulator) leaf.accumulator = new Node('AccumulateGrad', [], [], null, leaf);
  return leaf.accumulator;
}

/** The node a tensor's gradient flows into. */
export function gradEdge(t: Tensor): Node {
  return t.gradFn ?? accumulatorOf(t);
}

/**
 * Attaches autograd history to `out` when grad mode is on and an input requires grad.
 * `inputs` are the differentiable inputs in the order `fn` returns their gradients.
 */
export function record(
  name: string,
  out: Tensor,
  inputs: ReadonlyArray<Tensor | null>,
  saved: Tensor[],
  fn: BackwardFn,
): Tensor {
  if (!gradMode.enabled) return out;
  let needed = false;
  for (const t of inputs) if (t !== null && t.requiresGrad) { needed = true; break; }
  if (!needed) return out;
  const node = new Node(name, inputs.map((t) => (t !== null && t.requiresGrad ? gradEdge(t) : null)), saved, fn);
  node.output = new WeakRef(out);
  if (saved.includes(out)) node.savedIsOutput = saved.map((t) => t === out);
  node.outShape = out.shape;
  node.outDtype = out.dtype;
  out.requiresGrad = true;
  out.gradFn = node;
  return out;
}

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

export interface EngineMath {
  add(a: Tensor, b: Tensor): Tensor;
  addInPlace(a: Tensor, b: Tensor): void;
  cloneDetached(t: Tensor): Tensor;
  castLike(g: Tensor, like: Tensor): Tensor;
  copyWithHistory(g: Tensor): Tensor;
}

/** Set by ops at load time, so this module can sum gradients without importing the op modules (a cycle). */
export const engineMath: { current: EngineMath | null } = { current: null };

function math(): EngineMath {
  return engineMath.current!;
}

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
  const m = math();
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
    buffers.set(n, prev ? m.add(prev, g) : g);
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
    const m = math();
    t.grad = t.grad === null ? m.cloneDetached(grad) : m.add(t.grad, grad);
  }
  return grad;
}

function accumulateInto(leaf: Tensor, grad: Tensor, createGraph: boolean): void {
  const m = math();
  const g = m.castLike(grad, leaf);
  if (leaf.grad === null) {
    leaf.grad = createGraph ? m.copyWithHistory(g) : m.cloneDetached(g);
  } else if (createGraph) {
    leaf.grad = m.add(leaf.grad, g);
  } else {
    m.addInPlace(leaf.grad, g);
  }
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
  return res.map((r, i) => (r === null ? null : createGraph ? math().castLike(r, inputs[i]) : math().cloneDetached(math().castLike(r, inputs[i]))));
}
