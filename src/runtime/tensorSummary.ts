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
 * `printed` false the text is left empty (see TensorSummary.text).
 */
export function summarize(t: Tensor, printed = true): TensorSummary {
  const values = t.values(true);
  let min: number | null = null;
  let max: number | null = null;
  let sum = 0;
  let sq = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (min === null || v < min || v !== v) min = v;
    if (max === null || v > max || v !== v) max = v;
    sum += v;
    sq += v * v;
  }
  const n = values.length;
  const stats = { shape: t.shape.slice(), dtype: t.dtype, numel: n, min, max, mean: n ? sum / n : null, norm: n ? Math.sqrt(sq) : null };
  if (!printed) return { ...stats, text: '' };
  const saved = { threshold: printOptions.threshold, edgeitems: printOptions.edgeitems };
  printOptions.threshold = Math.min(saved.threshold, SUMMARY_THRESHOLD);
  printOptions.edgeitems = Math.min(saved.edgeitems, SUMMARY_EDGE);
  let text: string;
  try {
    text = formatTensor({ shape: t.shape, dtype: t.dtype, values, requiresGrad: false, gradFnName: null });
  } finally {
    printOptions.threshold = saved.threshold;
    printOptions.edgeitems = saved.edgeitems;
  }
  return { ...stats, text };
}
