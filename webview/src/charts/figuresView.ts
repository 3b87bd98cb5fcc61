/**
 * The Figures section: the script's matplotlib figures, one chart.js chart per subplot; a figure holding what
 * chart.js cannot draw (images, contours, fills, text, twin axes, colorbars, ...) is shown as the SVG the CLI
 * writes for it (src/figures/svg.ts).
 */
import type { Chart as ChartType } from 'chart.js';
import { FIGURE_MAX_POINTS } from '../../../src/protocol/events';
import type { Translate } from '../strings';
import { Chart } from './chartSetup';
import { el } from '../views/dom';
import { figureNeedsSvg, figureToCharts } from './figureCharts';
import { renderFigureSvg } from '../../../src/figures/svg';
import type { FigureEntry, PanelState } from '../model/state';
import type { PanelTheme } from '../views/theme';
import { mplLegendPlugin } from './mplLegend';
import { canvasPng, exportButtons, svgPng, type SaveExport } from './chartExport';

interface Rendered {
  root: HTMLElement;
  caption: HTMLElement;
  charts: ChartType[];
}

export class FiguresView {
  readonly root: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly dropped: HTMLElement;
  private readonly list: HTMLElement;
  private rendered = new Map<FigureEntry, Rendered>();

  constructor(
    private readonly t: Translate,
    private theme: PanelTheme,
    private readonly save: SaveExport,
  ) {
    this.root = el('div', 'section-body');
    this.empty = el('p', 'empty', t('figures.empty'));
    this.dropped = el('p', 'muted');
    this.list = el('div', 'figure-list');
    this.root.append(this.empty, this.dropped, this.list);
  }

  setTheme(theme: PanelTheme): void {
    this.theme = theme;
    this.clear();
  }

  private clear(): void {
    for (const r of this.rendered.values()) for (const c of r.charts) c.destroy();
    this.rendered.clear();
    this.list.replaceChildren();
  }

  render(state: PanelState): void {
    this.empty.hidden = state.figures.length > 0;
    this.dropped.hidden = state.figuresDropped === 0;
    this.dropped.textContent = state.figuresDropped ? this.t('figures.olderHidden', state.figuresDropped) : '';
    const keep = new Set(state.figures);
    for (const [entry, r] of this.rendered) {
      if (keep.has(entry)) continue;
      for (const c of r.charts) c.destroy();
      r.root.remove();
      this.rendered.delete(entry);
    }
    state.figures.forEach((entry, i) => {
      let r = this.rendered.get(entry);
      if (!r) {
        r = this.create(entry);
        this.rendered.set(entry, r);
      }
      // A new frame of an animation is a new entry in its predecessor's place, not at the end.
      const here = this.list.children.item(i);
      if (here !== r.root) this.list.insertBefore(r.root, here);
      r.caption.textContent = this.captionText(entry);
    });
  }

  private captionText(entry: FigureEntry): string {
    const how = entry.reasons.map((r) => (r.reason === 'savefig' ? this.t('figures.savefig', r.path ?? '') : this.t(r.reason === 'display' ? 'figures.display' : 'figures.show')));
    return [this.t('figures.title', entry.figure.index), ...how].join(' · ');
  }

  private create(entry: FigureEntry): Rendered {
    if (figureNeedsSvg(entry.figure)) return this.createSvg(entry);
    const view = figureToCharts(entry.figure, this.theme);
    const root = el('figure', 'mpl-figure');
    const area = el('div', 'mpl-area');
    const theme = this.theme;
    // The PNG is what the panel drew: the subplots' canvases where they sit, the suptitle (HTML here) above.
    const png = (): string | null => {
      const box = area.getBoundingClientRect();
      if (!box.width || !box.height) return null;
      const parts = [...area.querySelectorAll('canvas')].map((canvas) => {
        const r = canvas.getBoundingClientRect();
        return { canvas, x: r.left - box.left, y: r.top - box.top };
      });
      const size = Math.round(theme.fontSize * 1.1);
      const title = view.suptitle ? { text: view.suptitle, color: theme.foreground, font: `600 ${size}px ${theme.fontFamily}`, band: Math.round(size * 2) } : undefined;
      return canvasPng(parts, box.width, box.height, theme.background, title);
    };
    const caption = this.header(root, entry, { png, svg: () => renderFigureSvg(entry.figure) });
    if (view.suptitle) root.append(el('div', 'mpl-suptitle', view.suptitle));
    // Geometry from data, through CSSOM (the CSP forbids style attributes, not style properties).
    area.style.maxWidth = `${view.widthPx}px`;
    area.style.aspectRatio = `${view.widthPx} / ${view.heightPx}`;
    const charts: ChartType[] = [];
    for (const cell of view.cells) {
      const box = el('div', 'mpl-cell');
      box.style.left = `${cell.left * 100}%`;
      box.style.top = `${cell.top * 100}%`;
      box.style.width = `${cell.width * 100}%`;
      box.style.height = `${cell.height * 100}%`;
      const canvas = el('canvas');
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', cell.config.options?.plugins?.title?.text?.toString() || this.t('figures.title', entry.figure.index));
      box.append(canvas);
      area.append(box);
      charts.push(new Chart(canvas, { ...cell.config, plugins: [...(cell.config.plugins ?? []), mplLegendPlugin] }) as unknown as ChartType);
    }
    root.append(area);
    if (view.thinnedFrom !== null) root.append(el('p', 'muted', this.t('figures.downsampled', FIGURE_MAX_POINTS)));
    return { root, caption, charts };
  }

  /** The figure as an image of its SVG (a data: URI, which the panel's CSP allows for images). */
  private createSvg(entry: FigureEntry): Rendered {
    const root = el('figure', 'mpl-figure');
    const svgText = renderFigureSvg(entry.figure);
    // Twice the figure's pixels, so the PNG stays sharp where the panel shows the SVG scaled up.
    const caption = this.header(root, entry, { png: () => svgPng(svgText, 2), svg: () => svgText });
    const img = el('img', 'mpl-svg');
    img.setAttribute('alt', entry.figure.suptitle ?? this.t('figures.title', entry.figure.index));
    img.setAttribute('src', `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`);
    img.style.maxWidth = `${Math.max(100, Math.min(3000, entry.figure.figsize[0] * 100))}px`;
    root.append(img);
    return { root, caption, charts: [] };
  }

  /** The figure's header: its caption (the returned element, filled by render) and its export buttons. */
  private header(root: HTMLElement, entry: FigureEntry, formats: { png: () => Promise<string | null> | string | null; svg: () => string }): HTMLElement {
    const head = el('figcaption', 'muted figure-head');
    const caption = el('span', 'figure-caption');
    const n = entry.figure.index;
    const buttons = exportButtons(this.t, this.t('export.figure', n), formats, (format, data) => this.save(format, `figure-${n}`, data));
    head.append(caption, buttons.root);
    root.append(head);
    return caption;
  }

  destroy(): void {
    this.clear();
  }
}
