// Legibility of the panel's text under a colour theme: for each visible text element, its computed text
// colour against the colour actually behind it (the element's and its ancestors' backgrounds composited,
// or for SVG text the fill of its node's box), as a WCAG 2 contrast ratio.

/** What is measured: [selector, what it is]. Disabled controls are left out (WCAG exempts them). */
export const TEXT_SELECTORS = [
  ['header.run-header .run-name', 'header: script name'],
  ['header.run-header .run-status', 'header: state'],
  ['header.run-header .run-step', 'header: step count'],
  ['header.run-header .run-elapsed', 'header: elapsed time'],
  ['header.run-header .run-error', 'header: error'],
  ['header.run-header .run-actions button', 'header: buttons'],
  ['summary.card-title', 'section titles'],
  ['[role="tablist"] [role="tab"]', 'section tabs'],
  ['.toolbar button', 'toolbar buttons (Linear/Log, Fit)'],
  ['.toolbar .muted', 'toolbar notes (graph caption)'],
  ['p.empty', 'empty-section text'],
  ['table.leaf-table th', 'values table: headings'],
  ['table.leaf-table td', 'values table: cells'],
  ['figure.mpl-figure figcaption', 'figure caption'],
  ['figure.mpl-figure figcaption button', 'figure export buttons'],
  ['details.card-console pre, details.card-console .console-line', 'console text'],
  ['svg .gnode text.gnode-title', 'graph: node titles'],
  ['svg .gnode text.gnode-detail', 'graph: node details'],
];

/**
 * Measures every visible, enabled element matching TEXT_SELECTORS in `frame` (a Playwright Frame or
 * FrameLocator's owner frame). Returns { items: [{ what, selector, text, color, background, ratio }], theme }.
 */
export async function measureContrast(frameLocator) {
  return frameLocator.locator('body').evaluate((body, selectors) => {
    // Probes for what the current run does not show: the header's other states and its error line, as
    // clones next to the real elements (same styles, same backdrop), removed after measuring.
    const probes = [];
    const status = body.querySelector('header.run-header .run-status');
    if (status) {
      for (const st of ['running', 'finished', 'stopped', 'failed']) {
        const c = status.cloneNode(true);
        c.className = `run-status status-${st}`;
        c.hidden = false;
        c.textContent = `${st} (probe)`;
        c.dataset.probe = `header: state ${st}`;
        status.after(c);
        probes.push(c);
      }
    }
    const error = body.querySelector('header.run-header .run-error');
    if (error) {
      const c = error.cloneNode(true);
      c.hidden = false;
      c.disabled = false;
      c.textContent = 'RuntimeError: probe on line 1';
      c.dataset.probe = 'header: error line';
      error.after(c);
      probes.push(c);
    }
    selectors = [...selectors, ['[data-probe]', null]];
    function parse(c) {
      const m = /^rgba?\(([^)]+)\)$/.exec(c.trim());
      if (m) {
        const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
        return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
      }
      const s = /^color\(srgb ([^)]+)\)$/.exec(c.trim());
      if (s) {
        const p = s[1].split(/[\s/]+/).filter(Boolean).map(Number);
        return { r: p[0] * 255, g: p[1] * 255, b: p[2] * 255, a: p.length > 3 ? p[3] : 1 };
      }
      if (c === 'transparent' || c === 'none' || c === '') return { r: 0, g: 0, b: 0, a: 0 };
      return null;
    }
    const over = (top, under) => {
      const a = top.a + under.a * (1 - top.a);
      if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
      const mix = (x, y) => (x * top.a + y * under.a * (1 - top.a)) / a;
      return { r: mix(top.r, under.r), g: mix(top.g, under.g), b: mix(top.b, under.b), a };
    };
    const lum = (c) => {
      const f = (v) => {
        v /= 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
    };
    const ratio = (a, b) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    const hex = (c) => '#' + [c.r, c.g, c.b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('') + (c.a < 1 ? `/${c.a.toFixed(2)}` : '');
    // The opaque colour behind `el`: its and its ancestors' backgrounds composited over the page's.
    function backdrop(el) {
      const layers = [];
      for (let n = el; n; n = n.parentElement) {
        const bg = parse(getComputedStyle(n).backgroundColor);
        if (bg && bg.a > 0) layers.push(bg);
        if (bg && bg.a === 1) break;
      }
      let c = { r: 255, g: 255, b: 255, a: 1 }; // nothing opaque at all: the iframe's default canvas
      for (let i = layers.length - 1; i >= 0; i--) c = over(layers[i], c);
      return c;
    }
    const items = [];
    for (const [selector, kind] of selectors) {
      for (const el of body.querySelectorAll(selector)) {
        let what = kind;
        const text = (el.textContent || '').trim();
        if (!text) continue;
        if (el.closest('[hidden]') || el.disabled) continue;
        if (el.dataset?.probe && what !== null) continue; // probes are measured once, under their own name
        if (what === null) what = el.dataset.probe;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const cs = getComputedStyle(el);
        if (cs.visibility === 'hidden' || cs.display === 'none') continue;
        let fg;
        let bg;
        if (el instanceof SVGElement) {
          fg = parse(cs.fill);
          const box = el.closest('g')?.querySelector('rect');
          const boxFill = box ? parse(getComputedStyle(box).fill) : null;
          bg = boxFill && boxFill.a > 0 ? over(boxFill, backdrop(el.closest('svg'))) : backdrop(el.closest('svg'));
        } else {
          fg = parse(cs.color);
          bg = backdrop(el);
        }
        if (!fg || !bg) {
          items.push({ what, selector, text: text.slice(0, 40), color: cs.color || cs.fill, background: '?', ratio: null });
          continue;
        }
        const fgOpaque = fg.a < 1 ? over(fg, bg) : fg;
        items.push({ what, selector, text: text.slice(0, 40), color: hex(fg), background: hex(bg), ratio: Math.round(ratio(fgOpaque, bg) * 100) / 100 });
      }
    }
    // The theme the webview got, and whether the page's own colours are VS Code's theme variables.
    const probe = document.createElement('span');
    body.append(probe);
    const resolve = (v) => {
      probe.style.color = `var(${v})`;
      return getComputedStyle(probe).color;
    };
    const bodyStyle = getComputedStyle(body);
    const theme = {
      kind: body.dataset.vscodeThemeKind ?? [...body.classList].find((c) => c.startsWith('vscode-')) ?? null,
      name: body.dataset.vscodeThemeName ?? body.dataset.vscodeThemeId ?? null,
      bodyColor: bodyStyle.color,
      bodyBackground: bodyStyle.backgroundColor,
      editorForeground: resolve('--vscode-editor-foreground'),
      editorBackground: resolve('--vscode-editor-background'),
    };
    probe.remove();
    for (const c of probes) c.remove();
    return { items, theme };
  }, TEXT_SELECTORS);
}
