// The Autograd Playground panel as the UI scenarios see it: its header (script, state, step count), its
// sections (webview/src/views/*: .card-loss, .card-graph, .card-figures, …) and the training commands.
import { webviewFrame, waitUntil } from './workbench.mjs';

/** The panel's document (the extension's webview; it is the only webview the scenarios open). */
export function panel(page) {
  return webviewFrame(page);
}

/** The header as text: { name, status (running|finished|stopped|failed), statusText, steps, stepText, elapsed, error }. */
export async function readHeader(page) {
  const f = panel(page);
  await f.locator('header.run-header').waitFor({ timeout: 30000 });
  return f.locator('header.run-header').evaluate((h) => {
    const q = (s) => h.querySelector(s);
    const status = q('.run-status');
    const cls = status ? [...status.classList].find((c) => c.startsWith('status-')) : null;
    const stepText = q('.run-step')?.textContent ?? '';
    const m = /\d+/.exec(stepText);
    const err = q('.run-error');
    return {
      name: q('.run-name')?.textContent ?? '',
      backend: q('.run-backend')?.textContent ?? '',
      backendTitle: q('.run-backend')?.getAttribute('title') ?? '',
      status: cls ? cls.slice('status-'.length) : null,
      statusText: status?.textContent ?? '',
      steps: m ? Number(m[0]) : null,
      stepText,
      elapsed: q('.run-elapsed')?.textContent ?? '',
      error: err && !err.hidden ? err.textContent : null,
      hidden: !!q('.run-name')?.hidden,
    };
  });
}

/**
 * Waits until the panel shows the run of `name` in state `status` (and, if given, `steps` steps).
 * Returns the header. On timeout the error says what the header last showed.
 */
export async function waitForRun(page, { name, status, steps, timeout = 90000 }) {
  let last = null;
  try {
    return await waitUntil(
      async () => {
        last = await readHeader(page);
        if (name && last.name !== name) return null;
        if (status && last.status !== status) return null;
        if (steps !== undefined && last.steps !== steps) return null;
        return last;
      },
      { timeout, interval: 150, message: `the panel to show ${name ?? 'a run'} ${status ?? ''}${steps !== undefined ? ` at step ${steps}` : ''}` },
    );
  } catch (e) {
    throw new Error(`${e.message}; header was ${JSON.stringify(last)}`, { cause: e });
  }
}

/**
 * Makes the section `id` (loss, gradients, leaves, variables, graph, figures, console) shown and returns its card.
 * Below 900 px the panel shows the sections other than the graph as tabs under it, one at a time, and draws
 * only the chosen one: this chooses its tab (a click, as a user would; a click on the chosen tab collapses its
 * section or opens it again) and waits until the card is displayed.
 * From 900 px every section is displayed and this changes nothing (a section the scenario collapsed stays so).
 */
export async function showSection(page, id) {
  const f = panel(page);
  const card = f.locator(`details.card-${id}`);
  await card.waitFor({ state: 'attached', timeout: 30000 });
  if (id !== 'graph') {
    const tab = f.locator(`[role="tablist"] [role="tab"][data-tab="${id}"]`);
    // A tab not chosen, or chosen with its section collapsed (a click on it opens it).
    const closed = async () => (await tab.getAttribute('aria-selected')) !== 'true' || (await tab.getAttribute('aria-expanded')) === 'false';
    if ((await tab.count()) > 0 && (await tab.isVisible()) && (await closed())) {
      await tab.click();
      await card.waitFor({ state: 'visible', timeout: 10000 });
      // The section catches up on what changed while it was hidden in the panel's next frame.
      await card.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
  }
  await card.waitFor({ state: 'visible', timeout: 10000 });
  return card;
}

/** Texts of the graph's nodes: { leaves: [titles], root: title | null, ops: [titles], caption }. */
export async function readGraph(page) {
  const card = panel(page).locator('details.card-graph');
  return card.evaluate((d) => {
    const title = (g) => g.querySelector('.gnode-title')?.textContent ?? '';
    const nodes = [...d.querySelectorAll('g.gnode')];
    const root = nodes.find((g) => g.classList.contains('root'));
    return {
      leaves: nodes.filter((g) => g.classList.contains('leaf')).map(title),
      ops: nodes.filter((g) => g.classList.contains('op')).map(title),
      opTooltips: nodes.filter((g) => g.classList.contains('op')).map((g) => g.querySelector('title')?.textContent ?? ''),
      root: root ? title(root) : null,
      rootTooltip: root ? root.querySelector('title')?.textContent ?? '' : null,
      caption: d.querySelector('.toolbar .muted')?.textContent ?? '',
      emptyShown: !d.querySelector('p.empty')?.hidden,
    };
  });
}

/** The leaf table's rows: [{ name, shape, value, grad, norm }] (its tab chosen first when the panel shows tabs). */
export async function readLeafTable(page) {
  await showSection(page, 'leaves');
  return panel(page)
    .locator('details.card-leaves table.leaf-table tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => {
        const c = [...r.children].map((td) => td.textContent.trim());
        return { name: c[0], shape: c[1], value: c[2], grad: c[3], norm: c[4] };
      }),
    );
}

/**
 * How much of a canvas is drawn: the share of its pixels that differ from its most common colour
 * (chart.js draws on a transparent canvas; an empty one has no such pixels).
 */
export async function canvasInk(canvasLocator) {
  return canvasLocator.evaluate((c) => {
    if (!c.width || !c.height) return 0;
    const ctx = c.getContext('2d');
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) ink++;
    return ink / (c.width * c.height);
  });
}

/**
 * Share of a canvas's pixels drawn in a colour, not grey: the chart's lines and markers, not its axes, grid
 * and labels (grey in the default themes).
 */
export async function canvasColourInk(canvasLocator) {
  return canvasLocator.evaluate((c) => {
    if (!c.width || !c.height) return 0;
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0 && Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]) > 60) ink++;
    }
    return ink / (c.width * c.height);
  });
}

/**
 * Scrolls the panel so that `locator` (inside it) is in view, for screenshots of the whole window.
 * Element screenshots (locator.screenshot) scroll by themselves.
 */
export async function scrollPanelTo(locator) {
  await locator.evaluate((e) => e.scrollIntoView({ block: 'start' }));
}
