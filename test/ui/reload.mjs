// Browser-level check that the graph panel survives a window reload: open examples/05 (a workspace copy),
// Train Model from the command palette, wait until the panel's console shows the run's last line, reload the
// window, and check that VS Code brings the panel back (the extension's webview serializer) with the same
// content (the webview's saved state), loss chart included. The reload is Developer: Reload Window. The
// extension host restarts on reload, so nothing of the run survives there: what comes back is the panel's
// own state. Below 900 px the panel shows the console as a tab under the graph: the check chooses that tab
// before the reload and expects the reloaded panel on it (the layout is kept for the workspace).
//
// Standalone: node test/ui/reload.mjs [--vsix FILE]   (after npm run build)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, installVsix, startCodeServer, workbenchUrl } from './lib/codeServer.mjs';
import { launchBrowser, runCommand, waitForWorkbench, webviewFrame } from './lib/workbench.mjs';
import { prepareWorkspace } from './runExtHost.mjs';
import { panel, showSection } from './lib/panel.mjs';

const EXAMPLE = '05_linear_regression_scratch.py';
const LAST_LINE = 'learned y = 3.0011 * x + 2.0036';
/** webview/src/main.ts saves the panel's state at most once a second (SAVE_INTERVAL_MS). */
const SAVE_DELAY_MS = 1000;

async function openFile(page, name) {
  await runCommand(page, 'Go to File');
  const input = page.locator('.quick-input-widget input');
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 15000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab', { hasText: name }).first().waitFor({ timeout: 15000 });
  // The editor must have focus for Train Model's palette entry (when: editorLangId == python).
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
}

/** The tab chosen under the graph, or null when the panel is wide enough to show no tabs. */
async function chosenTab(page) {
  const tabs = panel(page).locator('[role="tablist"]:visible [role="tab"][aria-selected="true"]');
  return (await tabs.count()) ? tabs.first().getAttribute('data-tab') : null;
}

/** Waits until the panel's console holds `text`; returns what the panel shows. */
async function waitForPanel(page, text, timeout) {
  const t0 = Date.now();
  let last = '';
  while (Date.now() - t0 < timeout) {
    try {
      const frame = webviewFrame(page);
      last = (await frame.locator('pre.console').first().textContent({ timeout: 2000 })) ?? '';
      if (last.includes(text)) {
        const canvases = await frame.locator('canvas').count();
        return { console: last, canvases };
      }
    } catch {
      /* the webview is not there (yet) */
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`the panel's console never showed ${JSON.stringify(text)} (last seen: ${JSON.stringify(last.slice(-200))})`);
}

/**
 * target as for runExtensionHostSuite: { kind: 'dev', devPath } | { kind: 'vsix', vsix }.
 * Returns { passed, ms, failure, steps: [{name, ms}] }; screenshots and logs go to outDir/reload/.
 */
export async function runReloadCheck({ target, outDir, timeoutMs = 120_000 }) {
  const t0 = Date.now();
  const dir = path.resolve(outDir, 'reload');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const workspace = prepareWorkspace(path.join(dir, 'workspace'));
  let devPath;
  if (target.kind === 'dev') devPath = path.resolve(target.devPath);
  else installVsix(dir, path.resolve(target.vsix));

  const steps = [];
  const step = async (name, fn) => {
    const s = Date.now();
    const r = await fn();
    steps.push({ name, ms: Date.now() - s });
    return r;
  };
  const server = await startCodeServer(dir, { workspace });
  let browser;
  let page;
  let failure = null;
  const deadline = setTimeout(() => browser?.close().catch(() => {}), timeoutMs);
  try {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await step('workbench', async () => {
      await page.goto(workbenchUrl(server.base, { folder: workspace, devPath }));
      await waitForWorkbench(page);
    });
    await step('open example', () => openFile(page, EXAMPLE));
    const before = await step('train and see the panel', async () => {
      await runCommand(page, 'Autograd: Train Model');
      await showSection(page, 'console');
      return waitForPanel(page, LAST_LINE, 60000);
    });
    const tabBefore = await chosenTab(page);
    if (tabBefore !== null && tabBefore !== 'console') throw new Error(`the console tab was not chosen (${tabBefore} is)`);
    console.log(`reload: the tab chosen before the reload: ${tabBefore ?? 'none (the panel is 900 px wide or more)'}`);
    await page.waitForTimeout(SAVE_DELAY_MS + 1000);
    await page.screenshot({ path: path.join(dir, 'before-reload.png') });
    const after = await step('reload and see the panel again', async () => {
      // Developer: Reload Window, as a user reloads: the workbench writes its state (the webview's included)
      // to storage before it reloads the page. A bare page.reload() skips that, and whether the state gets
      // saved then is a race with the page's unload (seen losing the panel's content).
      const reloaded = page.waitForEvent('load', { timeout: 60000 });
      await runCommand(page, 'Developer: Reload Window');
      await reloaded;
      await waitForWorkbench(page);
      return waitForPanel(page, LAST_LINE, 60000);
    });
    await page.screenshot({ path: path.join(dir, 'after-reload.png') });
    const tabAfter = await chosenTab(page);
    if (tabAfter !== tabBefore) throw new Error(`the panel chose the ${tabBefore} tab before the reload and shows ${tabAfter} after it`);
    if (after.console.trim() !== before.console.trim()) {
      throw new Error(`the restored console differs:\n--- before\n${before.console}\n--- after\n${after.console}`);
    }
    if (after.canvases < 1 || after.canvases < before.canvases) {
      throw new Error(`the restored panel has ${after.canvases} charts (before the reload: ${before.canvases})`);
    }
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
    await page?.screenshot({ path: path.join(dir, 'failure.png') }).catch(() => {});
  } finally {
    clearTimeout(deadline);
    await browser?.close().catch(() => {});
    await server.stop();
  }
  if (failure) console.log(`reload: ${failure}`);
  for (const s of steps) console.log(`reload: ${s.name}: ${(s.ms / 1000).toFixed(1)} s`);
  return { passed: failure === null, failure, ms: Date.now() - t0, steps, dir };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--vsix');
  const target = i > 0 ? { kind: 'vsix', vsix: process.argv[i + 1] } : { kind: 'dev', devPath: ROOT };
  const r = await runReloadCheck({ target, outDir: path.join(ROOT, '.ui-out', target.kind) });
  console.log(`reload ${target.kind}: ${r.passed ? 'PASSED' : 'FAILED'} in ${(r.ms / 1000).toFixed(1)} s (${r.dir})`);
  process.exit(r.passed ? 0 : 1);
}
