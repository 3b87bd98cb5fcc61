/**
 * How much of each backward() goes into the event stream. Describing a whole graph (every node's value and
 * gradient, PyTorch-printed) and finding the names the script gives its leaves cost more than a small
 * training step itself, so a whole graph is captured at most once per `graphIntervalMs`, and always for the
 * first step and for a step whose loss is not finite. The steps in between still get their own backward
 * event with the loss, the leaves' gradients and the graph's size, which is all the charts need. When a run
 * ends on such a step, flush() sends its whole graph in a `graph` event, so the last graph is always there.
 */
import * as A from '../engine/autograd';
import type { Tensor } from '../engine/tensor';
import type { BackwardEvent, GraphEvent } from './events';
import { captureGraph, graphOutline, outlineLeaves, type GraphOutline, type LeafSnapshots } from './graphEvent';
import { fromValues } from '../engine/creation';
import type { DType, StorageArray } from '../engine/dtype';

export type BackwardReport = Omit<BackwardEvent, 't' | 'step' | 'file'>;
export type GraphReport = Omit<GraphEvent, 't' | 'step' | 'file'>;

export interface GraphReporterHost {
  emit(event: BackwardReport | GraphReport): void;
  graphNodeLimit: number;
  /** Whole graphs at most once per this many milliseconds; 0 or absent: every backward() gets its graph. */
  graphIntervalMs?: number;
}

interface Step {
  line: number;
  outline: GraphOutline;
  leaves: Tensor[];
  nodeGrads: ReadonlyMap<A.Node, Tensor> | null;
  loss: number | null;
  /** null until its backward event is sent; then whether that event carried the whole graph. */
  sentWhole: boolean | null;
  /**
   * Its leaves' values and gradients as they were right after backward(), copied when the step is sent
   * without its graph: an optimizer step or zero_grad() changes them in place before flush() may describe it.
   */
  copies: LeafCopies | null;
}

/** Just the numbers: copying them costs less than a tensor, and only a run's last step ever needs one. */
interface RawTensor {
  shape: number[];
  dtype: DType;
  values: StorageArray;
}

type LeafCopies = Map<number, { value: RawTensor; grad: RawTensor | null }>;

/** Names remembered across steps; a script that makes new leaf tensors every step would grow it forever. */
const NAME_CACHE_LIMIT = 4096;

export class GraphReporter {
  /** Tensor id → the name the script gave it when last looked up (null: looked up, has none). */
  private readonly names = new Map<number, string | null>();
  private lastWholeAt = -Infinity;
  /** The latest backward(): kept so its whole graph can still be sent when the run ends. */
  private latest: Step | null = null;
  /**
   * The last light step's copies. Only the latest step's are ever read, so the next light step writes over
   * the same buffers instead of allocating its own.
   */
  private lastCopies: LeafCopies = new Map();

  constructor(private readonly host: GraphReporterHost) {}

  /** Called right after backward(); true when the caller must look up leaf names and call nameLeaves(). */
  afterBackward(line: number, root: Tensor, nodeGrads: ReadonlyMap<A.Node, Tensor> | null): boolean {
    // A step whose names never came (the lookup raised) still gets its event, before the next one.
    if (this.latest && this.latest.sentWhole === null) this.send(this.latest, false);
    const outline = graphOutline(root);
    const leaves = outlineLeaves(outline);
    const loss = root.numel === 1 ? root.item() : null;
    const step: Step = { line, outline, leaves, nodeGrads, loss, sentWhole: null, copies: null };
    this.latest = step;
    if (this.wholeDue(step) || leaves.some((v) => !this.names.has(v.id))) return true;
    this.send(step, false);
    return false;
  }

  nameLeaves(leaves: ArrayLike<Tensor>, labels: ArrayLike<string>): void {
    const step = this.latest;
    if (!step || step.sentWhole !== null) return;
    if (this.names.size > NAME_CACHE_LIMIT) this.names.clear();
    const given = new Map<number, string>();
    for (let i = 0; i < leaves.length; i++) given.set(leaves[i].id, labels[i]);
    for (const v of step.leaves) this.names.set(v.id, given.get(v.id) ?? null);
    this.send(step, this.wholeDue(step));
  }

  /** The end of a run: make sure the last step's whole graph has been sent. */
  flush(): void {
    const step = this.latest;
    if (!step || step.sentWhole === true) return;
    if (step.sentWhole === null) {
      this.send(step, true);
      return;
    }
    const { graph, leaves } = this.capture(step, true, step.copies && restore(step.copies));
    this.host.emit({ type: 'graph', line: step.line, graph, leaves });
    step.sentWhole = true;
  }

  /** Before each run of a session: nothing carries over. */
  reset(): void {
    this.names.clear();
    this.lastWholeAt = -Infinity;
    this.latest = null;
    this.lastCopies = new Map();
  }

  private wholeDue(step: Step): boolean {
    const interval = this.host.graphIntervalMs ?? 0;
    if (interval <= 0 || this.lastWholeAt === -Infinity) return true;
    if (step.loss !== null && !Number.isFinite(step.loss)) return true;
    return performance.now() - this.lastWholeAt >= interval;
  }

  private capture(step: Step, whole: boolean, snapshots: LeafSnapshots | null = null): ReturnType<typeof captureGraph> {
    return A.withGradMode(false, () => captureGraph(step.outline, this.names, step.nodeGrads, this.host.graphNodeLimit, whole, snapshots));
  }

  private send(step: Step, whole: boolean): void {
    if (!whole) step.copies = this.lastCopies = copyLeaves(step.leaves, this.lastCopies);
    const { graph, leaves } = this.capture(step, whole);
    this.host.emit({ type: 'backward', line: step.line, loss: step.loss, graph, leaves });
    step.sentWhole = whole;
    if (whole) this.lastWholeAt = performance.now();
  }
}

/** A copy of t's values, into `reuse` when it has the same size and dtype. */
function raw(t: Tensor, reuse: RawTensor | null | undefined): RawTensor {
  if (!reuse || reuse.dtype !== t.dtype || reuse.values.length !== t.numel) return { shape: t.shape.slice(), dtype: t.dtype, values: t.values() };
  const out = reuse.values;
  if (t.isContiguous()) {
    const src = t.data;
    for (let i = 0, j = t.offset; i < out.length; i++, j++) out[i] = src[j];
  } else {
    out.set(t.values(true));
  }
  reuse.shape = t.shape.slice();
  return reuse;
}

function copyLeaves(leaves: Tensor[], previous: LeafCopies): LeafCopies {
  const out: LeafCopies = new Map();
  for (const v of leaves) {
    const old = previous.get(v.id);
    out.set(v.id, { value: raw(v, old?.value), grad: v.grad ? raw(v.grad, old?.grad) : null });
  }
  return out;
}

function restore(copies: LeafCopies): LeafSnapshots {
  const tensor = (r: RawTensor): Tensor => fromValues(r.values, r.shape, r.dtype);
  const out = new Map<number, { value: Tensor; grad: Tensor | null }>();
  for (const [id, c] of copies) out.set(id, { value: tensor(c.value), grad: c.grad && tensor(c.grad) });
  return out;
}
