/**
 * How much of each backward() goes into the event stream. Describing a whole graph (every node's value and
 * gradient, PyTorch-printed) and finding the names the script gives its leaves cost more than a small
 * training step itself, so a whole graph is captured at most once per `graphIntervalMs`, and always for the
 * first step and for a step whose loss is not finite. The steps in between still get their own backward
 * event with the loss, the leaves' gradients and the graph's size, which is all the charts need. When a run
 * ends on such a step, flush() sends its whole graph in a `graph` event, so the last graph is always there.
 */
import * as A from '../../engine/graph';
import { fromValues } from '../../engine/creation';
import type { DType, StorageArray } from '../../engine/dtype';
import { sameShape } from '../../engine/shape';
import type { Tensor } from '../../engine/tensor';
import type { BackwardEvent, GraphEvent } from '../../protocol/events';
import { captureGraph, graphOutline, outlineInputs, outlineLeaves, sentNodeLimit, type GraphOutline, type LeafSnapshots } from './graphCapture';

export type BackwardReport = Omit<BackwardEvent, 't' | 'step' | 'file'>;
export type GraphReport = Omit<GraphEvent, 't' | 'step' | 'file'>;

/**
 * Where the leaves of a step sent without its graph are written: the host's packer (host/stepPacking.ts),
 * named here by what the reporter needs so that report/ does not depend on the host above it.
 */
export interface StepSink {
  leaf(id: number, name: string | null, shape: readonly number[], grad: Tensor | null): void;
}

export interface GraphReporterHost {
  emit(event: BackwardReport | GraphReport): void;
  /**
   * Opens the packed record of a step sent without its graph (stepPacking.ts): the host stamps its time,
   * number and file, and the reporter adds its `leafCount` leaves. Absent, or null: the step is emitted as
   * an event like the others.
   */
  openStep?(line: number, loss: number | null, rootId: number, nodeCount: number, leafCount: number): StepSink | null;
  /** The step opened last has all its leaves now: the host may post it. */
  closeStep?(): void;
  /** What the panel draws at most; events carry up to sentNodeLimit() of it (graphCapture.ts). */
  graphNodeLimit: number;
  /** Whole graphs at most once per this many milliseconds; 0 or absent: every backward() gets its graph. */
  graphIntervalMs?: number;
}

/**
 * The names the script gives leaf tensors, looked up in its scopes (Python's _playground.naming.name_leaves):
 * the leaves and their names, index for index. Registered once per run; called during backward() and only
 * when a report needs names, since the lookup costs more than a small training step.
 */
export type LeafNamer = () => readonly [ArrayLike<Tensor>, ArrayLike<string>];

/**
 * Sends the names bound in the frame that called backward() and its callers (Python's
 * _playground.variables.snapshot_at_backward): called right after a whole graph went out during backward(),
 * so hovers inside functions work while the run is going; whole graphs are throttled, so this is too.
 */
export type ScopeSnapshot = () => void;

interface Step {
  line: number;
  outline: GraphOutline;
  leaves: Tensor[];
  nodeGrads: ReadonlyMap<A.Node, Tensor> | null;
  loss: number | null;
  /** null until its backward event is sent; then whether that event carried the whole graph. */
  sentWhole: boolean | null;
  /**
   * Whether the reporter's leaf copies hold this step's leaves as they were right after backward(): made when
   * the step is sent without its graph, since an optimizer step or zero_grad() changes them in place before
   * flush() may describe it.
   */
  copied: boolean;
}

/** Just the numbers: copying them costs less than a tensor, and only a run's last step ever needs one. */
interface RawTensor {
  shape: number[];
  dtype: DType;
  values: StorageArray;
}

interface LeafCopy {
  value: RawTensor;
  grad: RawTensor | null;
}

/** Names remembered across steps; a script that makes new leaf tensors every step would grow it forever. */
const NAME_CACHE_LIMIT = 4096;

export class GraphReporter {
  /** Tensor id → the name the script gave it when last looked up (null: looked up, has none). */
  private readonly names = new Map<number, string | null>();
  private lastWholeAt = -Infinity;
  /** The latest backward(): kept so its whole graph can still be sent when the run ends. */
  private latest: Step | null = null;
  /**
   * Leaf tensor id → its copy at the last step sent without its graph. Only the latest step's copies are ever
   * read, so each such step writes over the same buffers instead of allocating its own.
   */
  private copies = new Map<number, LeafCopy>();
  private namer: LeafNamer | null = null;
  private snapshot: ScopeSnapshot | null = null;

  constructor(private readonly host: GraphReporterHost) {}

  /** Called right after backward(): reports the step, asking the namer for leaf names when they are needed. */
  afterBackward(line: number, root: Tensor, nodeGrads: ReadonlyMap<A.Node, Tensor> | null): void {
    // A step whose names never came (the namer raised) still gets its event, before the next one.
    if (this.latest && this.latest.sentWhole === null) this.send(this.latest, false);
    const outline = graphOutline(root);
    const leaves = outlineLeaves(outline);
    const loss = root.numel === 1 ? root.item() : null;
    const step: Step = { line, outline, leaves, nodeGrads, loss, sentWhole: null, copied: false };
    this.latest = step;
    if (this.wholeDue(step) || leaves.some((v) => !this.names.has(v.id))) {
      const [named, labels] = this.namer ? this.namer() : [[], []];
      this.nameLeaves(named, labels);
      return;
    }
    this.send(step, false);
  }

