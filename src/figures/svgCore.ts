/**
 * What the SVG renderer's parts share: sizes at matplotlib's 100 dpi, text and number formatting for SVG, the
 * data-to-pixel frame of one axes, line dashes and marker shapes.
 */
import { plainText, PT, type Rect, textWidth } from './text';
import type { FigureLineStyle } from '../protocol/events';

/** Pixels per inch, as matplotlib's default figure dpi (PT is at this dpi). */
export const DPI = 100;

export const TICK_FONT = 10 * PT;
export const LABEL_FONT = 10 * PT;
export const TITLE_FONT = 12 * PT;
export const TICK_LEN = 3.5 * PT;
export const TICK_PAD = 3.5 * PT;
export const SPINE_WIDTH = 0.8 * PT;
/** One tick label; `exp` renders as a superscript after `text` (log axes: 10⁻³). */
export interface TickLabel {
  text: string;
  exp?: string;
}

export interface Tick {
  value: number;
  label: TickLabel | null;
}

/** Maps one data coordinate onto [0, 1] along its axis. */
export interface AxisScale {
  lo: number;
  hi: number;
  log: boolean;
  norm(v: number): number;
}

// ---- text ----------------------------------------------------------------------------------------------

// eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids are what this matches
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}


export function tickLabelWidth(label: TickLabel, fontPx: number): number {
  return textWidth(label.text, fontPx) + (label.exp ? textWidth(label.exp, fontPx * 0.7) : 0);
}

