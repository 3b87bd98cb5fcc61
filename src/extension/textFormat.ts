/** Small number, time and tensor-metadata formatting shared by the status bar, hovers and diagnostics. */
import { t } from './l10n';

/** A loss or norm for display: 4 significant digits, exponent form for very large or small values. */
export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  if (Number.isNaN(n)) return 'nan';
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  if (n === 0) return '0';
  const a = Math.abs(n);
  if (a >= 1e5 || a < 1e-3) {
    // '1.235e+5' rather than JavaScript's '1.235e+5' with trailing zeros ('1.200e+5' → '1.2e+5').
    const [mant, exp] = n.toExponential(3).split('e');
    return `${String(Number(mant))}e${exp}`;
  }
  return String(Number(n.toPrecision(4)));
}

/** Elapsed time: '4.2 s', '1 min 05 s'. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  if (s < 60) return t('{0} s', s.toFixed(1));
  const m = Math.floor(s / 60);
  const rest = Math.floor(s - m * 60);
  return t('{0} min {1} s', m, String(rest).padStart(2, '0'));
}

/** As PyTorch prints `x.shape`. */
export function torchSize(shape: readonly number[]): string {
  return `torch.Size([${shape.join(', ')}])`;
}

/** As PyTorch prints `x.dtype`. */
export function torchDtype(dtype: string): string {
  return dtype === 'bool' ? 'torch.bool' : `torch.${dtype}`;
}
