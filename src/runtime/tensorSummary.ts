import { formatTensor, printOptions } from '../engine/format';
import { Tensor } from '../engine/tensor';
import type { TensorSummary } from './events';

/** Printed like PyTorch but never longer than this many elements per dimension edge, so events stay small. */
const SUMMARY_THRESHOLD = 64;
const SUMMARY_EDGE = 3;

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
 * `printed` false the text is left empty (see TensorSummary.text). Called for every leaf of every step of a
 * training loop, so the stats read the storage in place when they can.
 */
export function summarize(t: Tensor, printed = true): TensorSummary {
  const summary = statsOf(t);
  if (!printed) return summary;
  const saved = { threshold: printOptions.threshold, edgeitems: printOptions.edgeitems };
  printOptions.threshold = Math.min(saved.threshold, SUMMARY_THRESHOLD);
  printOptions.edgeitems = Math.min(saved.edgeitems, SUMMARY_EDGE);
  try {
    summary.text = formatTensor({ shape: t.shape, dtype: t.dtype, values: t.values(true), requiresGrad: false, gradFnName: null });
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
 * Reads t's stats into `out`, from the storage in place when t is contiguous; false (and `out` untouched) when t
 * is empty. NaN wins min and max, as in torch.min/max.
 */
export function readStats(t: Tensor, out: ValueStats): boolean {
  const n = t.numel;
  if (n === 0) return false;
  const contiguous = t.isContiguous();
  const data = contiguous ? t.data : t.values(true);
  const start = contiguous ? t.offset : 0;
  const end = start + n;
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
  return true;
}

function statsOf(t: Tensor): TensorSummary {
  const s: ValueStats = { min: 0, max: 0, mean: 0, norm: 0 };
  const filled = readStats(t, s);
  return {
    shape: t.shape.slice(),
    dtype: t.dtype,
    numel: t.numel,
    text: '',
    min: filled ? s.min : null,
    max: filled ? s.max : null,
    mean: filled ? s.mean : null,
    norm: filled ? s.norm : null,
  };
}
