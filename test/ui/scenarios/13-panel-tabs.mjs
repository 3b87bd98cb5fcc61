// Scenario 13: the panel as a dashboard at the widths a learner meets. At 1280×720 the panel beside the editor is
// under 900 px wide: the graph comes first, the other sections are tabs under it (role=tablist), the chosen
// tab's section shows and no other; clicking and the arrow keys choose. The panel is closed and opened again:
// it opens on the same tab (the layout kept for the workspace by the extension, not the webview's own state,
// which a closed panel loses). Wider (the panel ≥ 900 px): no tabs, the sections beside the graph, each
// collapsible; a collapsed one stays collapsed through another close and reopen.
import fs from 'node:fs';
import path from 'node:path';
import { runCommand, waitUntil } from '../lib/workbench.mjs';
import { panel, waitForRun } from '../lib/panel.mjs';

const SCRIPT = 'dashboard_mlp.py';
const SRC = `import torch
from torch import nn

torch.manual_seed(0)
X = torch.randn(32, 3)
y = X.sum(dim=1, keepdim=True)
model = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 1))
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
for epoch in range(10):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
`;

/** The layout as the webview shows it: its width, the tabs, which cards are displayed and open, where they are. */
async function readLayout(page) {
  return panel(page)
    .locator('main.sections')
    .evaluate((main) => {
      const strip = main.querySelector('[role="tablist"]');
      const shown = (e) => !!e && getComputedStyle(e).display !== 'none';
      const cards = [...main.querySelectorAll(':scope > details.card')].map((d) => {
        const r = d.getBoundingClientRect();
        return { id: [...d.classList].find((c) => c.startsWith('card-') && c !== 'card')?.slice(5), shown: shown(d), open: d.open, role: d.getAttribute('role'), top: Math.round(r.top), left: Math.round(r.left) };
      });
      return {
        width: window.innerWidth,
        strip: shown(strip),
        stripTop: strip ? Math.round(strip.getBoundingClientRect().top) : null,
        stripBottom: strip ? Math.round(strip.getBoundingClientRect().bottom) : null,
        height: window.innerHeight,
        tabs: [...main.querySelectorAll('[role="tab"]')].map((t) => ({ tab: t.dataset.tab, text: t.textContent, selected: t.getAttribute('aria-selected') === 'true', expanded: t.getAttribute('aria-expanded'), tabIndex: t.tabIndex, controls: t.getAttribute('aria-controls') })),
        focused: document.activeElement?.dataset?.tab ?? null,
        cards,
      };
    });
}

const selectedTab = (l) => l.tabs.find((t) => t.selected)?.tab ?? null;
const shownCards = (l) => l.cards.filter((c) => c.shown).map((c) => c.id);

/** Closes the panel's editor tab and opens it again with the command; returns once the new webview has a header. */
async function reopenPanel(page, check) {
  const tab = page.locator('.part.editor .tabs-container .tab', { has: page.locator('.label-name', { hasText: 'Autograd:' }) }).first();
  await tab.hover();
  await tab.locator('.tab-actions .action-label').first().click();
  await page.locator('iframe.webview').first().waitFor({ state: 'detached', timeout: 10000 }).catch(() => {});
  const left = await page.locator('iframe.webview.ready').count();
  check('closing the panel removes its webview', left === 0, `${left} webviews left`);
  await runCommand(page, 'Autograd: Show Graph Panel');
  await panel(page).locator('main.sections').waitFor({ timeout: 30000 });
}

