// Scenario 6: VS Code's display language is Simplified Chinese. The command palette lists the extension's
// commands with their titles from package.nls.zh-cn.json, and after a run the panel (webview/src/strings.ts,
// through l10n/bundle.l10n.zh-cn.json), the status bar and the hover speak Chinese.
//
// VS Code switches the display language only to a locale whose language pack is installed; code-server
// --locale zh-cn without one leaves vscode.env.language at `en` (observed). The marketplace cannot be
// reached offline, so the runner registers a stand-in pack for zh-cn (see writeLanguagePackStub in
// runScenarios.mjs): vscode.env.language becomes zh-cn, while VS Code's own menus stay English (the stand-in
// has no translations of them).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../lib/codeServer.mjs';
import { closeQuickInput, hoverWord, paletteLabels, runCommand, waitUntil } from '../lib/workbench.mjs';
import { panel, readHeader, showSection, waitForRun } from '../lib/panel.mjs';

const EXAMPLE = '05_linear_regression_scratch.py';

/** STRINGS_ZH of webview/src/strings.ts: { id: Chinese text }. */
function panelStringsZh() {
  const src = fs.readFileSync(path.join(ROOT, 'webview/src/strings.ts'), 'utf8');
  const block = src.slice(src.indexOf('export const STRINGS_ZH'));
  const body = block.slice(0, block.indexOf('\n};'));
  const out = {};
  for (const m of body.matchAll(/^\s*'([\w.]+)':\s*'((?:[^'\\]|\\.)*)',?$/gm)) out[m[1]] = m[2].replace(/\\'/g, "'");
  return out;
}

const fill = (s, ...args) => s.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));

