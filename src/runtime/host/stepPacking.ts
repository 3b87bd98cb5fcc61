/**
 * The worker's wire form for backward events that carry no graph (most steps of a fast loop; see
 * graphReporter.ts). Such a step is described straight into one growing Float64Array (and a short list of
 * strings) as backward() returns, and posted in batches: building a dozen small objects per step, and posting
 * them, cost more than the small training steps tutorials run. runner.ts unpacks them into ordinary events, so
 * nothing past the runner sees this form.
 */
import type { Tensor } from '../../engine/tensor';
import { elidedGraph, type BackwardEvent, type LeafSummary, type TensorSummary } from '../../protocol/events';
import { readStats, type ValueStats } from '../report/tensorSummary';

export interface PackedSteps {
  numbers: Float64Array;
  strings: string[];
}

// Absent numbers (a null loss, an empty tensor's min) are NaN with this flag set, so NaN itself survives.
const HAS_LOSS = 1;
const HAS_STATS = 2;
const HAS_GRAD = 4;

export class StepPacker {
  private numbers = new Float64Array(4096);
  private length = 0;
  private strings: string[] = [];
  private stringIndex = new Map<string, number>();
  private readonly stats: ValueStats = { min: 0, max: 0, mean: 0, norm: 0 };

  /** Numbers held; 0 when there is nothing to post. */
  get size(): number {
    return this.length;
  }

  /**
   * Opens a step: the host's stamps (t, step, file), then the step's line, loss and graph (its root and node
   * count). Exactly `leafCount` calls of leaf() must follow.
   */
  openStep(t: number, step: number, file: string, line: number, loss: number | null, rootId: number, nodeCount: number, leafCount: number): void {
    this.reserve(9);
    const n = this.numbers;
    let p = this.length;
    n[p++] = t;
    n[p++] = step;
    n[p++] = line;
    n[p++] = loss === null ? 0 : HAS_LOSS;
    n[p++] = loss ?? NaN;
    n[p++] = rootId;
    n[p++] = nodeCount;
    n[p++] = this.string(file);
    n[p++] = leafCount;
    this.length = p;
  }

  /** A leaf of the open step (`id` is its graph node's), with its gradient's stats read in place. */
  leaf(id: number, name: string | null, shape: readonly number[], grad: Tensor | null): void {
    // id, name, the shape; then a flag, or the flag, dtype, numel, the gradient's shape and four stats.
    this.reserve(3 + shape.length + (grad ? 8 + grad.shape.length : 1));
    const n = this.numbers;
    n[this.length++] = id;
    n[this.length++] = name === null ? -1 : this.string(name);
    this.shape(shape);
    if (grad === null) {
      n[this.length++] = 0;
      return;
    }
    const s = readStats(grad, this.stats);
    n[this.length++] = HAS_GRAD | (s ? HAS_STATS : 0);
    n[this.length++] = this.string(grad.dtype);
    n[this.length++] = grad.numel;
    this.shape(grad.shape);
    n[this.length++] = s ? s.min : NaN;
    n[this.length++] = s ? s.max : NaN;
    n[this.length++] = s ? s.mean : NaN;
    n[this.length++] = s ? s.norm : NaN;
  }

  /** The packed batch; the packer is empty again afterwards. */
  take(): PackedSteps {
    const packed = { numbers: this.numbers.slice(0, this.length), strings: this.strings };
    this.length = 0;
    this.strings = [];
    this.stringIndex = new Map();
    return packed;
  }

  private shape(shape: readonly number[]): void {
    const n = this.numbers;
    n[this.length++] = shape.length;
    for (let i = 0; i < shape.length; i++) n[this.length++] = shape[i];
  }

  private reserve(count: number): void {
    if (this.length + count <= this.numbers.length) return;
    const grown = new Float64Array(Math.max(this.numbers.length * 2, this.length + count));
    grown.set(this.numbers.subarray(0, this.length));
    this.numbers = grown;
  }

  private string(s: string): number {
    let i = this.stringIndex.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.stringIndex.set(s, i);
    }
    return i;
  }
}

export function unpackSteps(packed: PackedSteps): BackwardEvent[] {
  const { numbers: n, strings } = packed;
  const out: BackwardEvent[] = [];
  let p = 0;
  const shape = (): number[] => {
    const len = n[p++];
    const s = Array.from(n.subarray(p, p + len));
    p += len;
    return s;
  };
  while (p < n.length) {
    const t = n[p++];
    const step = n[p++];
    const line = n[p++];
    const hasLoss = n[p++] === HAS_LOSS;
    const loss = n[p++];
    const rootId = n[p++];
    const hidden = n[p++];
    const file = strings[n[p++]];
    const leafCount = n[p++];
    const leaves: LeafSummary[] = [];
    for (let k = 0; k < leafCount; k++) {
      const id = n[p++];
      const nameIndex = n[p++];
      const leafShape = shape();
      const flags = n[p++];
      let grad: TensorSummary | null = null;
      if (flags & HAS_GRAD) {
        const dtype = strings[n[p++]];
        const numel = n[p++];
        const gradShape = shape();
        const stats = flags & HAS_STATS;
        const [min, max, mean, norm] = [n[p++], n[p++], n[p++], n[p++]];
        grad = { shape: gradShape, dtype, numel, text: '', min: stats ? min : null, max: stats ? max : null, mean: stats ? mean : null, norm: stats ? norm : null };
      }
      leaves.push({ id, name: nameIndex < 0 ? null : strings[nameIndex], shape: leafShape, grad });
    }
    out.push({ type: 'backward', t, step, file, line, loss: hasLoss ? loss : null, graph: elidedGraph(rootId, hidden), leaves });
  }
  return out;
}
