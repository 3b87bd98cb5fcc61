/**
 * The autograd graph as ops build it: `Node`, `record()` (how an op's output gets its grad_fn), grad mode, and
 * the source line each node remembers.
 *
 * This is everything an op needs to join the graph and nothing that runs it (that is backward.ts), so it imports
 * no op: the op files import it, and backward.ts imports both without a load-order cycle.
 */
import { runtimeError } from './errors';
import { allocate, TENSOR_TYPE_NAMES } from './dtype';
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

/**
 * A call of an `nn.Module`: the host sets `moduleCalls.current` while one runs, and every node recorded
 * meanwhile keeps it, so a graph can draw each call as a box around its ops. Reading the current call is the
 * whole per-op cost; the host pays for the rest once per call.
 */
export interface ModuleCall {
  readonly id: number;
  readonly className: string;
  /** The line of the module call in the user's file. */
  readonly line: number | null;
  /** The call this one ran inside (a parent module's forward), or null. */
  readonly parent: ModuleCall | null;
  /** Dotted name ('model', 'model.0', 'model.encoder.layer1'); null when the host found none. */
  readonly name: string | null;
  /** The line of the module class's forward in the user's file; null for the library's own modules. */
  readonly defLine: number | null;
  /**
   * The outermost call around this one (itself included) of a module a graph shows as one node (an LSTM, not
   * the thousand primitive nodes it records); null when there is none.
   */
  readonly oneNode: ModuleCall | null;
}

export const moduleCalls: { current: ModuleCall | null } = { current: null };

export type BackwardFn = (grad: Tensor, saved: readonly Tensor[], needs: readonly boolean[]) => Array<Tensor | null>;

/** Gradients by position (a node's outputs or its inputs); null where none flowed. */
export type GradList = Array<Tensor | null>;

/** `grad_fn.register_prehook`: sees the node's output gradients before it runs; may return replacements. */
export type NodePreHook = (gradOutputs: GradList) => GradList | null | undefined | void;
/** `grad_fn.register_hook`: sees what the node computed for its inputs; may return replacements. */
export type NodePostHook = (gradInputs: GradList, gradOutputs: GradList) => GradList | null | undefined | void;

/** What one output of a node keeps: its tensor's hooks and `retain_grad()`, which live on the node in PyTorch. */
export interface OutputSlot {
  /** Hooks on the output's gradient (tensor hooks of a non-leaf output), run before the node's own pre-hooks. */
  preHooks: GradHook[] | null;
  /** Non-leaf tensor whose `.grad` is kept (`retain_grad()`); runs after the tensor hooks like PyTorch's. */
  retainedOutput: Tensor | null;
}

let nextNodeId = 1;

export class Node implements OutputSlot {
  readonly id = nextNodeId++;
  readonly line: number | null = sourceLocation.line;
  readonly moduleCall: ModuleCall | null = moduleCalls.current;
  preHooks: GradHook[] | null = null;
  retainedOutput: Tensor | null = null;
  /** Outputs after the first, for a node with several (a custom Function's); output 0 is the node itself. */
  extraOutputs: OutputSlot[] | null = null;
  /** Which output of `next[i]` each gradient feeds; null when every edge leads to output 0. */
  nextNr: number[] | null = null;
  nodePreHooks: NodePreHook[] | null = null;
  postHooks: NodePostHook[] | null = null;
  /** The op's output, weakly, so observers can show its value without keeping it alive. */
  output: WeakRef<Tensor> | null = null;
  /** Output geometry, kept even after the output is collected. */
  outShape: readonly number[] = [];
  outDtype: string = 'float32';
  /** Which saved tensors are this node's own output (PyTorch names the saving node, not the output's later grad_fn). */
  savedIsOutput: boolean[] | null = null;
  /** CopySlices: the in-place op's own node, whose backward it runs on the written region (released with it). */
  wrapped: Node | null = null;
  /**
   * The inputs that do not require grad (data such as `X` and `y`, constants), weakly: no gradient flows to
   * them, so `next` has none, but the graph report draws the named ones as input nodes.
   */
  constInputs: WeakRef<Tensor>[] | null = null;
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

