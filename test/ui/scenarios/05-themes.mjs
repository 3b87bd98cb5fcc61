// Scenario 5: the panel is legible in VS Code's dark, high-contrast and high-contrast-light themes (and the
// default light one): after a run, every visible text of the panel (header, section titles, buttons, table,
// graph node labels, console, figure caption) is measured against what is behind it, and must reach a WCAG
// contrast ratio of 4.5; its colours are VS Code's theme variables. The theme is switched the way a user
// does it, with Preferences: Color Theme (which sets workbench.colorTheme). Settings files do not work for
// this here: code-server's web workbench did not pick up a change to the user settings file while running
// (nothing within 10 s), and a colour theme in the settings it starts with was applied in a plain window but
// not in the Extension Development Host window (the dev target), which stayed on the default theme.
import { closeQuickInput, runCommand, waitUntil } from '../lib/workbench.mjs';
import { panel, showSection, waitForRun } from '../lib/panel.mjs';
import { measureContrast } from '../lib/contrast.mjs';

const EXAMPLE = '07_house_prices.py'; // 100 steps, a graph with named leaves, console output and a figure
const MIN_RATIO = 4.5;

// setting: the workbench.colorTheme value; label: its name in the Color Theme picker.
const THEMES = [
  { setting: 'Default Dark Modern', label: 'Dark Modern', workbenchClass: 'vs-dark', webviewKind: 'vscode-dark', slug: 'dark-modern' },
  { setting: 'Default High Contrast', label: 'Dark High Contrast', workbenchClass: 'hc-black', webviewKind: 'vscode-high-contrast', slug: 'high-contrast' },
  { setting: 'Default High Contrast Light', label: 'Light High Contrast', workbenchClass: 'hc-light', webviewKind: 'vscode-high-contrast-light', slug: 'high-contrast-light' },
  // VS Code's default light theme (the other scenarios' screenshots are in it).
  { setting: 'Default Light Modern', label: 'Light Modern', workbenchClass: 'vs', webviewKind: 'vscode-light', slug: 'light-modern' },
];

/** Texts every measurement must include (the figure and graph are redrawn after a theme change). */
const REQUIRED_KINDS = ['header: script name', 'section titles', 'graph: node titles', 'figure caption', 'console text', 'values table: cells', 'header: state running'];

/**
 * Measures the whole panel. Below 900 px the sections other than the graph are tabs and only the chosen one is
 * displayed: each tab is chosen in turn and what it shows measured (the header and graph with each). Wide,
 * one measurement sees every section.
 */
async function measurePanel(page) {
  const f = panel(page);
  const tabs = await f.locator('[role="tablist"] [role="tab"]:visible').evaluateAll((ts) => ts.map((t) => t.dataset.tab));
  if (!tabs.length) return measureContrast(f);
  const items = [];
  let last = null;
  for (const id of tabs) {
    await showSection(page, id);
    last = await measureContrast(f);
    items.push(...last.items);
  }
  return { ...last, items };
}

/** Preferences: Color Theme, then the theme's row (waited for, so Enter picks it and not the current one). */
async function pickTheme(page, label) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await runCommand(page, 'Preferences: Color Theme');
    const input = page.locator('.quick-input-widget input');
    try {
      await input.waitFor({ timeout: 5000 });
      await input.fill(label);
      const row = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
      await row.waitFor({ timeout: 5000 });
      await row.click();
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5000 });
      return;
    } catch {
      await closeQuickInput(page);
    }
  }
  throw new Error(`could not pick the colour theme ${label}`);
}

export default {
  name: 'themes',
  title: 'Dark, high-contrast and high-contrast-light themes: panel text contrast ≥ 4.5 from --vscode-* colours',
  timeoutMs: 150000,
  async run({ page, open, shot, shotOf, check, log }) {
    await open(EXAMPLE);
    await runCommand(page, 'Autograd: Train Model');
    await waitForRun(page, { name: EXAMPLE, status: 'finished', steps: 100 });
    const f = panel(page);
    await showSection(page, 'figures');
    await f.locator('details.card-figures figure.mpl-figure').waitFor({ timeout: 10000 });
    await f.locator('svg g.gnode').first().waitFor({ timeout: 10000 });

    for (const [i, theme] of THEMES.entries()) {
      await pickTheme(page, theme.label);
      await page.locator(`.monaco-workbench.${theme.workbenchClass}`).waitFor({ timeout: 20000 });
      check(`${theme.setting}: the workbench switched to it (${theme.workbenchClass})`, true);
      // The webview gets the new theme's variables and body class, then redraws its charts.
      const measured = await waitUntil(async () => {
        const m = await measurePanel(page);
        const kinds = new Set(m.items.map((x) => x.what));
        return m.theme.kind === theme.webviewKind && REQUIRED_KINDS.every((k) => kinds.has(k)) ? m : null;
      }, { timeout: 20000, message: `the panel to take the ${theme.setting} theme` });
      check(`${theme.setting}: the panel follows the theme (${theme.webviewKind})`, true, measured.theme.name ?? '');
      check(
        `${theme.setting}: the panel's text and background are the theme's editor colours (--vscode-editor-foreground/background)`,
        measured.theme.bodyColor === measured.theme.editorForeground && measured.theme.bodyBackground === measured.theme.editorBackground && measured.theme.bodyColor !== measured.theme.bodyBackground,
        `${measured.theme.bodyColor} on ${measured.theme.bodyBackground}`,
      );
      const kinds = new Set(measured.items.map((x) => x.what));
      check(`${theme.setting}: measured ${measured.items.length} texts of ${kinds.size} kinds`, kinds.size >= 15, [...kinds].join('; '));
      const worst = new Map();
      for (const it of measured.items) {
        const w = worst.get(it.what);
        if (!w || (it.ratio ?? 0) < (w.ratio ?? 0)) worst.set(it.what, it);
      }
      log(`${theme.setting}: lowest contrast per kind:`);
      for (const it of [...worst.values()].sort((a, b) => (a.ratio ?? 0) - (b.ratio ?? 0))) {
        log(`  ${String(it.ratio).padStart(5)}  ${it.what}: ${JSON.stringify(it.text)} ${it.color} on ${it.background}`);
      }
      const low = measured.items.filter((it) => it.ratio === null || it.ratio < MIN_RATIO);
      await shot(`${i + 1}-${theme.slug}`);
      await shotOf(f.locator('details.card-graph'), `${i + 1}-${theme.slug}-graph`);
      const lowText =
        low.slice(0, 6).map((it) => `${it.what} ${JSON.stringify(it.text)} ${it.color} on ${it.background} = ${it.ratio}`).join('; ') +
        (low.length > 6 ? `; and ${low.length - 6} more` : '');
      check(`${theme.setting}: every panel text has contrast ≥ ${MIN_RATIO}`, low.length === 0, lowText);
    }
  },
};
