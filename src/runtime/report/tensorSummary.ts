import { formatTensor, printOptions } from '../../engine/print/format';
import { Tensor } from '../../engine/tensor';
import type { TensorSummary } from '../../protocol/events';

/**
 * Printed like PyTorch but summarised above this many elements, with at most SUMMARY_EDGE elements at each edge
 * of a dimension (2 from four dimensions up: an image batch's 6^4 = 1,296 shown elements took a millisecond to
 * format and 24 KB of every event it went into), so events stay small.
 */
const SUMMARY_THRESHOLD = 64;
const SUMMARY_EDGE = 3;
const SUMMARY_EDGE_4D = 2;

export function printTensor(t: Tensor): string {
  return formatTensor({
    shape: t.shape,
    dtype: t.dtype,
    values: t.values(true),
    requiresGrad: t.requiresGrad && t.isLeaf,
    gradFnName: t.gradFn ? t.gradFn.name : null,
  });
}

/**
 * A bounded description of a tensor for the event stream: PyTorch-style text (summarised) and stats; with
 * `printed` false the text is left empty (see TensorSummary.text).
 */
export function summarize(t: Tensor, printed = true): TensorSummary {
  if (!printed) return summaryOf(t, readStats(t, newStats()));
  const values = t.values(true);
  const summary = summaryOf(t, statsOfRange(values, 0, values.length, newStats()));
  const saved = { threshold: printOptions.threshold, edgeitems: printOptions.edgeitems };
  printOptions.threshold = Math.min(saved.threshold, SUMMARY_THRESHOLD);
  printOptions.edgeitems = Math.min(saved.edgeitems, t.shape.length >= 4 ? SUMMARY_EDGE_4D : SUMMARY_EDGE);
  try {
    summary.text = formatTensor({ shape: t.shape, dtype: t.dtype, values, requiresGrad: false, gradFnName: null });
  } finally {
    printOptions.threshold = saved.threshold;
    printOptions.edgeitems = saved.edgeitems;
  }
  return summary;
}

/** A tensor's min, max, mean and norm; filled in place by readStats (see StepPacker, which reuses one). */
export interface ValueStats {
  min: number;
  max: number;
  mean: number;
  norm: number;
}

/**
 * Reads t's stats into `out`, from the storage in place when t is contiguous; null (and `out` untouched) when t
 * is empty.
 */
export function readStats(t: Tensor, out: ValueStats): ValueStats | null {
  if (t.isContiguous()) return statsOfRange(t.data, t.offset, t.offset + t.numel, out);
  const values = t.values(true);
  return statsOfRange(values, 0, values.length, out);
}

/** NaN wins min and max, as in torch.min/max. */
function statsOfRange(data: ArrayLike<number>, start: number, end: number, out: ValueStats): ValueStats | null {
  const n = end - start;
  if (n <= 0) return null;
  let lo = data[start];
  let hi = lo;
  let sum = 0;
  let sq = 0;
  for (let i = start; i < end; i++) {
    const v = data[i];
    if (v < lo || v !== v) lo = v;
    if (v > hi || v !== v) hi = v;
    sum += v;
    sq += v * v;
  }
  out.min = lo;
  out.max = hi;
  out.mean = sum / n;
  out.norm = Math.sqrt(sq);
  return out;
}

function newStats(): ValueStats {
  return { min: 0, max: 0, mean: 0, norm: 0 };
}

function summaryOf(t: Tensor, s: ValueStats | null): TensorSummary {
  return {
    shape: t.shape.slice(),
    dtype: t.dtype,
    numel: t.numel,
    text: '',
    min: s ? s.min : null,
    max: s ? s.max : null,
    mean: s ? s.mean : null,
    norm: s ? s.norm : null,
  };
}
