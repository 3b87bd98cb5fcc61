/**
 * The `detectNonFinite` run setting ("Find where NaN first appears"): every tensor operation whose result holds
 * a NaN or an infinity raises a RuntimeError naming the operation, so the traceback points at the user's line
 * where non-finite values first appeared. The check sits at the binding's op dispatch (binding.ts `call`), so
 * the engine itself stays exactly PyTorch's semantics. The message text lives in
 * protocol/nonFiniteMessage.ts: the extension recognises these errors to reveal the line.
 */
import { isFloating } from '../../engine/dtype';
import type { Tensor } from '../../engine/tensor';
import type { NonFiniteFound } from '../../protocol/nonFiniteMessage';

/** Whether a tensor holds NaN or ±inf; integer and bool tensors never do. */
export function findNonFinite(t: Tensor): NonFiniteFound | null {
  if (!isFloating(t.dtype)) return null;
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
