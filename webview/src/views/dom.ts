/**
 * Element helpers. Everything is built with createElement and textContent (never innerHTML with data) so
 * tensor prints and script output cannot inject markup, and no element gets a `style` attribute, which the
 * webview's CSP (style-src without 'unsafe-inline') would block; dynamic geometry goes through CSSOM.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

export function button(label: string, className: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', className, label);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

/** A Linear / Log pair of toggle buttons; `onChange(true)` means log. */
export function scaleToggle(labels: { linear: string; log: string; group: string }, onChange: (log: boolean) => void): { root: HTMLElement; set: (log: boolean) => void } {
  const root = el('div', 'segmented');
  root.setAttribute('role', 'group');
  root.setAttribute('aria-label', labels.group);
  const lin = button(labels.linear, 'segment', () => onChange(false));
  const log = button(labels.log, 'segment', () => onChange(true));
  root.append(lin, log);
  const set = (isLog: boolean): void => {
    lin.setAttribute('aria-pressed', String(!isLog));
    log.setAttribute('aria-pressed', String(isLog));
  };
  return { root, set };
}