/** Coordinates with two decimals; a huge value (a point far off the axes) is clamped so the file stays valid. */
export function n(v: number): string {
  const c = Math.max(-1e6, Math.min(1e6, v));
  const r = Math.round(c * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

export function textEl(x: number, y: number, content: string, fontPx: number, attrs = ''): string {
  return `<text x="${n(x)}" y="${n(y)}" font-size="${n(fontPx)}"${attrs}>${escapeXml(plainText(content))}</text>`;
}

// ---- markers -------------------------------------------------------------------------------------------

export interface MarkerShape {
  d: string;
  /** Stroke width in px for line-art markers (+, x, |, …); null for filled shapes. */
  stroke: number | null;
}

export function polygon(cx: number, cy: number, pts: Array<[number, number]>): string {
  return 'M' + pts.map(([x, y]) => `${n(cx + x)},${n(cy + y)}`).join('L') + 'Z';
}

function regular(cx: number, cy: number, r: number, sides: number, rotation: number): string {
  const pts: Array<[number, number]> = [];
  for (let i = 0; i < sides; i++) {
    const a = rotation + (2 * Math.PI * i) / sides;
    pts.push([r * Math.sin(a), -r * Math.cos(a)]);
  }
  return polygon(cx, cy, pts);
}

export function circle(cx: number, cy: number, r: number): string {
  return `M${n(cx - r)},${n(cy)}a${n(r)},${n(r)} 0 1,0 ${n(2 * r)},0a${n(r)},${n(r)} 0 1,0 ${n(-2 * r)},0Z`;
}

/** A marker of matplotlib code `m`, `sizePx` across (markersize), centred on (cx, cy). */
export function markerShape(m: string, cx: number, cy: number, sizePx: number): MarkerShape {
  const r = Math.max(0.5, sizePx / 2);
  const line = PT; // markeredgewidth 1.0 pt
  const segs = (pairs: Array<[number, number, number, number]>): string =>
    pairs.map(([x1, y1, x2, y2]) => `M${n(cx + x1)},${n(cy + y1)}L${n(cx + x2)},${n(cy + y2)}`).join('');
  switch (m) {
    case '.':
      return { d: circle(cx, cy, r / 2), stroke: null };
    case ',':
      return { d: `M${n(cx - 0.5)},${n(cy - 0.5)}h1v1h-1Z`, stroke: null };
    case 's':
      return { d: polygon(cx, cy, [[-r, -r], [r, -r], [r, r], [-r, r]]), stroke: null };
    case '^':
      return { d: polygon(cx, cy, [[0, -r], [r, r], [-r, r]]), stroke: null };
    case 'v':
      return { d: polygon(cx, cy, [[0, r], [r, -r], [-r, -r]]), stroke: null };
    case '<':
      return { d: polygon(cx, cy, [[-r, 0], [r, -r], [r, r]]), stroke: null };
    case '>':
      return { d: polygon(cx, cy, [[r, 0], [-r, -r], [-r, r]]), stroke: null };
    case 'D':
      return { d: polygon(cx, cy, [[0, -r], [r, 0], [0, r], [-r, 0]]), stroke: null };
    case 'd':
      return { d: polygon(cx, cy, [[0, -r], [0.6 * r, 0], [0, r], [-0.6 * r, 0]]), stroke: null };
    case 'p':
      return { d: regular(cx, cy, r, 5, 0), stroke: null };
    case 'h':
      return { d: regular(cx, cy, r, 6, 0), stroke: null };
    case 'H':
      return { d: regular(cx, cy, r, 6, Math.PI / 6), stroke: null };
    case '8':
      return { d: regular(cx, cy, r, 8, Math.PI / 8), stroke: null };
    case '*': {
      const pts: Array<[number, number]> = [];
      for (let i = 0; i < 10; i++) {
        const rr = i % 2 === 0 ? r : r * 0.381966;
        const a = (Math.PI * i) / 5;
        pts.push([rr * Math.sin(a), -rr * Math.cos(a)]);
      }
      return { d: polygon(cx, cy, pts), stroke: null };
    }
    case '+':
      return { d: segs([[-r, 0, r, 0], [0, -r, 0, r]]), stroke: line };
    case 'x':
      return { d: segs([[-r, -r, r, r], [-r, r, r, -r]]), stroke: line };
    case 'P':
      return { d: segs([[-r, 0, r, 0], [0, -r, 0, r]]), stroke: Math.max(line, r * 0.6) };
    case 'X':
      return { d: segs([[-r * 0.8, -r * 0.8, r * 0.8, r * 0.8], [-r * 0.8, r * 0.8, r * 0.8, -r * 0.8]]), stroke: Math.max(line, r * 0.55) };
    case '|':
      return { d: segs([[0, -r, 0, r]]), stroke: line };
    case '_':
      return { d: segs([[-r, 0, r, 0]]), stroke: line };
    case '1':
      return { d: segs([[0, 0, 0, r], [0, 0, -0.866 * r, -0.5 * r], [0, 0, 0.866 * r, -0.5 * r]]), stroke: line };
    case '2':
      return { d: segs([[0, 0, 0, -r], [0, 0, -0.866 * r, 0.5 * r], [0, 0, 0.866 * r, 0.5 * r]]), stroke: line };
    case '3':
      return { d: segs([[0, 0, -r, 0], [0, 0, 0.5 * r, -0.866 * r], [0, 0, 0.5 * r, 0.866 * r]]), stroke: line };
    case '4':
      return { d: segs([[0, 0, r, 0], [0, 0, -0.5 * r, -0.866 * r], [0, 0, -0.5 * r, 0.866 * r]]), stroke: line };
    default:
      return { d: circle(cx, cy, r), stroke: null };
  }
}

export function markerElement(d: string, color: string, stroke: number | null, alpha: number): string {
  const opacity = alpha < 1 ? ` opacity="${n(alpha)}"` : '';
  if (stroke !== null) return `<path d="${d}" fill="none" stroke="${escapeXml(color)}" stroke-width="${n(stroke)}"${opacity}/>`;
  return `<path d="${d}" fill="${escapeXml(color)}" stroke="none"${opacity}/>`;
}


// ---- series --------------------------------------------------------------------------------------------

export interface Frame {
  plot: Rect;
  sx: AxisScale;
  sy: AxisScale;
  /** The whole figure, for text placed in figure coordinates. */
  figure: Rect;
}

export function px(f: Frame, v: number): number {
  return f.plot.x + f.sx.norm(v) * f.plot.w;
}

export function py(f: Frame, v: number): number {
  return f.plot.y + f.plot.h - f.sy.norm(v) * f.plot.h;
}

export function usable(scale: AxisScale, v: number): boolean {
  return Number.isFinite(v) && (!scale.log || v > 0);
}

/** matplotlib's dash patterns (in units of the line width, lines.scale_dashes). */
export function dashArray(style: FigureLineStyle, lw: number): string | null {
  const pattern = style === '--' ? [3.7, 1.6] : style === ':' ? [1, 1.65] : style === '-.' ? [6.4, 1.6, 1, 1.6] : null;
  return pattern ? pattern.map((v) => n(v * Math.max(lw, 0.5))).join(',') : null;
}

export function lineElement(d: string, s: { color: string; linestyle: FigureLineStyle; alpha: number }, lwPx: number): string {
  const dash = dashArray(s.linestyle, lwPx);
  const opacity = s.alpha < 1 ? ` stroke-opacity="${n(s.alpha)}"` : '';
  return (
    `<path d="${d}" fill="none" stroke="${escapeXml(s.color)}" stroke-width="${n(lwPx)}" stroke-linejoin="round"` +
    ` stroke-linecap="${dash ? 'butt' : 'square'}"${dash ? ` stroke-dasharray="${dash}"` : ''}${opacity}/>`
  );
}
