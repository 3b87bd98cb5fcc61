/**
 * Pure helpers for drawing recorded matplotlib figures, shared by the CLI's SVG renderer (svg.ts) and
 * the panel's chart.js figures (webview/): mathtext as plain Unicode, and the legend-placement geometry.
 */
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