export default {
  name: 'panel-tabs',
  title: 'The panel as a dashboard: tabs under the graph below 900 px, the layout kept per workspace through close and reopen',
  timeoutMs: 180000,
  async run({ page, open, shot, check, log, workspace }) {
    fs.writeFileSync(path.join(workspace, SCRIPT), SRC);
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(SCRIPT);
    await runCommand(page, 'Autograd: Train Model');
    await waitForRun(page, { name: SCRIPT, status: 'finished' });
    await runCommand(page, 'View: Hide Panel');
    await page.locator('.part.panel').waitFor({ state: 'hidden', timeout: 5000 });
    const f = panel(page);

    let l = await readLayout(page);
    log(`at 1280×720: ${JSON.stringify(l)}`);
    check('the panel beside the editor is under 900 px wide at 1280×720', l.width < 900, String(l.width));
    check('a tab strip with the six sections other than the graph', l.strip && l.tabs.map((t) => t.tab).join() === 'loss,gradients,leaves,variables,figures,console', JSON.stringify(l.tabs.map((t) => t.tab)));
    check('every tab controls its section', l.tabs.every((t) => t.controls === `section-${t.tab}`));
    check('the loss tab is chosen first, and only it is in the Tab order', selectedTab(l) === 'loss' && l.tabs.filter((t) => t.tabIndex === 0).length === 1, JSON.stringify(l.tabs));
    check('the graph and the loss show, no other section', shownCards(l).sort().join() === 'graph,loss', shownCards(l).join());
    const graph = l.cards.find((c) => c.id === 'graph');
    check('the graph comes first, the tabs under it', graph.top < l.stripTop, `${graph.top} < ${l.stripTop}`);
    check('every tab is on the first screen at 1280×720', l.stripBottom <= l.height, `tabs end at ${l.stripBottom} of ${l.height} px`);
    check('the sections under the tabs are tab panels', l.cards.filter((c) => c.id !== 'graph').every((c) => c.role === 'tabpanel'));
    await shot('1-tabs-1280x720');

    // A click chooses the values table.
    await f.getByRole('tab', { name: 'Values and gradients' }).click();
    l = await waitUntil(async () => {
      const x = await readLayout(page);
      return selectedTab(x) === 'leaves' ? x : null;
    }, { timeout: 5000, message: 'the values tab to be chosen' });
    check('choosing the values tab shows its section, open, and hides the loss', shownCards(l).sort().join() === 'graph,leaves' && l.cards.find((c) => c.id === 'leaves').open, JSON.stringify(l.cards));
    const rows = await f.locator('details.card-leaves table.leaf-table tbody tr').count();
    check('the values table has its rows', rows > 0, `${rows} rows`);
    await f.locator('details.card-leaves').scrollIntoViewIfNeeded();
    await shot('2-values-tab-1280x720');

    // The keyboard: the arrow moves to the next tab and chooses it; End goes to the last.
    await f.getByRole('tab', { name: 'Values and gradients' }).focus();
    await page.keyboard.press('ArrowRight');
    l = await waitUntil(async () => {
      const x = await readLayout(page);
      return selectedTab(x) === 'variables' ? x : null;
    }, { timeout: 5000, message: 'ArrowRight to choose the Variables tab' });
    check('ArrowRight chooses the next tab and moves the focus to it', l.focused === 'variables' && shownCards(l).sort().join() === 'graph,variables', JSON.stringify({ focused: l.focused, shown: shownCards(l) }));
    await page.keyboard.press('End');
    l = await readLayout(page);
    check('End chooses the last tab', selectedTab(l) === 'console' && l.focused === 'console', JSON.stringify({ selected: selectedTab(l), focused: l.focused }));
    await page.keyboard.press('ArrowRight');
    l = await readLayout(page);
    check('ArrowRight on the last tab wraps to the first', selectedTab(l) === 'loss', String(selectedTab(l)));
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    l = await readLayout(page);
    check('ArrowLeft goes back: console, then figures, then variables', selectedTab(l) === 'variables', String(selectedTab(l)));
    check('the chosen tab says its section is expanded, the others say nothing', l.tabs.every((t) => t.expanded === (t.selected ? 'true' : null)), JSON.stringify(l.tabs));

    // A click on the chosen tab collapses its section: the graph has the panel to itself, the tabs stay.
    const variablesTab = f.getByRole('tab', { name: 'Variables' });
    await variablesTab.click();
    l = await waitUntil(async () => {
      const x = await readLayout(page);
      return x.tabs.find((t) => t.tab === 'variables').expanded === 'false' ? x : null;
    }, { timeout: 5000, message: 'the Variables section to collapse' }).catch(() => readLayout(page));
    check('a click on the chosen tab collapses its section (aria-expanded=false), the tab stays chosen', selectedTab(l) === 'variables' && shownCards(l).join() === 'graph' && l.strip, JSON.stringify({ selected: selectedTab(l), shown: shownCards(l), tabs: l.tabs }));
    await shot('2b-tab-collapsed-1280x720');
    await reopenPanel(page, check);
    l = await waitUntil(async () => {
      const x = await readLayout(page);
      return selectedTab(x) === 'variables' ? x : null;
    }, { timeout: 15000, message: 'the reopened panel on the Variables tab' }).catch(() => readLayout(page));
    check('a panel closed and opened again shows the tab chosen before, still collapsed', selectedTab(l) === 'variables' && shownCards(l).join() === 'graph' && l.tabs.find((t) => t.tab === 'variables').expanded === 'false', JSON.stringify({ selected: selectedTab(l), shown: shownCards(l) }));
    await f.getByRole('tab', { name: 'Variables' }).click();
    l = await waitUntil(async () => {
      const x = await readLayout(page);
      return shownCards(x).includes('variables') ? x : null;
    }, { timeout: 5000, message: 'the Variables section to open again' }).catch(() => readLayout(page));
    check('another click opens it again', selectedTab(l) === 'variables' && shownCards(l).sort().join() === 'graph,variables' && l.tabs.find((t) => t.tab === 'variables').expanded === 'true', JSON.stringify({ selected: selectedTab(l), shown: shownCards(l) }));

    // Closed and opened again: the new webview has no state of its own, the extension gives the layout back.
    await reopenPanel(page, check);
    l = await waitUntil(async () => {
      const x = await readLayout(page);
      return selectedTab(x) === 'variables' ? x : null;
    }, { timeout: 15000, message: 'the reopened panel on the Variables tab' }).catch(() => readLayout(page));
    log(`reopened: ${JSON.stringify(l)}`);
    check('a panel closed and opened again shows the tab chosen before', selectedTab(l) === 'variables' && shownCards(l).sort().join() === 'graph,variables', JSON.stringify({ selected: selectedTab(l), shown: shownCards(l) }));
    await shot('3-reopened-1280x720');

    // Wider: the panel is ≥ 900 px, no tabs, every section beside the graph; collapse one.
    await page.setViewportSize({ width: 2400, height: 900 });
    l = await waitUntil(async () => {
      const x = await readLayout(page);
      return x.width >= 900 && !x.strip ? x : null;
    }, { timeout: 10000, message: 'the wide layout' }).catch(() => readLayout(page));
    log(`at 2400×900: ${JSON.stringify(l)}`);
    check('from 900 px no tab strip and every section shows', l.width >= 900 && !l.strip && shownCards(l).length === 7, JSON.stringify({ width: l.width, strip: l.strip, shown: shownCards(l) }));
    const side = l.cards.filter((c) => c.id !== 'graph');
    check('the other sections sit beside the graph', side.every((c) => c.left > graph.left + 100), JSON.stringify(l.cards.map((c) => [c.id, c.left])));
    check('no tab roles in the wide layout', side.every((c) => c.role === null));
    await f.locator('details.card-gradients > summary').click();
    await waitUntil(async () => ((await readLayout(page)).cards.find((c) => c.id === 'gradients').open ? null : true), { timeout: 5000, message: 'the gradients section to collapse' });
    await shot('4-wide-gradients-collapsed');

    await reopenPanel(page, check);
    l = await waitUntil(async () => {
      const x = await readLayout(page);
      return x.cards.length === 7 && !x.cards.find((c) => c.id === 'gradients').open ? x : null;
    }, { timeout: 15000, message: 'the reopened wide panel with gradients collapsed' }).catch(() => readLayout(page));
    log(`reopened wide: ${JSON.stringify(l.cards)}`);
    check('the collapsed section stays collapsed after a close and reopen', !l.cards.find((c) => c.id === 'gradients').open, JSON.stringify(l.cards));
    check('the other sections stay open', l.cards.filter((c) => c.id !== 'gradients').every((c) => c.open), JSON.stringify(l.cards));

    // Back to 1280×720: the tab chosen is still Variables, though the wide layout changed since.
    await page.setViewportSize({ width: 1280, height: 720 });
    l = await waitUntil(async () => {
      const x = await readLayout(page);
      return x.strip ? x : null;
    }, { timeout: 10000, message: 'the narrow layout again' }).catch(() => readLayout(page));
    check('narrow again: the Variables tab, shown open', selectedTab(l) === 'variables' && l.cards.find((c) => c.id === 'variables').open, JSON.stringify({ selected: selectedTab(l), cards: l.cards }));
    const gradTab = await f.getByRole('tab', { name: 'Gradients', exact: true }).click().then(() => readLayout(page));
    check('the collapsed gradients section shows open as a tab', gradTab.cards.find((c) => c.id === 'gradients').open && shownCards(gradTab).includes('gradients'), JSON.stringify(gradTab.cards));
    await shot('5-gradients-tab-1280x720');
  },
};
