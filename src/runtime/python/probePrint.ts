/**
 * The prints the probe leaves to us. Where a tensor is one the engine's formatter prints exactly as PyTorch does
 * (a plain CPU tensor under the default print options), the probe's summary (summary.py) carries `printValues`,
 * the elements PyTorch's formatter would look at (its get_summarized_data, flat), and an empty `text`: PyTorch's
 * Python formatter costs the training loop about 130 µs a tensor, ours costs it nothing. Here `text` is made
 * from them and the extra field dropped, so the events keep the schema of src/protocol/events.ts.
 */
import { formatSummarizedTensor, type PrintOptions } from '../../engine/print/format';
import type { DType } from '../../engine/dtype';

/** summary.py's text_of: PyTorch's defaults, cut to 64 elements and 3 per edge (SUMMARY_THRESHOLD, SUMMARY_EDGE). */
export const PROBE_PRINT_OPTIONS: Readonly<PrintOptions> = { precision: 4, threshold: 64, edgeitems: 3, linewidth: 80, sciMode: null };

const DTYPES: ReadonlySet<string> = new Set<DType>(['float16', 'bfloat16', 'float32', 'float64', 'int32', 'int64', 'bool']);

/** A summary as the probe sends it when it leaves the print to us. */
export interface ProbePrinted {
  shape: number[];
  dtype: string;
  text: string;
  /** Numbers; booleans for bool; "nan", "inf", "-inf" for the non-finite (the probe's channel spells them so). */
  printValues: Array<number | boolean | string>;
}

function elementOf(v: number | boolean | string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  throw new RangeError(`not a tensor element: ${JSON.stringify(v)}`);
}

/** What `repr(t)` shows (under summary.py's text_of) for the summary's values. */
export function printedText(s: ProbePrinted): string {
  if (!DTYPES.has(s.dtype)) throw new RangeError(`the host does not print ${s.dtype} tensors`);
  return formatSummarizedTensor(
    { shape: s.shape, dtype: s.dtype as DType, values: s.printValues.map(elementOf), requiresGrad: false, gradFnName: null },
    PROBE_PRINT_OPTIONS,
  );
}

/**
 * Fills in place the `text` of every summary in a probe event that came with `printValues`, and drops that field.
 * A summary we cannot print (a value we do not expect) keeps its empty text: the UI shows the stats then.
 */
export function fillPrints(value: unknown, depth = 0): void {
  // Events are shallow (a graph node's summary is 4 levels down); the bound only guards against a cycle.
  if (depth > 32 || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const v of value) fillPrints(v, depth + 1);
    return;
  }
  const o = value as Record<string, unknown>;
  const values: unknown = o.printValues;
  if (Array.isArray(values) && Array.isArray(o.shape) && typeof o.dtype === 'string') {
    delete o.printValues;
    try {
      o.text = printedText({ shape: o.shape as number[], dtype: o.dtype, text: '', printValues: values as ProbePrinted['printValues'] });
    } catch {
      o.text = '';
    }
    return;
  }
  for (const key of Object.keys(o)) {
    const v = o[key];
    if (typeof v === 'object' && v !== null) fillPrints(v, depth + 1);
  }
}
