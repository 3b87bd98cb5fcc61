// UI scenarios through the real VS Code UI (code-server = VS Code 1.100.3 web, driven by Playwright):
// each module in test/ui/scenarios/ trains scripts the way a user does and checks what the editor and the
// Autograd Playground panel show. Every scenario gets its own code-server (its own user data, settings,
// display language and extension host), a fresh browser context, and a workspace of copies of the
// examples; screenshots go to OUT/screenshots/<scenario>-<step>.png, failures included.
//
//   node test/ui/runScenarios.mjs [--vsix FILE] [--filter NAME[,NAME…]] [--out DIR]
//
// Without --vsix the extension is loaded unpacked from the repository root (extensionDevelopmentPath;
// run `npm run build` first). test/ui/run.mjs calls runScenarios() for both targets.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ROOT, installVsix, startCodeServer, workbenchUrl } from './lib/codeServer.mjs';
import { consoleText, launchBrowser, remoteUri, waitForActiveEditor, waitForWorkbench, withPayload } from './lib/workbench.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SCENARIO_DIR = path.join(HERE, 'scenarios');
const VIEWPORT = { width: 1600, height: 1000 };

/** The scenario modules, in file-name order: each default-exports { name, title, server?, timeoutMs?, run(ctx) }. */
export async function loadScenarios() {
  const files = fs
    .readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.mjs') && !f.startsWith('_'))
    .sort();
  const out = [];
  for (const f of files) {
    const mod = await import(pathToFileURL(path.join(SCENARIO_DIR, f)).href);
    const list = Array.isArray(mod.default) ? mod.default : [mod.default];
    for (const s of list) {
      if (!s || typeof s.run !== 'function' || !s.name) throw new Error(`${f}: default export must be { name, run(ctx) } (or an array of them)`);
      out.push({ ...s, file: f });
    }
  }
  return out;
}

function matches(filter, name) {
  if (!filter) return true;
  if (filter instanceof RegExp) return filter.test(name);
  if (typeof filter === 'function') return filter(name);
  return String(filter)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .some((f) => name.includes(f));
}

/**
 * A stand-in for an installed Simplified Chinese language pack. VS Code (and code-server) only switch the
 * display language to a locale for which a language pack is installed; without one `--locale zh-cn` is
 * ignored and `vscode.env.language` stays `en`. The marketplace cannot be reached here, so the scenario
 * registers a pack with no translations of VS Code's own strings (the workbench stays English) in
 * user-data/languagepacks.json, the file VS Code keeps for installed packs; that is enough for the
 * display language, and so vscode.env.language, package.nls.zh-cn.json and l10n/bundle.l10n.zh-cn.json.
 */
function writeLanguagePackStub(dir, locale) {
  const translations = path.join(dir, `stub-language-pack.${locale}.i18n.json`);
  fs.writeFileSync(translations, JSON.stringify({ contents: {} }));
  fs.mkdirSync(path.join(dir, 'user-data'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'user-data/languagepacks.json'),
    JSON.stringify({
      [locale]: {
        hash: `agp-ui-stub-${locale}`,
        label: locale,
        extensions: [{ extensionIdentifier: { id: `agp-ui-test.stub-language-pack-${locale}` }, version: '0.0.1' }],
        translations: { vscode: translations },
      },
    }),
  );
}

function copyExamples(workspace) {
  fs.mkdirSync(workspace, { recursive: true });
  for (const f of fs.readdirSync(path.join(ROOT, 'examples'))) {
    if (f.endsWith('.py')) fs.copyFileSync(path.join(ROOT, 'examples', f), path.join(workspace, f));
  }
}