  get numOutputs(): number {
    return this.extraOutputs === null ? 1 : 1 + this.extraOutputs.length;
  }

  /** The hooks and retained tensor of output `nr`. */
  slot(nr: number): OutputSlot {
    return nr === 0 ? this : this.extraOutputs![nr - 1];
  }

  release(): void {
    if (this.hadSaved) this.saved = null;
    this.wrapped?.release();
  }

  /** The saved tensors, checked as PyTorch unpacks them: not yet freed, and not modified in place since. */
  protected unpackSaved(): Tensor[] {
    if (this.saved === null) throw secondBackwardError();
    for (let i = 0; i < this.saved.length; i++) {
      const t = this.saved[i];
      if (t.version.value !== this.savedVersions[i]) {
        syncView(t); // the error names its current grad_fn
        throw modifiedSavedError(t, this.savedVersions[i], this.savedIsOutput?.[i] ? this.name : t.gradFn?.name ?? null);
      }
    }
    return this.saved;
  }

  /** Gradients for `next`, from the gradients of the node's outputs (only output 0 for the built-in ops). */
  apply(grads: GradList): GradList {
    const saved = this.unpackSaved();
    const needs = this.next.map((n) => n !== null);
    return this.fn!(grads[0]!, saved, needs);
  }
}

export function secondBackwardError(): Error {
  return runtimeError(
    'Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). ' +
      'Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). ' +
      'Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.',
  );
}

function tensorTypeName(t: Tensor): string {
  return TENSOR_TYPE_NAMES[t.dtype];
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

/** The node a tensor's gradient flows into (at output `t.outputNr` when it is the tensor's grad_fn). */
export function gradEdge(t: Tensor): Node {
  return t.gradFn ?? accumulatorOf(t);
}

/** The edges to `inputs` (null for those that need no gradient), with their output numbers when any is not 0. */
export function edgesTo(inputs: ReadonlyArray<Tensor | null>): { next: Array<Node | null>; nextNr: number[] | null } {
  const next: Array<Node | null> = [];
  let nextNr: number[] | null = null;
  for (let i = 0; i < inputs.length; i++) {
    const t = inputs[i];
    if (t === null || !t.requiresGrad) {
      next.push(null);
      continue;
    }
    next.push(gradEdge(t));
    if (t.gradFn !== null && t.outputNr !== 0) (nextNr ??= new Array<number>(inputs.length).fill(0))[i] = t.outputNr;
  }
  return { next, nextNr };
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
  const { next, nextNr } = edgesTo(inputs);
  const node = new Node(name, next, saved, fn);
  node.nextNr = nextNr;
  for (const t of inputs) if (t !== null && !t.requiresGrad) (node.constInputs ??= []).push(new WeakRef(t));
  node.output = new WeakRef(out);
  if (saved.includes(out)) node.savedIsOutput = saved.map((t) => t === out);
  node.outShape = out.shape;
  node.outDtype = out.dtype;
  out.requiresGrad = true;
  out.gradFn = node;
  out.outputNr = 0;
  return out;
}

/**
 * Gives `t`'s node the name of the overload PyTorch's C++ composites call: `x + scalar` there is AddBackward1 and
 * `at::norm(x, p, dim)` NormBackward1, where the Python-facing ops this engine names after record the other one.
 */
export function relabel(t: Tensor, name: string): Tensor {
  if (t.gradFn !== null) (t.gradFn as { name: string }).name = name;
  return t;
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
  const { next, nextNr } = edgesTo([base]);
  const node = new Node('AsStridedBackward0', next, [], (g) => [scatterRegion(g, idx, baseShape)]);
  node.nextNr = nextNr;
  node.outShape = view.shape;
  node.outDtype = view.dtype;
  node.output = new WeakRef(view);
  view.requiresGrad = true;
  view.gradFn = node;
  view.outputNr = 0;
}

/** Brings a view whose base got new history since (an in-place write through another view) up to date. */
export function syncView(t: Tensor): void {
  if (t.base !== null && t.historyVersion !== t.base.historyVersion) rebaseView(t);
}
