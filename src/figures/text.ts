/**
 * Pure helpers for drawing text and recorded matplotlib figures, shared by the CLI's SVG renderer (svg.ts)
 * and the panel (webview/: its chart.js figures and the graph's node labels): the font stack, estimated text
 * widths, mathtext as plain Unicode, and the legend-placement geometry.
 */

/** Pixels per typographic point at matplotlib's 100 dpi. */
export const PT = 100 / 72;

/**
 * Latin fonts first so digits look like matplotlib's; then the CJK fonts common on each platform, so Chinese,
 * Japanese and Korean titles and labels render wherever one of them is installed.
 */
export const FONT_STACK =
  "'DejaVu Sans', 'Helvetica Neue', Arial, 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', " +
  "'Hiragino Sans GB', 'Microsoft YaHei', SimHei, 'WenQuanYi Micro Hei', 'Noto Sans CJK JP', 'Hiragino Sans', " +
  "'Yu Gothic', 'Noto Sans CJK KR', 'Malgun Gothic', sans-serif";

/** A character drawn a full em wide: CJK, Hangul, fullwidth forms. */
export function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  );
}

/**
 * Advance width estimate, without measuring fonts (the same in tests, the CLI and the panel): 0.62 em per
 * Latin character, a little generous so text never overflows the room kept for it, 1 em for wide characters.
 */
export function textWidth(text: string, fontPx: number): number {
  let em = 0;
  for (const ch of text) em += isWide(ch.codePointAt(0) ?? 0) ? 1 : 0.62;
  return em * fontPx;
}

/** matplotlib's legend `loc` names, in the order loc='best' tries them. */
export const LEGEND_LOCS = ['upper right', 'upper left', 'lower left', 'lower right', 'right', 'center left', 'center right', 'lower center', 'upper center', 'center'] as const;
const GREEK: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
  iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ',
  upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ',
  Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω', nabla: '∇', partial: '∂',
  infty: '∞', times: '×', cdot: '·', pm: '±', leq: '≤', geq: '≥', neq: '≠', approx: '≈', to: '→',
  rightarrow: '→', leftarrow: '←', sum: 'Σ', prod: 'Π', sqrt: '√', in: '∈', ell: 'ℓ', hat: '', bar: '',
  mathrm: '', mathbf: '', mathit: '', text: '',
};
const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻', '+': '⁺', n: 'ⁿ', T: 'ᵀ',
};
const SUBSCRIPT: Record<string, string> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', '-': '₋', '+': '₊',
};

export function superscript(text: string): string {
  return [...text].map((ch) => SUPERSCRIPT[ch] ?? ch).join('');
}

/** matplotlib mathtext ($\alpha^2$) reduced to plain Unicode; text outside $…$ is left alone. */
export function plainText(text: string): string {
  if (!/\$[^$]+\$/.test(text)) return text;
  return text.replace(/\$([^$]+)\$/g, (_m, math: string) => {
    let s = math.replace(/\\([A-Za-z]+)\s*/g, (_m2, name: string) => GREEK[name] ?? name);
    const script = (table: Record<string, string>, mark: string) => (_m3: string, group: string | undefined, single: string | undefined) => {
      const body = group ?? single ?? '';
      const mapped = [...body].map((ch) => table[ch]);
      return mapped.every((ch) => ch !== undefined) ? mapped.join('') : mark + body;
    };
    s = s.replace(/\^(?:\{([^{}]*)\}|(.))/g, script(SUPERSCRIPT, '^'));
    s = s.replace(/_(?:\{([^{}]*)\}|(.))/g, script(SUBSCRIPT, '_'));
    return s.replace(/[{}]/g, '').replace(/\\,|\\;|\\!|\\ /g, ' ');
  });
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Liang–Barsky clipping: does any part of the segment lie inside r? (What loc='best' counts as covered.) */
export function segmentHitsRect(x1: number, y1: number, x2: number, y2: number, r: Rect): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const edges: Array<[number, number]> = [
    [-dx, x1 - r.x],
    [dx, r.x + r.w - x1],
    [-dy, y1 - r.y],
    [dy, r.y + r.h - y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}
