// The panel protocol: what the webview may send, and NaN/inf across the JSON transport.
import { strict as assert } from 'node:assert';
import { encodeNonFinite } from './events';
import { decodeExtensionMessage, EXPORT_MAX_CHARS, exportFileName, PANEL_TABS, parsePanelLayout, parseWebviewMessage, type ExtensionToWebview } from './panel';
import { backward, diverged } from './testEvents';

describe('panel HTML and messages', () => {
  it('checks what the webview sends', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'revealLine', line: 12, extra: 1 }), { type: 'revealLine', line: 12 });
    assert.deepEqual(parseWebviewMessage({ type: 'pinRun', id: '1700000000000-3' }), { type: 'pinRun', id: '1700000000000-3' });
    assert.deepEqual(parseWebviewMessage({ type: 'pinRun', id: null }), { type: 'pinRun', id: null });
    for (const bad of [null, 'ready', { type: 'revealLine', line: 0 }, { type: 'revealLine', line: '3' }, { type: 'eval' }, { type: 'pinRun' }, { type: 'pinRun', id: 3 }, { type: 'pinRun', id: '' }]) {
      assert.equal(parseWebviewMessage(bad), null);
    }
  });

  it('takes an export with a bare file name of its format, base64 for PNG, within the size limit', () => {
    const png = { type: 'export', format: 'png', fileName: 'a-loss.png', data: 'iVBORw0KGgo=' };
    assert.deepEqual(parseWebviewMessage({ ...png, extra: 1 }), png);
    const csv = { type: 'export', format: 'csv', fileName: 'a-gradients.csv', data: 'step,w\n1,2\n' };
    assert.deepEqual(parseWebviewMessage(csv), csv);
    assert.deepEqual(parseWebviewMessage({ type: 'export', format: 'svg', fileName: '训练-figure-1.SVG', data: '<svg/>' }), { type: 'export', format: 'svg', fileName: '训练-figure-1.SVG', data: '<svg/>' });
    const bad: unknown[] = [
      { ...png, format: 'pdf', fileName: 'a.pdf' },
      { ...png, fileName: 'a-loss.svg' }, // extension of another format
      { ...png, fileName: '../a-loss.png' },
      { ...png, fileName: '/tmp/a-loss.png' },
      { ...png, fileName: 'C:\\a-loss.png' },
      { ...png, fileName: '.png' },
      { ...png, fileName: 'a\nb.png' },
      { ...png, fileName: `${'x'.repeat(200)}.png` },
      { ...png, data: 'not base64!' },
      { ...png, data: 'abc' }, // not a multiple of 4
      { ...png, data: '' },
      { ...png, data: 42 },
      { ...csv, data: 'x'.repeat(EXPORT_MAX_CHARS + 1) },
      { type: 'export', format: 'csv', data: 'x' },
    ];
    for (const m of bad) assert.equal(parseWebviewMessage(m), null, JSON.stringify(m).slice(0, 80));
  });

  it('names an export after the script and the chart, safely', () => {
    assert.equal(exportFileName('05_linear_regression_scratch.py', 'loss', 'png'), '05_linear_regression_scratch-loss.png');
    assert.equal(exportFileName('/home/u/proj/train.py', 'figure-2', 'svg'), 'train-figure-2.svg');
    assert.equal(exportFileName('Untitled-1', 'gradients', 'csv'), 'Untitled-1-gradients.csv');
    assert.equal(exportFileName('a:b?.py', 'loss', 'csv'), 'a_b_-loss.csv');
    assert.equal(exportFileName(null, 'loss', 'csv'), 'loss.csv');
    assert.equal(exportFileName(null, '', 'csv'), 'chart.csv');
    for (const [script, chart] of [['x'.repeat(400), 'loss'], ['a<b>.py', 'figure-1'], ['...', '']] as const) {
      const name = exportFileName(script, chart, 'png');
      assert.ok(parseWebviewMessage({ type: 'export', format: 'png', fileName: name, data: 'AAAA' }), name);
    }
  });

  it('gets NaN and inf across the JSON transport', () => {
    const msg: ExtensionToWebview = { type: 'events', runId: 3, events: [backward(1, NaN), diverged(1)] };
    const wire: unknown = JSON.parse(JSON.stringify(encodeNonFinite(msg)));
    const back = decodeExtensionMessage(wire);
    assert.equal(back.type, 'events');
    if (back.type !== 'events') return;
    const [b, d] = back.events;
    assert.ok(b.type === 'backward' && Number.isNaN(b.loss));
    assert.ok(d.type === 'diverged' && Number.isNaN(d.loss));
    assert.ok(b.type === 'backward' && b.leaves[0].grad!.norm === 10);
  });

  it('carries a run history across the JSON transport as it was (its losses are not event fields)', () => {
    const history = {
      currentId: '2-2',
      runs: [{ id: '1-1', seq: 1, startedAt: 1, status: 'finished' as const, label: { kind: 'first' as const }, steps: [1, 2], losses: [0.5, null], pinned: true }],
    };
    const msg: ExtensionToWebview = { type: 'history', runId: 2, history };
    assert.deepEqual(decodeExtensionMessage(JSON.parse(JSON.stringify(encodeNonFinite(msg)))), msg);
  });

  it('takes a layout of known sections and a tab other than the graph, in the panel\'s order', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'layout', layout: { collapsed: ['console', 'loss'], tab: 'figures' }, extra: 1 }), {
      type: 'layout',
      layout: { collapsed: ['loss', 'console'], tab: 'figures', tabOpen: true },
    });
    assert.deepEqual(parsePanelLayout({ collapsed: ['graph'], tab: 'leaves', more: true }), { collapsed: ['graph'], tab: 'leaves', tabOpen: true });
    // The chosen tab's section collapsed; a layout kept before that could be has it open.
    assert.deepEqual(parsePanelLayout({ collapsed: [], tab: 'console', tabOpen: false }), { collapsed: [], tab: 'console', tabOpen: false });
    assert.deepEqual(PANEL_TABS, ['loss', 'gradients', 'leaves', 'variables', 'figures', 'console']);
    const bad: unknown[] = [
      undefined,
      'loss',
      { collapsed: [], tab: 'graph' }, // the graph is never a tab
      { collapsed: [], tab: 'settings' },
      { collapsed: ['loss', 'nope'], tab: 'loss' },
      { collapsed: ['loss', 'loss'], tab: 'loss' },
      { collapsed: 'loss', tab: 'loss' },
      { collapsed: [3], tab: 'loss' },
      { tab: 'loss' },
      { collapsed: [] },
      { collapsed: [], tab: 'loss', tabOpen: 'no' },
      { collapsed: [], tab: 'loss', tabOpen: 0 },
    ];
    for (const layout of bad) assert.equal(parseWebviewMessage({ type: 'layout', layout }), null, JSON.stringify(layout));
  });

  it('gives the kept layout back in init across the JSON transport', () => {
    const msg: ExtensionToWebview = { type: 'init', l10n: {}, settings: { graphNodeLimit: 200 }, run: null, events: [], layout: { collapsed: ['gradients'], tab: 'console', tabOpen: false } };
    const back = decodeExtensionMessage(JSON.parse(JSON.stringify(encodeNonFinite(msg))));
    assert.deepEqual(back, msg);
    assert.deepEqual(back.type === 'init' ? parsePanelLayout(back.layout) : null, msg.layout);
  });
});
