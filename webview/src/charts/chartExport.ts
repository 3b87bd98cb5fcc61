/**
 * The export buttons in a chart's or figure's header, and the pictures they save: PNG from what the panel
 * drew on its canvases (on an opaque background, so the file reads outside VS Code), PNG of an SVG figure.
 * The extension asks where to save (src/extension/panel/exportSave.ts); nothing is written from here.
 */
import type { ExportFormat } from '../protocol';
import type { Translate } from '../strings';
import { button, el } from '../views/dom';

/** Hands a file's content to the extension: `chart` names the chart in the suggested file name (`loss`, `figure-2`). */
export type SaveExport = (format: ExportFormat, chart: string, data: string) => void;

export interface ExportButtons {
  root: HTMLElement;
  /** Greys the buttons out while there is nothing to save. */
  setEnabled(enabled: boolean): void;
}

/**
 * "Save as  PNG SVG CSV": one button per format, each named for screen readers as "Save <what> as <format>…";
 * a button gives a promise of the content (a PNG of an SVG is drawn asynchronously), or null for nothing.
 */
export function exportButtons(t: Translate, what: string, formats: Partial<Record<ExportFormat, () => Promise<string | null> | string | null>>, save: (format: ExportFormat, data: string) => void): ExportButtons {
  const root = el('div', 'export-group');
  root.setAttribute('role', 'group');
  root.setAttribute('aria-label', t('export.group', what));
  const label = el('span', 'export-label muted', t('export.saveAs'));
  label.setAttribute('aria-hidden', 'true');
  root.append(label);
  const buttons: HTMLButtonElement[] = [];
  for (const format of ['png', 'svg', 'csv'] as const) {
    const make = formats[format];
    if (!make) continue;
    const b = button(format.toUpperCase(), 'export-button', () => {
      void Promise.resolve()
        .then(make)
        .then((data) => {
          if (data) save(format, data);
        })
        .catch((e: unknown) => console.error('export failed', e));
    });
    b.dataset.format = format;
    const title = t('export.as', what, format.toUpperCase());
    b.title = title;
    b.setAttribute('aria-label', title);
    buttons.push(b);
    root.append(b);
  }
  return {
    root,
    setEnabled: (enabled) => {
      for (const b of buttons) b.disabled = !enabled;
    },
  };
}

/** A canvas drawn by the panel and where it sits in the picture, in CSS pixels from the picture's top left. */
export interface CanvasPart {
  canvas: HTMLCanvasElement;
  x: number;
  y: number;
}

function base64Of(canvas: HTMLCanvasElement): string {
  const url = canvas.toDataURL('image/png');
  return url.slice(url.indexOf(',') + 1);
}

/**
 * The canvases as one PNG (base64) of `width` × `height` CSS pixels at the canvases' own resolution, on
 * `background`; `title` (a figure's suptitle, which the panel draws in HTML) goes in a band above.
 */
export function canvasPng(parts: readonly CanvasPart[], width: number, height: number, background: string, title?: { text: string; color: string; font: string; band: number }): string {
  const first = parts[0]?.canvas;
  const scale = first && first.clientWidth > 0 ? first.width / first.clientWidth : window.devicePixelRatio || 1;
  const band = title ? title.band : 0;
  const out = document.createElement('canvas');
  out.width = Math.max(1, Math.round(width * scale));
  out.height = Math.max(1, Math.round((height + band) * scale));
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas context');
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.scale(scale, scale);
  if (title) {
    ctx.fillStyle = title.color;
    ctx.font = title.font;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(title.text, width / 2, band / 2);
  }
  for (const p of parts) ctx.drawImage(p.canvas, p.x, p.y + band, p.canvas.clientWidth || p.canvas.width / scale, p.canvas.clientHeight || p.canvas.height / scale);
  return base64Of(out);
}

/** An SVG document as a PNG (base64) of its own size times `scale`. */
export function svgPng(svgText: string, scale: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      try {
        const out = document.createElement('canvas');
        out.width = Math.max(1, Math.round(img.naturalWidth * scale));
        out.height = Math.max(1, Math.round(img.naturalHeight * scale));
        const ctx = out.getContext('2d');
        if (!ctx) throw new Error('no 2D canvas context');
        // The figure SVG paints its own white background; this is for one that does not.
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(0, 0, out.width, out.height);
        ctx.drawImage(img, 0, 0, out.width, out.height);
        resolve(base64Of(out));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    };
    img.onerror = () => reject(new Error('the SVG did not load as an image'));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  });
}
