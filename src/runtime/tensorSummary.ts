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

function statsOf(t: Tensor): TensorSummary {
  const contiguous = t.isContiguous();
  const data = contiguous ? t.data : t.values(true);
  const start = contiguous ? t.offset : 0;
  const n = t.numel;
  const end = start + n;
  let min: number | null = null;
  let max: number | null = null;
  let sum = 0;
  let sq = 0;
  if (n > 0) {
    let lo = data[start];
    let hi = lo;
    for (let i = start; i < end; i++) {
      const v = data[i];
      // NaN wins, as in torch.min/max.
      if (v < lo || v !== v) lo = v;
      if (v > hi || v !== v) hi = v;
      sum += v;
      sq += v * v;
    }
    min = lo;
    max = hi;
  }
  return { shape: t.shape.slice(), dtype: t.dtype, numel: n, text: '', min, max, mean: n ? sum / n : null, norm: n ? Math.sqrt(sq) : null };
}
