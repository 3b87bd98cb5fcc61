/**
 * The `detectNonFinite` run setting ("Find where NaN first appears"): every tensor operation whose result holds
 * a NaN or an infinity raises a RuntimeError naming the operation, so the traceback points at the user's line
 * where non-finite values first appeared. The check sits at the binding's op dispatch (binding.ts `call`), so
 * the engine itself stays exactly PyTorch's semantics. The message format is shared with the extension, which
 * recognises these errors to reveal the line.
 */
import type { Tensor } from '../engine/tensor';

/** Every message starts with this, so consumers can tell these errors from the script's own RuntimeErrors. */
export const NON_FINITE_MESSAGE_PREFIX = 'non-finite values detected: ';

export interface NonFiniteFound {
  nan: boolean;
  inf: boolean;
}

/** Whether a tensor holds NaN or ±inf; integer and bool tensors never do. */
export function findNonFinite(t: Tensor): NonFiniteFound | null {
  if (t.dtype !== 'float32' && t.dtype !== 'float64') return null;
  const values = t.values(true) as Float32Array | Float64Array;
  let nan = false;
  let inf = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // v - v is 0 for finite values and NaN for NaN and ±inf: one cheap test on the common path.
    if (v - v !== 0) {
      if (v !== v) nan = true;
      else inf = true;
      if (nan && inf) break;
    }
  }
  return nan || inf ? { nan, inf } : null;
}

/**
 * `op` is the operation as the script called it (`log`, `sub_`), `gradFn` its grad_fn class when the result
 * is part of the graph (`LogBackward0`).
 */
export function nonFiniteMessage(op: string, gradFn: string | null, found: NonFiniteFound): string {
  const what = found.nan && found.inf ? 'NaN and inf' : found.nan ? 'NaN' : 'inf';
  const name = gradFn ? `${gradFn} (${op})` : op;
  return `${NON_FINITE_MESSAGE_PREFIX}${name} returned ${what} values. This is the first operation in the run whose result is not finite (the run was started with NaN/inf detection on).`;
}

export function isNonFiniteMessage(message: string): boolean {
  return message.startsWith(NON_FINITE_MESSAGE_PREFIX);
}
