/**
 * The probe's `steps` lines (src/probe/autograd_playground_probe/steps.py) as the backward events they stand
 * for. A fast loop's steps without a graph reach us in batches: one form (the leaves' ids, names and shapes,
 * the graph's size, the line that called backward()) and the rows, packed as little-endian float64 in base64.
 * Each row: step, root id, whether there is a loss and the loss, then per leaf a cell: 0 (no gradient), 1 and
 * the gradient's values (its stats are reduced here, as the probe's summary.values_stats would), 2 and
 * [min, max, mean, norm], or 3 (a gradient with no stats: empty). The probe packs rather than writes JSON, and
 * leaves the reductions to us, because every microsecond it spends is the training loop's.
 */
import { elidedGraph, type BackwardEvent, type LeafSummary, type TensorSummary } from '../../protocol/events';

interface StepsLeaf {
  id: number;
  name: string | null;
  shape: number[];
  grad: { shape: number[]; dtype: string; numel: number };
}

export interface StepsLine {
  type: 'steps';
  file: string;
  line: number;
  hiddenNodes: number;
  leaves: StepsLeaf[];
  count: number;
  rows: string;
}

export function isStepsLine(value: unknown): value is StepsLine {
  const v = value as Partial<StepsLine> | null;
  return (
    typeof v === 'object' && v !== null && v.type === 'steps' && typeof v.rows === 'string' && Array.isArray(v.leaves) &&
    typeof v.file === 'string' && typeof v.line === 'number' && typeof v.hiddenNodes === 'number' && typeof v.count === 'number'
  );
}

/** [min, max, mean, norm] in double precision, NaN winning min and max (summary.values_stats). */
function valuesStats(values: Float64Array, from: number, n: number): [number, number, number, number] {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let squares = 0;
  let nan = false;
  for (let i = from; i < from + n; i++) {
    const v = values[i];
    if (v !== v) nan = true;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    squares += v * v;
  }
  if (nan) min = max = NaN;
  return [min, max, sum / n, Math.sqrt(squares)];
}

function summary(head: StepsLeaf['grad'], stats: [number, number, number, number] | null): TensorSummary {
  return {
    shape: head.shape,
    dtype: head.dtype,
    numel: head.numel,
    text: '',
    min: stats ? stats[0] : null,
    max: stats ? stats[1] : null,
    mean: stats ? stats[2] : null,
    norm: stats ? stats[3] : null,
  };
}

/** The backward events of one `steps` line, without their time (the caller stamps it). */
export function expandSteps(s: StepsLine): Array<Omit<BackwardEvent, 't'>> {
  const bytes = Buffer.from(s.rows, 'base64');
  // A copy: a Float64Array needs its own 8-byte aligned buffer.
  const aligned = new ArrayBuffer(bytes.length - (bytes.length % 8));
  new Uint8Array(aligned).set(bytes.subarray(0, aligned.byteLength));
  const f = new Float64Array(aligned);
  const out: Array<Omit<BackwardEvent, 't'>> = [];
  let at = 0;
  for (let r = 0; r < s.count && at + 4 <= f.length; r++) {
    const step = f[at];
    const rootId = f[at + 1];
    const loss = f[at + 2] ? f[at + 3] : null;
    at += 4;
    const leaves: LeafSummary[] = [];
    for (const leaf of s.leaves) {
      const kind = f[at++];
      let grad: TensorSummary | null = null;
      if (kind === 1) {
        const n = leaf.grad.numel;
        grad = summary(leaf.grad, valuesStats(f, at, n));
        at += n;
      } else if (kind === 2) {
        grad = summary(leaf.grad, [f[at], f[at + 1], f[at + 2], f[at + 3]]);
        at += 4;
      } else if (kind === 3) {
        grad = summary(leaf.grad, null);
      }
      leaves.push({ id: leaf.id, name: leaf.name, shape: leaf.shape, grad });
    }
    out.push({ type: 'backward', step, file: s.file, line: s.line, loss, graph: elidedGraph(rootId, s.hiddenNodes), leaves });
  }
  return out;
}
