/**
 * Colours for what the panel draws on canvas (chart.js cannot use CSS variables): read from VS Code's
 * `--vscode-*` variables at draw time, and again whenever VS Code switches theme (it changes the body's
 * class), so light, dark and high-contrast themes all stay legible. SVG and HTML use the variables directly
 * in panel.css.
 */
import { FONT_STACK } from '../../../src/figures/text';
import type { ChartTheme } from '../charts/figureCharts';

export interface PanelTheme extends ChartTheme {
  background: string;
  error: string;
  /** Line colours for series the panel chooses itself (loss, one per leaf): VS Code's chart palette. */
  palette: string[];
  lossColor: string;
}

/** The colour of a file's run `seq` (1, 2, …): VS Code's chart palette, less red (the divergence marker's) and grey. */
export function runColour(theme: PanelTheme, seq: number): string {
  const colours = theme.palette.slice(0, 5);
  return colours[(((seq - 1) % colours.length) + colours.length) % colours.length];
}

/** `colour` at `alpha` opacity: hex (#rgb, #rrggbb, #rrggbbaa) and rgb()/rgba() colours; any other is returned as it is. */
export function withAlpha(colour: string, alpha: number): string {
  const c = colour.trim();
  let m = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(c);
  if (m) {
    let hex = m[1];
    if (hex.length <= 4) hex = [...hex].map((d) => d + d).join('');
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const a = hex.length === 8 ? parseInt(hex.slice(6, 8), 16) / 255 : 1;
    return `rgba(${r}, ${g}, ${b}, ${+(a * alpha).toFixed(3)})`;
  }
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/i.exec(c);
  if (m) {
    const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
    return `rgba(${m[1]}, ${m[2]}, ${m[3]}, ${+(a * alpha).toFixed(3)})`;
  }
  return c;
}

function cssVar(style: CSSStyleDeclaration, names: string[], fallback: string): string {
  for (const name of names) {
    const v = style.getPropertyValue(name).trim();
    if (v) return v;
  }
  return fallback;
}

export function readTheme(): PanelTheme {
  const style = getComputedStyle(document.body);
  const foreground = cssVar(style, ['--vscode-editor-foreground', '--vscode-foreground'], '#333333');
  const uiFont = cssVar(style, ['--vscode-font-family'], '');
  const size = parseFloat(cssVar(style, ['--vscode-font-size'], '13')) || 13;
  const palette = [
    cssVar(style, ['--vscode-charts-blue'], '#1a85ff'),
    cssVar(style, ['--vscode-charts-orange'], '#d18616'),
    cssVar(style, ['--vscode-charts-green'], '#388a34'),
    cssVar(style, ['--vscode-charts-purple'], '#652d90'),
    cssVar(style, ['--vscode-charts-yellow'], '#bf8803'),
    cssVar(style, ['--vscode-charts-red'], '#e51400'),
    foreground,
  ];
  return {
    foreground,
    background: cssVar(style, ['--vscode-editor-background'], '#ffffff'),
    grid: cssVar(style, ['--vscode-charts-lines', '--vscode-editorWidget-border', '--vscode-panel-border'], 'rgba(128, 128, 128, 0.35)'),
    fontFamily: uiFont ? `${uiFont}, ${FONT_STACK}` : FONT_STACK,
    fontSize: Math.max(10, Math.min(16, size - 1)),
    error: cssVar(style, ['--vscode-charts-red', '--vscode-errorForeground'], '#e51400'),
    palette,
    lossColor: palette[0],
  };
}

/**
 * Calls `onChange` when VS Code switches colour theme: it rewrites the body's class and theme attributes and
 * the variables in the root element's style. The call waits a frame so all of them have landed (and any
 * stylesheet change has applied) before colours are read; several changes in one frame give one call.
 */
export function watchTheme(onChange: () => void): void {
  let pending = false;
  const changed = (): void => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      onChange();
    });
  };
  const observer = new MutationObserver(changed);
  observer.observe(document.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-kind', 'data-vscode-theme-id'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
}