  private nameLeaves(leaves: ArrayLike<Tensor>, labels: ArrayLike<string>): void {
    const step = this.latest;
    if (!step || step.sentWhole !== null) return;
    if (this.names.size > NAME_CACHE_LIMIT) this.names.clear();
    const given = new Map<number, string>();
    for (let i = 0; i < leaves.length; i++) given.set(leaves[i].id, labels[i]);
    for (const v of step.leaves) this.names.set(v.id, given.get(v.id) ?? null);
    const whole = this.wholeDue(step);
    // The data the graph read (X, y): drawn as input nodes when the script bound them to a name.
    if (whole) for (const v of outlineInputs(step.outline)) this.names.set(v.id, given.get(v.id) ?? null);
    this.send(step, whole);
    // Still inside backward(): the script's frames are on the stack (flush() at the end has none).
    if (whole) this.snapshot?.();
  }

  /** The end of a run: make sure the last step's whole graph has been sent. */
  flush(): void {
    const step = this.latest;
    if (!step || step.sentWhole === true) return;
    if (step.sentWhole === null) {
      this.send(step, true);
      return;
    }
    const { graph, leaves } = this.capture(step, true, step.copied ? this.restore(step.leaves) : null);
    this.host.emit({ type: 'graph', line: step.line, graph, leaves });
    step.sentWhole = true;
  }

  /**
   * Before each run of a session: nothing carries over; `namer` names this run's leaves (none: unnamed), and
   * `snapshot` (none: no snapshots) is called after each whole graph sent during a backward().
   */
  reset(namer: LeafNamer | null = null, snapshot: ScopeSnapshot | null = null): void {
    this.namer = namer;
    this.snapshot = snapshot;
    this.names.clear();
    this.lastWholeAt = -Infinity;
    this.latest = null;
    this.copies = new Map();
  }

  private wholeDue(step: Step): boolean {
    const interval = this.host.graphIntervalMs ?? 0;
    if (interval <= 0 || this.lastWholeAt === -Infinity) return true;
    if (step.loss !== null && !Number.isFinite(step.loss)) return true;
    return performance.now() - this.lastWholeAt >= interval;
  }

  private capture(step: Step, whole: boolean, snapshots: LeafSnapshots | null = null): ReturnType<typeof captureGraph> {
    return A.withGradMode(false, () => captureGraph(step.outline, this.names, step.nodeGrads, sentNodeLimit(this.host.graphNodeLimit), whole, snapshots));
  }

  private send(step: Step, whole: boolean): void {
    step.sentWhole = whole;
    if (whole) {
      const { graph, leaves } = this.capture(step, true);
      this.host.emit({ type: 'backward', line: step.line, loss: step.loss, graph, leaves });
      this.lastWholeAt = performance.now();
      return;
    }
    this.copyLeaves(step);
    if (this.pack(step)) return;
    const { graph, leaves } = this.capture(step, false);
    this.host.emit({ type: 'backward', line: step.line, loss: step.loss, graph, leaves });
  }

  /**
   * A step without its graph, described straight into the host's packer: the same leaves as captureGraph's
   * (those within the node limit) and the graph by its size. False when the host takes no packed steps.
   */
  private pack(step: Step): boolean {
    const { start, order } = step.outline;
    if (!start || step.line < 0 || !this.host.openStep) return false;
    const shown = Math.min(order.length, sentNodeLimit(this.host.graphNodeLimit));
    let leafCount = 0;
    for (let i = 0; i < shown; i++) if (order[i].variable) leafCount++;
    const packer = this.host.openStep(step.line, step.loss, start.id, order.length, leafCount);
    if (!packer) return false;
    for (let i = 0; i < shown; i++) {
      const node = order[i];
      const v = node.variable;
      if (v) packer.leaf(node.id, this.names.get(v.id) ?? null, v.shape, v.grad);
    }
    this.host.closeStep?.();
    return true;
  }

  private copyLeaves(step: Step): void {
    // Copies of leaves that are gone (a script that makes new leaves every step) are dropped now and then.
    if (this.copies.size > 2 * step.leaves.length + 64) this.copies = new Map();
    for (const v of step.leaves) {
      const copy = this.copies.get(v.id);
      if (copy) {
        copy.value = raw(v, copy.value);
        copy.grad = v.grad ? raw(v.grad, copy.grad) : null;
      } else {
        this.copies.set(v.id, { value: raw(v, null), grad: v.grad ? raw(v.grad, null) : null });
      }
    }
    step.copied = true;
  }

  private restore(leaves: Tensor[]): LeafSnapshots {
    const tensor = (r: RawTensor): Tensor => fromValues(r.values, r.shape, r.dtype);
    const out = new Map<number, { value: Tensor; grad: Tensor | null }>();
    for (const v of leaves) {
      const c = this.copies.get(v.id);
      if (c) out.set(v.id, { value: tensor(c.value), grad: c.grad && tensor(c.grad) });
    }
    return out;
  }
}

/** A copy of t's values, into `reuse` when it has the same size and dtype. */
function raw(t: Tensor, reuse: RawTensor | null): RawTensor {
  if (!reuse || reuse.dtype !== t.dtype || reuse.values.length !== t.numel) return { shape: t.shape.slice(), dtype: t.dtype, values: t.values() };
  const out = reuse.values;
  if (t.isContiguous()) {
    const src = t.data;
    for (let i = 0, j = t.offset; i < out.length; i++, j++) out[i] = src[j];
  } else {
    out.set(t.values(true));
  }
  if (!sameShape(reuse.shape, t.shape)) reuse.shape = t.shape.slice();
  return reuse;
}