async function withTimeout(promise, ms, what) {
  let timer;
  try {
    return await Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs the scenarios against `target` ({ kind: 'dev', devPath } or { kind: 'vsix', vsix }).
 * Returns { passed, results: [{ name, title, passed, ms, error, screenshots, checks }], detail (one line) }.
 */
export async function runScenarios({ target, outDir, filter, log = (s) => console.log(s) }) {
  if (!target || (target.kind !== 'dev' && target.kind !== 'vsix')) throw new Error('target must be { kind: "dev", devPath } or { kind: "vsix", vsix }');
  if (target.kind === 'vsix' && !fs.existsSync(target.vsix)) throw new Error(`no VSIX at ${target.vsix}`);
  if (target.kind === 'dev' && !fs.existsSync(path.join(target.devPath, 'dist/extension.js'))) throw new Error(`${target.devPath}/dist/extension.js is missing: run npm run build`);
  outDir = path.resolve(outDir);
  const shotDir = path.join(outDir, 'screenshots');
  fs.mkdirSync(shotDir, { recursive: true });
  const scenarios = (await loadScenarios()).filter((s) => matches(filter, s.name));
  if (!scenarios.length) throw new Error(`no scenario matches ${filter}`);
  const label = target.kind === 'dev' ? `dev (${target.devPath})` : `vsix (${path.basename(target.vsix)})`;
  log(`UI scenarios: ${scenarios.length} against ${label}; screenshots in ${shotDir}`);

  const browser = await launchBrowser();
  const results = [];
  const tAll = Date.now();
  try {
    for (const scenario of scenarios) {
      results.push(await runOne(scenario, { browser, target, outDir, shotDir, log }));
    }
  } finally {
    await browser.close().catch(() => {});
  }
  const passed = results.every((r) => r.passed);
  const summary = `${results.filter((r) => r.passed).length}/${results.length} passed in ${((Date.now() - tAll) / 1000).toFixed(1)} s`;
  log(`UI scenarios (${label}): ${summary}`);
  const failed = results.filter((r) => !r.passed).map((r) => `${r.name}: ${r.error.split('\n')[0]}`);
  const detail = `${summary}${failed.length ? `; failed: ${failed.join('; ')}` : ''}; screenshots in ${shotDir.startsWith(ROOT + path.sep) ? path.relative(ROOT, shotDir) : shotDir}`;
  return { passed, results, detail };
}

async function runOne(scenario, { browser, target, outDir, shotDir, log }) {
  const t0 = Date.now();
  const dir = path.join(outDir, 'runs', scenario.name);
  fs.rmSync(dir, { recursive: true, force: true });
  for (const f of fs.readdirSync(shotDir)) if (f.startsWith(`${scenario.name}-`)) fs.rmSync(path.join(shotDir, f));
  const workspace = path.join(dir, 'workspace');
  copyExamples(workspace);
  const result = { name: scenario.name, title: scenario.title ?? scenario.name, passed: false, ms: 0, error: null, screenshots: [], checks: [] };
  const consoleLog = fs.createWriteStream(path.join(dir, 'browser-console.log'));
  let cs = null;
  let context = null;
  let page = null;
  const shot = async (step) => {
    if (!page) return null;
    const file = path.join(shotDir, `${scenario.name}-${step}.png`);
    try {
      await page.screenshot({ path: file });
      result.screenshots.push(file);
      return file;
    } catch (e) {
      log(`    (screenshot ${step} failed: ${e.message})`);
      return null;
    }
  };
  /** A screenshot of one element (e.g. a section of the panel) instead of the window. */
  const shotOf = async (locator, step) => {
    const file = path.join(shotDir, `${scenario.name}-${step}.png`);
    try {
      await locator.screenshot({ path: file });
      result.screenshots.push(file);
      return file;
    } catch (e) {
      log(`    (screenshot ${step} failed: ${e.message})`);
      return null;
    }
  };
  try {
    const server = scenario.server ?? {};
    if (target.kind === 'vsix') installVsix(dir, target.vsix);
    if (server.locale) writeLanguagePackStub(dir, server.locale);
    cs = await startCodeServer(dir, { workspace, settings: server.settings ?? {}, locale: server.locale });
    context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: server.browserLocale ?? 'en-US' });
    page = await context.newPage();
    page.on('console', async (m) => consoleLog.write(`[${m.type()}] ${await consoleText(m)}\n`));
    page.on('pageerror', (e) => consoleLog.write(`[pageerror] ${e.stack || e.message}\n`));
    const ctx = {
      page,
      target,
      dir,
      workspace,
      base: cs.base,
      log: (s) => log(`    ${s}`),
      shot,
      shotOf,
      /** Records a passed check (they are listed in the result and the log). */
      check(what, ok, detail = '') {
        if (!ok) throw new Error(`check failed: ${what}${detail ? ` (${detail})` : ''}`);
        result.checks.push(what);
        log(`    ✓ ${what}${detail ? ` (${detail})` : ''}`);
      },
      /** Writes a file into the workspace (never into the repository). */
      writeFile(name, text) {
        const p = path.join(workspace, name);
        fs.writeFileSync(p, text);
        return p;
      },
      /** The user settings file of this code-server; VS Code picks up changes to it while running. */
      settingsFile: path.join(dir, 'user-data/User/settings.json'),
      /** Loads the workbench on the workspace, with `file` (a workspace file name) open in the editor. */
      async open(file) {
        let url = workbenchUrl(cs.base, { folder: workspace, devPath: target.kind === 'dev' ? target.devPath : undefined });
        if (file) url = withPayload(url, [['openFile', remoteUri(cs.base, path.join(workspace, file))]]);
        await page.goto(url);
        await waitForWorkbench(page);
        if (file) await waitForActiveEditor(page, file, 30000);
      },
    };
    await withTimeout(scenario.run(ctx), scenario.timeoutMs ?? 120000, `scenario ${scenario.name}`);
    result.passed = true;
    await shot('end');
  } catch (e) {
    result.error = e && e.stack ? e.stack : String(e);
    await shot('failure');
  } finally {
    result.ms = Date.now() - t0;
    await context?.close().catch(() => {});
    await cs?.stop().catch(() => {});
    consoleLog.end();
  }
  log(`${result.passed ? 'PASS' : 'FAIL'} ${scenario.name} (${(result.ms / 1000).toFixed(1)} s)${result.passed ? '' : `\n    ${result.error.split('\n').slice(0, 6).join('\n    ')}\n    browser console: ${path.join(dir, 'browser-console.log')}`}`);
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const vsix = opt('--vsix');
  const target = vsix ? { kind: 'vsix', vsix: path.resolve(vsix) } : { kind: 'dev', devPath: ROOT };
  const outDir = opt('--out') ?? path.join(ROOT, '.ui-out', vsix ? 'vsix-scenarios' : 'dev-scenarios');
  runScenarios({ target, outDir, filter: opt('--filter') })
    .then((r) => process.exit(r.passed ? 0 : 1))
    .catch((e) => {
      console.error(e);
      process.exit(2);
    });
}
