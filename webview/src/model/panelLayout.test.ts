// The panel's layout: the tab under the graph below 900 px, the collapsed sections, what goes to the extension
// and what an init brings back, through the webview's own save and restore too.
import { strict as assert } from 'node:assert';
import { applyMessage, createState } from './state';
import { restore, snapshot } from './persist';
import { applyLayout, clickTab, DEFAULT_TAB, layoutOf, sameLayout, tabForKey, tabOr } from './panelLayout';
import type { ExtensionToWebview, PanelLayout } from '../protocol';

const init = (layout?: PanelLayout | null): ExtensionToWebview => ({
  type: 'init',
  l10n: {},
  settings: { graphNodeLimit: 200 },
  run: null,
  events: [],
  layout,
});

describe('panel layout (tabs below 900 px, collapsed sections)', () => {
  it('starts on the loss tab with nothing collapsed', () => {
    const s = createState();
    assert.equal(s.ui.tab, 'loss');
    assert.deepEqual(layoutOf(s.ui), { collapsed: [], tab: DEFAULT_TAB, tabOpen: true });
  });

  it('moves between tabs with the arrows (wrapping), Home and End; other keys do nothing', () => {
    assert.equal(tabForKey('loss', 'ArrowRight'), 'gradients');
    assert.equal(tabForKey('gradients', 'ArrowLeft'), 'loss');
    assert.equal(tabForKey('loss', 'ArrowLeft'), 'console');
    assert.equal(tabForKey('console', 'ArrowRight'), 'loss');
    assert.equal(tabForKey('variables', 'ArrowDown'), 'figures');
    assert.equal(tabForKey('figures', 'Home'), 'loss');
    assert.equal(tabForKey('loss', 'End'), 'console');
    assert.equal(tabForKey('loss', 'Enter'), null);
    assert.equal(tabForKey('loss', 'a'), null);
  });

  it('sends known sections only, in the panel order, and compares layouts by content', () => {
    const layout = layoutOf({ collapsed: ['console', 'an-old-section', 'loss'], tab: 'figures', tabOpen: true });
    assert.deepEqual(layout, { collapsed: ['loss', 'console'], tab: 'figures', tabOpen: true });
    assert.ok(sameLayout(layout, { collapsed: ['loss', 'console'], tab: 'figures', tabOpen: true }));
    assert.ok(!sameLayout(layout, { collapsed: ['loss', 'console'], tab: 'loss', tabOpen: true }));
    assert.ok(!sameLayout(layout, { collapsed: ['loss'], tab: 'figures', tabOpen: true }));
    assert.equal(tabOr('graph'), 'loss');
    assert.equal(tabOr(undefined), 'loss');
    assert.equal(tabOr('console'), 'console');
  });

  it('takes the workspace layout from init, which wins over the webview\'s own', () => {
    const s = createState();
    s.ui.collapsed = ['figures'];
    s.ui.tab = 'console';
    s.dirty.clear();
    applyMessage(s, init({ collapsed: ['gradients', 'graph'], tab: 'leaves', tabOpen: true }));
    assert.deepEqual(layoutOf(s.ui), { collapsed: ['gradients', 'graph'], tab: 'leaves', tabOpen: true });
    assert.ok(s.dirty.has('layout'), 'the panel is told to lay itself out again');
    assert.ok(!applyLayout(s.ui, { collapsed: ['gradients', 'graph'], tab: 'leaves', tabOpen: true }), 'the same layout again changes nothing');
  });

  it('keeps the webview\'s own layout when the workspace has none (an init without one, or null)', () => {
    for (const layout of [undefined, null]) {
      const s = createState();
      s.ui.collapsed = ['figures'];
      s.ui.tab = 'console';
      applyMessage(s, init(layout));
      assert.deepEqual(layoutOf(s.ui), { collapsed: ['figures'], tab: 'console', tabOpen: true });
    }
  });

  it('keeps the tab through the webview\'s save and restore; a state saved before tabs restores on the default tab', () => {
    const s = createState();
    s.ui.tab = 'variables';
    s.ui.collapsed = ['loss'];
    const back = restore(JSON.parse(JSON.stringify(snapshot(s))));
    assert.ok(back);
    assert.deepEqual(layoutOf(back.ui), { collapsed: ['loss'], tab: 'variables', tabOpen: true });
    const saved = snapshot(createState());
    const body = JSON.parse(saved.body) as { ui: Record<string, unknown> };
    delete body.ui.tab;
    const old = restore({ ...saved, body: JSON.stringify(body) });
    assert.equal(old?.ui.tab, 'loss');
    body.ui.tab = 'graph';
    assert.equal(restore({ ...saved, body: JSON.stringify(body) })?.ui.tab, 'loss');
  });

  it('collapses the chosen tab\'s section with a click on its tab, and opens it with another; another tab opens', () => {
    let ui: Parameters<typeof clickTab>[0] = { tab: 'loss', tabOpen: true };
    ui = clickTab(ui, 'loss');
    assert.deepEqual(ui, { tab: 'loss', tabOpen: false });
    assert.deepEqual(clickTab(ui, 'loss'), { tab: 'loss', tabOpen: true });
    assert.deepEqual(clickTab(ui, 'console'), { tab: 'console', tabOpen: true });
    const s = createState();
    Object.assign(s.ui, clickTab(s.ui, 'loss'));
    assert.deepEqual(layoutOf(s.ui), { collapsed: [], tab: 'loss', tabOpen: false });
    assert.ok(!sameLayout(layoutOf(s.ui), { collapsed: [], tab: 'loss', tabOpen: true }));
  });

  it('keeps a collapsed tab through the webview\'s save and restore and from init; a state saved before has it open', () => {
    const s = createState();
    s.ui.tab = 'figures';
    s.ui.tabOpen = false;
    const back = restore(JSON.parse(JSON.stringify(snapshot(s))));
    assert.deepEqual(back && layoutOf(back.ui), { collapsed: [], tab: 'figures', tabOpen: false });
    const saved = snapshot(createState());
    const body = JSON.parse(saved.body) as { ui: Record<string, unknown> };
    delete body.ui.tabOpen;
    assert.equal(restore({ ...saved, body: JSON.stringify(body) })?.ui.tabOpen, true);
    const t = createState();
    applyMessage(t, init({ collapsed: [], tab: 'variables', tabOpen: false }));
    assert.deepEqual(layoutOf(t.ui), { collapsed: [], tab: 'variables', tabOpen: false });
  });
});