export default {
  name: 'chinese',
  title: 'Simplified Chinese display language: palette titles from package.nls.zh-cn.json, panel/status/hover in Chinese',
  server: { locale: 'zh-cn' },
  timeoutMs: 150000,
  async run({ page, open, shot, check, log }) {
    const zh = panelStringsZh();
    check('read the panel\'s Chinese strings from webview/src/strings.ts', Object.keys(zh).length > 40, `${Object.keys(zh).length} strings`);
    const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8'));
    const trainTitle = `${nls.category}: ${nls['command.train']}`; // Autograd: 训练模型

    await open(EXAMPLE);
    const labels = await paletteLabels(page, 'Autograd', { expect: trainTitle });
    log(`palette: ${JSON.stringify(labels)}`);
    check(`command palette shows the Chinese title "${trainTitle}"`, labels.includes(trainTitle), JSON.stringify(labels));
    check('…and the other commands\' Chinese titles, no English title (VS Code adds the English one below each, for search)', labels.includes(`${nls.category}: ${nls['command.showPanel']}`) && labels.includes(`${nls.category}: ${nls['command.openExample']}`) && !labels.some((l) => /Train Model|Show Graph Panel|Open Example/.test(l)), JSON.stringify(labels));
    await shot('1-palette');
    await closeQuickInput(page);

    await runCommand(page, trainTitle);
    const h = await waitForRun(page, { name: EXAMPLE, status: 'finished', steps: 50 });
    const f = panel(page);
    const lang = await f.locator('html').getAttribute('lang');
    check('the panel is rendered for vscode.env.language zh-cn', lang === 'zh-cn', `<html lang="${lang}">`);
    check(`header state is "${zh['status.finished']}"`, h.statusText === zh['status.finished'], h.statusText);
    check(`header step count is "${fill(zh['header.step'], 50)}"`, h.stepText === fill(zh['header.step'], 50), h.stepText);
    // The debugger's Pause / Continue / Step are there too, hidden when no run is going.
    const buttons = await f.locator('header.run-header .run-actions button:visible').allInnerTexts();
    check(`header buttons are "${zh['header.stop']}" and "${zh['header.runAgain']}"`, buttons.join('|') === `${zh['header.stop']}|${zh['header.runAgain']}`, buttons.join(', '));
    // The graph first; below 900 px the others are tabs under it, named as the sections are.
    const sections = (await f.locator('summary.card-title').evaluateAll((ss) => ss.map((s) => s.textContent))).map((t) => t.trim());
    const others = ['section.loss', 'section.gradients', 'section.leaves', 'section.variables', 'section.figures', 'section.console'].map((id) => zh[id]);
    const wantSections = [zh['section.graph'], ...others];
    check('section titles are the Chinese ones', sections.join('|') === wantSections.join('|'), sections.join(', '));
    const tabs = await f.locator('[role="tablist"]:visible [role="tab"]').allInnerTexts();
    if (tabs.length) {
      check('the tabs under the graph are named as the sections, in Chinese', tabs.join('|') === others.join('|'), tabs.join(', '));
      const tablist = await f.locator('[role="tablist"]').getAttribute('aria-label');
      check(`the tab list is named "${zh['section.tabs']}"`, tablist === zh['section.tabs'], String(tablist));
    }
    await showSection(page, 'loss');
    const toolbar = await f.locator('details.card-loss .toolbar .segmented button').allInnerTexts();
    check(`loss scale buttons are "${zh['scale.linear']}" / "${zh['scale.log']}"`, toolbar.join('|') === `${zh['scale.linear']}|${zh['scale.log']}`, toolbar.join(', '));
    const exportGroup = f.locator('details.card-loss .export-group');
    const exportLabel = await exportGroup.locator('.export-label').innerText();
    const pngName = await exportGroup.locator('button[data-format="png"]').getAttribute('aria-label');
    const wantPng = fill(zh['export.as'], zh['export.lossChart'], 'PNG');
    check(`export buttons read "${zh['export.saveAs']}" and are named "${wantPng}"`, exportLabel === zh['export.saveAs'] && pngName === wantPng, `${exportLabel} / ${pngName}`);
    const caption = await f.locator('details.card-graph .toolbar .muted').innerText();
    check('graph caption is the Chinese one', caption === fill(zh['graph.caption'], 18, 50), caption);
    await showSection(page, 'figures');
    const figuresEmpty = await f.locator('details.card-figures p.empty').innerText();
    check('empty Figures section text is the Chinese one', figuresEmpty === zh['figures.empty'], figuresEmpty);
    await showSection(page, 'leaves');
    const headings = await f.locator('table.leaf-table th').allInnerTexts();
    check('values table headings are the Chinese ones', headings.join('|') === ['grad.colName', 'grad.colShape', 'grad.colValue', 'grad.colGrad', 'grad.colNorm'].map((id) => zh[id]).join('|'), headings.join(', '));
    await shot('2-panel');

    // The status bar item and the hover come from the extension's l10n bundle (l10n/bundle.l10n.zh-cn.json).
    const statusBar = await waitUntil(async () => {
      const t = await page.locator('.part.statusbar').innerText();
      return /50 步/.test(t) ? t : null;
    }, { timeout: 5000, message: 'the status bar item in Chinese' }).catch(async () => page.locator('.part.statusbar').innerText());
    const item = statusBar.split('\n').find((l) => l.includes(EXAMPLE)) ?? statusBar;
    check('status bar item is in Chinese', /[\u4e00-\u9fff]/.test(item) && !/steps|loss/.test(item), item);
    const { text } = await hoverWord(page, 10, 'w', { until: (t) => /tensor/.test(t) && /[\u4e00-\u9fff]/.test(t) });
    log(`hover: ${text.replace(/\n+/g, ' / ')}`);
    check('hover on w is in Chinese (and shows its value)', /[\u4e00-\u9fff]/.test(text) && text.includes('tensor([[3.0011]])') && !/From the last run|Gradient norm/.test(text), text.split('\n').filter(Boolean).slice(-1)[0]);
    await shot('3-hover');
    const header2 = await readHeader(page);
    check('panel still Chinese after the hover', header2.statusText === zh['status.finished']);
  },
};
