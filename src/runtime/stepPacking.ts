/**
 * The worker's wire form for backward events that carry no graph (most steps of a fast loop; see
 * graphReporter.ts). Posting a message costs in proportion to the objects it holds, and such an event is a
 * dozen small objects, which made posting them the largest part of the event stream's cost. Packed, a batch
 * of them is one Float64Array and a short list of strings; runner.ts unpacks them into ordinary events, so
 * nothing past the runner sees this form.
 */
import { elidedGraph, type BackwardEvent, type LeafSummary, type TensorSummary } from './events';

/** What a packed step holds besides what the host stamps on it (t, step, file). */
export type StepReport = Pick<BackwardEvent, 'line' | 'loss' | 'graph' | 'leaves'>;

export interface PackedSteps {
  numbers: Float64Array;
  strings: string[];
}

/**
 * Whether a backward event can be packed: an elided graph, a known line, and leaves whose gradients carry no
 * text.
 */
export function isPackable(e: StepReport): boolean {
  if (e.line === null || e.line < 0) return false;
  const g = e.graph;
  if (g.nodes.length !== 0 || g.edges.length !== 0 || g.truncated === null || g.truncated.shownNodes !== 0) return false;
  return e.leaves.every((l) => l.grad === null || l.grad.text === '');
}

// Absent numbers (a null loss, an empty tensor's min) are NaN with this flag set, so NaN itself survives.
const HAS_LOSS = 1;
const HAS_STATS = 2;
const HAS_GRAD = 4;

export class StepPacker {
  private numbers: number[] = [];
  private strings: string[] = [];
  private stringIndex = new Map<string, number>();

  get size(): number {
    return this.numbers.length;
  }

  /** A packable step (see isPackable) with the host's stamps; the report itself is not kept. */
  add(t: number, step: number, file: string, e: StepReport): void {
    const n = this.numbers;
    n.push(t, step, e.line!, e.loss === null ? 0 : HAS_LOSS, e.loss ?? NaN, e.graph.rootId, e.graph.truncated!.hiddenNodes);
    n.push(this.string(file), e.leaves.length);
    for (const leaf of e.leaves) {
      n.push(leaf.id, leaf.name === null ? -1 : this.string(leaf.name));
      pushShape(n, leaf.shape);
      const g = leaf.grad;
      if (g === null) {
        n.push(0);
        continue;
      }
      n.push(HAS_GRAD | (g.min === null ? 0 : HAS_STATS), this.string(g.dtype), g.numel);
      pushShape(n, g.shape);
      n.push(g.min ?? NaN, g.max ?? NaN, g.mean ?? NaN, g.norm ?? NaN);
    }
  }

  /** The packed batch; the packer is empty again afterwards. */
  take(): PackedSteps {
    const packed = { numbers: Float64Array.from(this.numbers), strings: this.strings };
    this.numbers = [];
    this.strings = [];
    this.stringIndex = new Map();
    return packed;
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

function pushShape(n: number[], shape: readonly number[]): void {
  n.push(shape.length);
  for (let i = 0; i < shape.length; i++) n.push(shape[i]);
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
