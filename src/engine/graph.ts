/**
 * The autograd graph as ops build it: `Node`, `record()` (how an op's output gets its grad_fn), grad mode, and
 * the source line each node remembers.
 *
 * This is everything an op needs to join the graph and nothing that runs it (that is backward.ts), so it imports
 * no op: the op files import it, and backward.ts imports both without a load-order cycle.
 */
import { runtimeError } from './errors';
import { allocate } from './dtype';
import { formatShapeList, numelOf } from './shape';
import { GradHook, makeTensor, Tensor } from './tensor';

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
  /** CopySlices: the in-place op's own node, whose backward it runs on the written region (released with it). */
  wrapped: Node | null = null;
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
    this.wrapped?.release();
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
        syncView(t); // the error names its current grad_fn
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
  for (const t of inputs) {
    if (t === null) continue;
    if (t.base !== null && t.historyVersion !== t.base.historyVersion) rebaseView(t);
    if (t.requiresGrad) needed = true;
  }
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

// ---- History through views written in place ----

/** For each element of `view`, its index among `base`'s elements in row-major order (they share storage). */
export function regionIndex(base: Tensor, view: Tensor): Int32Array {
  const n = view.numel;
  const idx = new Int32Array(n);
  const viewPos = view.positions();
  const basePos = base.positions();
  let at: (p: number) => number = (p) => p - base.offset;
  if (basePos !== null) {
    const where = new Map<number, number>();
    basePos.forEach((p, i) => where.set(p, i));
    at = (p) => where.get(p)!;
  }
  for (let i = 0; i < n; i++) idx[i] = at(viewPos ? viewPos[i] : view.offset + i);
  return idx;
}

/** A gradient of the base's shape that is `g` (of the view's shape) on the view's elements and 0 elsewhere. */
export function scatterRegion(g: Tensor, idx: Int32Array, baseShape: readonly number[]): Tensor {
  const out = allocate(g.dtype, numelOf(baseShape));
  const src = g.values(true);
  for (let i = 0; i < idx.length; i++) out[idx[i]] = src[i];
  return makeTensor(out, baseShape.slice(), g.dtype);
}

/** The view's elements of `g` (a gradient of the base's shape), shaped as the view. */
export function gatherRegion(g: Tensor, idx: Int32Array, viewShape: readonly number[]): Tensor {
  const out = allocate(g.dtype, idx.length);
  const src = g.values(true);
  for (let i = 0; i < idx.length; i++) out[i] = src[idx[i]];
  return makeTensor(out, viewShape.slice(), g.dtype);
}

/**
 * Gives `view` the history PyTorch gives a view after its base got new history: AsStridedBackward0 of the base
 * (its gradient lands on the view's elements of the base's).
 */
export function rebaseView(view: Tensor): void {
  const base = view.base!;
  view.historyVersion = base.historyVersion;
  if (!base.requiresGrad) return;
  const idx = regionIndex(base, view);
  const baseShape = base.shape.slice();
  const node = new Node('AsStridedBackward0', [gradEdge(base)], [], (g) => [scatterRegion(g, idx, baseShape)]);
  node.outShape = view.shape;
  node.outDtype = view.dtype;
  node.output = new WeakRef(view);
  view.requiresGrad = true;
  view.gradFn = node;
}

/** Brings a view whose base got new history since (an in-place write through another view) up to date. */
export function syncView(t: Tensor): void {
  if (t.base !== null && t.historyVersion !== t.base.historyVersion) rebaseView(t);
}
