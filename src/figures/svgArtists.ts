/**
 * The SVG for each kind of plotted thing: the series (lines, markers, bars, horizontal bars) and the artists
 * (fills, reference lines, error bars, text and annotations, images, contours), and the order they are drawn
 * in, which is matplotlib's: by zorder, then in the order the script made them.
 */
import { contourBands, contourLines } from './contour';
import { plainText, PT, textWidth } from './text';
import type {
  FigureArtist, FigureAxes, FigureContour, FigureErrorbar, FigureFill, FigureImage, FigureRefLine, FigureSeries, FigureText,
} from '../protocol/events';
import { escapeXml, type Frame, lineElement, markerElement, markerShape, n, px, py, usable } from './svgCore';

// ---- series --------------------------------------------------------------------------------------------

function drawLine(f: Frame, s: FigureSeries): string {
  const parts: string[] = [];
  const lwPx = (s.linewidth ?? 1.5) * PT;
  if (s.linestyle !== 'none' && lwPx > 0) {
    let d = '';
    let pen = false;
    for (let i = 0; i < s.x.length; i++) {
      if (!usable(f.sx, s.x[i]) || !usable(f.sy, s.y[i])) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${n(px(f, s.x[i]))},${n(py(f, s.y[i]))}`;
      pen = true;
    }
    if (d) parts.push(lineElement(d, s, lwPx));
  }
  if (s.marker) parts.push(drawMarkers(f, s));
  return parts.join('');
}

function drawMarkers(f: Frame, s: FigureSeries): string {
  const marker = s.marker ?? 'o';
  const byColor = new Map<string, { d: string[]; stroke: number | null }>();
  for (let i = 0; i < s.x.length; i++) {
    if (!usable(f.sx, s.x[i]) || !usable(f.sy, s.y[i])) continue;
    const color = s.colors?.[i] ?? s.color;
    if (color === 'transparent') continue;
    const size = (s.sizes?.[i] ?? s.size) * PT;
    const shape = markerShape(marker, px(f, s.x[i]), py(f, s.y[i]), size);
    let group = byColor.get(color);
    if (!group) byColor.set(color, (group = { d: [], stroke: shape.stroke }));
    group.d.push(shape.d);
  }
  const filled = [...byColor].map(([color, g]) => markerElement(g.d.join(''), color, g.stroke, s.alpha)).join('');
  if (!s.edgecolor || s.edgecolor === 'transparent') return filled;
  // scatter(edgecolors=...): every filled marker outlined in one colour
  const outline = [...byColor.values()].filter((g) => g.stroke === null).map((g) => g.d.join('')).join('');
  return outline ? filled + markerElement(outline, s.edgecolor, (s.edgewidth ?? 1) * PT, s.alpha) : filled;
}

/** bar()/hist() bars stand on `bottoms` along y; barh() bars start at `bottoms` along x (`x` is their length). */
function drawBars(f: Frame, s: FigureSeries): string {
  const byColor = new Map<string, string[]>();
  const horizontal = s.kind === 'barh';
  const beyond = horizontal ? f.plot.x - 10 : f.plot.y + f.plot.h + 10;
  const n0 = horizontal ? s.y.length : s.x.length;
  for (let i = 0; i < n0; i++) {
    const w = s.widths?.[i] ?? 0.8;
    const b = s.bottoms?.[i] ?? 0;
    const centre = horizontal ? s.y[i] : s.x[i];
    const end = b + (horizontal ? s.x[i] : s.y[i]);
    if (!Number.isFinite(centre) || !Number.isFinite(end) || !Number.isFinite(w)) continue;
    const across = horizontal ? f.sy : f.sx;
    const along = horizontal ? f.sx : f.sy;
    const c0 = centre - w / 2;
    const c1 = centre + w / 2;
    if (!usable(across, c0) || !usable(across, c1)) continue;
    const toAcross = (v: number): number => (horizontal ? py(f, v) : px(f, v));
    const toAlong = (v: number): number => (horizontal ? px(f, v) : py(f, v));
    const a = usable(along, b) ? toAlong(b) : beyond;
    const e = usable(along, end) ? toAlong(end) : beyond;
    const p0 = Math.min(toAcross(c0), toAcross(c1));
    const size = Math.abs(toAcross(c1) - toAcross(c0));
    const color = s.colors?.[i] ?? s.color;
    let list = byColor.get(color);
    if (!list) byColor.set(color, (list = []));
    const lo = Math.min(a, e);
    const len = Math.abs(e - a);
    list.push(horizontal ? `M${n(lo)},${n(p0)}h${n(len)}v${n(size)}h${n(-len)}Z` : `M${n(p0)},${n(lo)}h${n(size)}v${n(len)}h${n(-size)}Z`);
  }
  const opacity = s.alpha < 1 ? ` fill-opacity="${n(s.alpha)}"` : '';
  return [...byColor].map(([color, d]) => `<path d="${d.join('')}" fill="${escapeXml(color)}"${opacity}/>`).join('');
}

// ---- artists -------------------------------------------------------------------------------------------

function fillOpacity(alpha: number): string {
  return alpha < 1 ? ` fill-opacity="${n(alpha)}"` : '';
}

function polygonPath(f: Frame, flat: number[]): string {
  let d = '';
  for (let k = 0; k + 1 < flat.length; k += 2) d += `${k === 0 ? 'M' : 'L'}${n(px(f, flat[k]))},${n(py(f, flat[k + 1]))}`;
  return d ? d + 'Z' : '';
}

function drawFill(f: Frame, a: FigureFill): string {
  const d = a.polygons.map((p) => polygonPath(f, p)).join('');
  if (!d) return '';
  const edge = a.edgecolor && a.edgecolor !== 'transparent' ? ` stroke="${escapeXml(a.edgecolor)}" stroke-width="${n(a.linewidth * PT)}"` : ' stroke="none"';
  return `<path d="${d}" fill="${escapeXml(a.color)}"${fillOpacity(a.alpha)}${edge}/>`;
}

function drawRefLine(f: Frame, a: FigureRefLine): string {
  const lw = a.linewidth * PT;
  if (a.orientation === 'h') {
    if (!usable(f.sy, a.value)) return '';
    const y = py(f, a.value);
    const x0 = f.plot.x + a.span[0] * f.plot.w;
    const x1 = f.plot.x + a.span[1] * f.plot.w;
    return lineElement(`M${n(x0)},${n(y)}L${n(x1)},${n(y)}`, a, lw);
  }
  if (!usable(f.sx, a.value)) return '';
  const x = px(f, a.value);
  const y0 = f.plot.y + f.plot.h - a.span[0] * f.plot.h;
  const y1 = f.plot.y + f.plot.h - a.span[1] * f.plot.h;
  return lineElement(`M${n(x)},${n(y0)}L${n(x)},${n(y1)}`, a, lw);
}

function drawErrorbar(f: Frame, a: FigureErrorbar): string {
  let d = '';
  const cap = a.capsize * PT;
  for (let i = 0; i < a.x.length; i++) {
    if (!usable(f.sx, a.x[i]) || !usable(f.sy, a.y[i])) continue;
    const x = px(f, a.x[i]);
    const y = py(f, a.y[i]);
    if (a.yerr) {
      const lo = a.yerr[0][i];
      const hi = a.yerr[1][i];
      if (usable(f.sy, lo) && usable(f.sy, hi)) {
        const y0 = py(f, lo);
        const y1 = py(f, hi);
        d += `M${n(x)},${n(y0)}L${n(x)},${n(y1)}`;
        if (cap > 0) d += `M${n(x - cap)},${n(y0)}h${n(2 * cap)}M${n(x - cap)},${n(y1)}h${n(2 * cap)}`;
      }
    }
    if (a.xerr) {
      const lo = a.xerr[0][i];
      const hi = a.xerr[1][i];
      if (usable(f.sx, lo) && usable(f.sx, hi)) {
        const x0 = px(f, lo);
        const x1 = px(f, hi);
        d += `M${n(x0)},${n(y)}L${n(x1)},${n(y)}`;
        if (cap > 0) d += `M${n(x0)},${n(y - cap)}v${n(2 * cap)}M${n(x1)},${n(y - cap)}v${n(2 * cap)}`;
      }
    }
  }
  if (!d) return '';
  const opacity = a.alpha < 1 ? ` stroke-opacity="${n(a.alpha)}"` : '';
  return `<path d="${d}" fill="none" stroke="${escapeXml(a.color)}" stroke-width="${n(a.linewidth * PT)}"${opacity}/>`;
}

/** A point in one of the text coordinate systems, in pixels. */
function place(f: Frame, x: number, y: number, coords: FigureText['coords']): [number, number] {
  if (coords === 'axes') return [f.plot.x + x * f.plot.w, f.plot.y + f.plot.h - y * f.plot.h];
  if (coords === 'figure') return [f.figure.x + x * f.figure.w, f.figure.y + f.figure.h - y * f.figure.h];
  return [px(f, x), py(f, y)];
}

/** The text's box before rotation: left, top, width, height around its anchor. */
function textBox(a: FigureText, ax: number, ay: number, fontPx: number): { x: number; y: number; w: number; h: number; baseline: number } {
  const lines = plainText(a.text).split('\n');
  const w = Math.max(...lines.map((l) => textWidth(l, fontPx)));
  const lineH = fontPx * 1.2;
  const h = lines.length * lineH;
  const x = a.ha === 'left' ? ax : a.ha === 'right' ? ax - w : ax - w / 2;
  // the anchor's place in the block: its top, centre, bottom, or the first line's baseline
  const top = a.va === 'top' ? ay : a.va === 'bottom' ? ay - h : a.va === 'center' ? ay - h / 2 : ay - fontPx * 0.8;
  return { x, y: top, w, h, baseline: top + fontPx * 0.8 };
}

function drawText(f: Frame, a: FigureText): string {
  const fontPx = a.fontsize * PT;
  const [bx, by] = place(f, a.x, a.y, a.coords);
  const ax = bx + a.offset[0] * PT;
  const ay = by - a.offset[1] * PT;
  const box = textBox(a, ax, ay, fontPx);
  const out: string[] = [];
  if (a.arrow) out.push(drawArrow(f, a, box));
  const rotate = a.rotation ? ` transform="rotate(${n(-a.rotation)} ${n(ax)} ${n(ay)})"` : '';
  if (a.bbox) {
    const pad = 0.3 * fontPx;
    const rx = a.bbox.rounded ? ` rx="${n(pad)}"` : '';
    const fo = a.bbox.alpha < 1 ? ` fill-opacity="${n(a.bbox.alpha)}" stroke-opacity="${n(a.bbox.alpha)}"` : '';
    out.push(
      `<rect x="${n(box.x - pad)}" y="${n(box.y - pad)}" width="${n(box.w + 2 * pad)}" height="${n(box.h + 2 * pad)}"${rx}` +
        ` fill="${escapeXml(a.bbox.facecolor)}" stroke="${escapeXml(a.bbox.edgecolor)}" stroke-width="${n(a.bbox.linewidth * PT)}"${fo}${rotate}/>`,
    );
  }
  const anchor = a.ha === 'left' ? 'start' : a.ha === 'right' ? 'end' : 'middle';
  const attrs =
    ` font-size="${n(fontPx)}" fill="${escapeXml(a.color)}" text-anchor="${anchor}"` +
    (a.weight === 'bold' ? ' font-weight="bold"' : '') +
    (a.style === 'italic' ? ' font-style="italic"' : '') +
    (a.family ? ` font-family="${escapeXml(a.family)}"` : '') +
    (a.alpha < 1 ? ` opacity="${n(a.alpha)}"` : '') +
    rotate;
  const lines = plainText(a.text).split('\n');
  const spans = lines
    .map((line, i) => `<tspan x="${n(ax)}" y="${n(box.baseline + i * fontPx * 1.2)}">${escapeXml(line)}</tspan>`)
    .join('');
  out.push(`<text${attrs}>${spans}</text>`);
  return out.join('');
}

/** annotate()'s arrow: from where the line to the target leaves the text's box, to the target. */
function drawArrow(f: Frame, a: FigureText, box: { x: number; y: number; w: number; h: number }): string {
  const arrow = a.arrow!;
  const [tx, ty] = place(f, arrow.x, arrow.y, arrow.coords);
  let sx = box.x + box.w / 2;
  let sy = box.y + box.h / 2;
  const dx = tx - sx;
  const dy = ty - sy;
  // leave the text box (half its size along the direction, plus a little air)
  const tBox = Math.min(dx !== 0 ? (box.w / 2 + 2) / Math.abs(dx) : Infinity, dy !== 0 ? (box.h / 2 + 2) / Math.abs(dy) : Infinity);
  if (tBox < 1) {
    sx += dx * tBox;
    sy += dy * tBox;
  }
  let ex = tx;
  let ey = ty;
  if (arrow.shrink > 0) {
    const len = Math.hypot(ex - sx, ey - sy);
    const cut = arrow.shrink * len;
    const ux = (ex - sx) / (len || 1);
    const uy = (ey - sy) / (len || 1);
    sx += ux * cut;
    sy += uy * cut;
    ex -= ux * cut;
    ey -= uy * cut;
  }
  const lw = arrow.linewidth * PT;
  const color = escapeXml(arrow.color);
  if (arrow.style === 'wide') return wideArrow(sx, sy, ex, ey, arrow);
  const out = [`<path d="M${n(sx)},${n(sy)}L${n(ex)},${n(ey)}" fill="none" stroke="${color}" stroke-width="${n(lw)}"/>`];
  const head = (hx: number, hy: number, fromX: number, fromY: number, filled: boolean): string => {
    const len = Math.hypot(hx - fromX, hy - fromY) || 1;
    const ux = (hx - fromX) / len;
    const uy = (hy - fromY) / len;
    const hl = 4 * PT + lw;
    const hw = 2 * PT + lw / 2;
    const bx = hx - ux * hl;
    const by = hy - uy * hl;
    const p1 = `${n(bx - uy * hw)},${n(by + ux * hw)}`;
    const p2 = `${n(bx + uy * hw)},${n(by - ux * hw)}`;
    return filled
      ? `<path d="M${p1}L${n(hx)},${n(hy)}L${p2}Z" fill="${color}" stroke="${color}" stroke-width="${n(lw)}"/>`
      : `<path d="M${p1}L${n(hx)},${n(hy)}L${p2}" fill="none" stroke="${color}" stroke-width="${n(lw)}"/>`;
  };
  const s = arrow.style;
  const filled = s.includes('|') || s === 'fancy' || s === 'simple' || s === 'wedge';
  if (s.endsWith('>') || s === 'fancy' || s === 'simple' || s === 'wedge') out.push(head(ex, ey, sx, sy, filled));
  if (s.startsWith('<')) out.push(head(sx, sy, ex, ey, filled));
  return out.join('');
}

/** matplotlib's older annotate arrow: a filled shaft and head (sizes in points), outlined in its edge colour. */
function wideArrow(sx: number, sy: number, ex: number, ey: number, arrow: NonNullable<FigureText['arrow']>): string {
  const len = Math.hypot(ex - sx, ey - sy) || 1;
  const ux = (ex - sx) / len;
  const uy = (ey - sy) / len;
  const half = ((arrow.width ?? 4) * PT) / 2;
  const headHalf = ((arrow.headwidth ?? 12) * PT) / 2;
  const headLen = Math.min(len, (arrow.headlength ?? 12) * PT);
  const bx = ex - ux * headLen;
  const by = ey - uy * headLen;
  const at = (x: number, y: number, w: number): string => `${n(x - uy * w)},${n(y + ux * w)}`;
  const d = `M${at(sx, sy, half)}L${at(bx, by, half)}L${at(bx, by, headHalf)}L${n(ex)},${n(ey)}L${at(bx, by, -headHalf)}L${at(bx, by, -half)}L${at(sx, sy, -half)}Z`;
  return `<path d="${d}" fill="${escapeXml(arrow.color)}" stroke="${escapeXml(arrow.edgecolor ?? arrow.color)}" stroke-width="${n(arrow.linewidth * PT)}"/>`;
}

/** imshow(): one rectangle per run of equal colours along each row, grouped by colour. */
function drawImage(f: Frame, a: FigureImage): string {
  const [left, right, bottom, top] = a.extent;
  const byColor = new Map<string, string[]>();
  const colX = (c: number): number => px(f, left + ((right - left) * c) / a.cols);
  const rowY = (r: number): number => (a.origin === 'upper' ? py(f, top + ((bottom - top) * r) / a.rows) : py(f, bottom + ((top - bottom) * r) / a.rows));
  for (let r = 0; r < a.rows; r++) {
    const y0 = rowY(r);
    const y1 = rowY(r + 1);
    let c = 0;
    while (c < a.cols) {
      const color = a.pixels[r * a.cols + c];
      let c1 = c + 1;
      while (c1 < a.cols && a.pixels[r * a.cols + c1] === color) c1++;
      if (color && color !== 'transparent') {
        const x0 = colX(c);
        const x1 = colX(c1);
        let list = byColor.get(color);
        if (!list) byColor.set(color, (list = []));
        list.push(`M${n(Math.min(x0, x1))},${n(Math.min(y0, y1))}h${n(Math.abs(x1 - x0))}v${n(Math.abs(y1 - y0))}h${n(-Math.abs(x1 - x0))}Z`);
      }
      c = c1;
    }
  }
  return [...byColor].map(([color, d]) => `<path d="${d.join('')}" fill="${escapeXml(color)}"${fillOpacity(a.alpha)} shape-rendering="crispEdges"/>`).join('');
}

/** contourf() bands (antialiased=False in matplotlib, hence crisp edges) and contour() lines. */
function drawContour(f: Frame, a: FigureContour): string {
  if (a.filled) {
    return contourBands(a)
      .map((band) => {
        let d = '';
        for (const [x0, y0, x1, y1] of band.rects) {
          const X0 = px(f, x0);
          const X1 = px(f, x1);
          const Y0 = py(f, y0);
          const Y1 = py(f, y1);
          d += `M${n(Math.min(X0, X1))},${n(Math.min(Y0, Y1))}H${n(Math.max(X0, X1))}V${n(Math.max(Y0, Y1))}H${n(Math.min(X0, X1))}Z`;
        }
        for (const p of band.polygons) d += polygonPath(f, p);
        return d ? `<path d="${d}" fill="${escapeXml(band.color)}"${fillOpacity(a.alpha)} shape-rendering="crispEdges"/>` : '';
      })
      .join('');
  }
  return contourLines(a)
    .map((level) => {
      const d = level.polylines
        .map((line) => {
          let s = '';
          for (let k = 0; k + 1 < line.length; k += 2) s += `${k === 0 ? 'M' : 'L'}${n(px(f, line[k]))},${n(py(f, line[k + 1]))}`;
          return s;
        })
        .join('');
      return d ? lineElement(d, { color: level.color, linestyle: level.linestyle, alpha: a.alpha }, level.linewidth * PT) : '';
    })
    .join('');
}

function drawArtist(f: Frame, a: FigureArtist): string {
  switch (a.kind) {
    case 'fill':
      return drawFill(f, a);
    case 'refline':
      return drawRefLine(f, a);
    case 'errorbar':
      return drawErrorbar(f, a);
    case 'text':
      return drawText(f, a);
    case 'image':
      return drawImage(f, a);
    case 'contour':
      return drawContour(f, a);
  }
}

// ---- order ---------------------------------------------------------------------------------------------

/** matplotlib's default zorder of each series kind: patches and collections 1, lines 2. */
function seriesZorder(s: FigureSeries): number {
  return s.kind === 'line' ? 2 : 1;
}

export interface Drawable {
  zorder: number;
  order: number;
  /** Text is drawn outside the axes' clip, as matplotlib's text is not clipped. */
  clipped: boolean;
  draw(f: Frame): string;
}

/** Everything an axes draws, in matplotlib's order: by zorder, then as the script made them. */
export function drawables(ax: FigureAxes): Drawable[] {
  const items: Drawable[] = ax.series.map((s, i) => ({
    zorder: seriesZorder(s),
    order: s.order ?? i,
    clipped: true,
    draw: (f: Frame) => (s.kind === 'line' ? drawLine(f, s) : s.kind === 'scatter' ? drawMarkers(f, s) : drawBars(f, s)),
  }));
  for (const a of ax.artists ?? []) items.push({ zorder: a.zorder, order: a.order, clipped: a.kind !== 'text', draw: (f: Frame) => drawArtist(f, a) });
  return items.sort((p, q) => p.zorder - q.zorder || p.order - q.order);
}
