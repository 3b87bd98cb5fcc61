// Runs the extension-host integration suite (test/ui/exthost, bundled to out/ui-tests by
// buildExtHostTests.mjs) inside a real VS Code: code-server 4.100.3's extension host, opened in headless
// Chromium with the suite as extensionTestsPath. The workbench reports the suite's outcome by calling
// window.codeAutomationExit(code); the suite's console output (mocha's spec reporter) is relayed here.
//
//   target = { kind: 'dev', devPath }   the unpacked extension folder, loaded as extensionDevelopmentPath
//          | { kind: 'vsix', vsix }     the VSIX installed into a fresh extensions folder
//
// Standalone: node test/ui/runExtHost.mjs [--vsix FILE] [--grep PATTERN]   (after npm run build)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, installVsix, startCodeServer, workbenchUrl } from './lib/codeServer.mjs';
import { consoleText, launchBrowser } from './lib/workbench.mjs';
import { SUITE_INDEX, SUITE_OUT, buildExtHostTests } from './buildExtHostTests.mjs';

/** Marks the suite's own output lines (test/ui/exthost/helpers.ts: LOG_MARK). */
export const LOG_MARK = 'AGP|';

/** Workbench console noise that says nothing about the suite. */
const NOISE = /vsda|Failed to load resource|sandbox attribute|service worker|ServiceWorker|Ignoring fetching additional builtin extensions|\[LocalProcess\]|Long running operations during shutdown|An iframe which has both allow-scripts|Could not identify extension for 'vscode' require call|This document requires 'TrustedScriptURL'|ERR_BLOCKED_BY|punycode/i;

/**
 * A fresh test workspace: copies of the bundled examples and their expected outputs, and an empty scratch/
 * for scripts the suite writes. Tests never open or write repository files.
 */
export function prepareWorkspace(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'examples/expected'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'scratch'), { recursive: true });
  for (const f of fs.readdirSync(path.join(ROOT, 'examples'))) {
    if (f.endsWith('.py')) fs.copyFileSync(path.join(ROOT, 'examples', f), path.join(dir, 'examples', f));
  }
  for (const f of fs.readdirSync(path.join(ROOT, 'examples/expected'))) {
    if (f.endsWith('.out')) fs.copyFileSync(path.join(ROOT, 'examples/expected', f), path.join(dir, 'examples/expected', f));
  }
  return dir;
}

function parseStats(lines) {
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /AGP_UI_STATS (\{.*\})/.exec(lines[i]);
    if (m) {
      try {
        return JSON.parse(m[1]);
      } catch {
        return null;
      }
    }
  }
  return null;
}

/**
 * Starts code-server in a fresh folder under outDir, loads the target, runs the suite and returns
 * { passed, exitCode, stats: {tests, passes, failures, pending, duration} | null, ms, log }.
 * options: timeoutMs (whole suite), startTimeoutMs (until its first output), grep (mocha grep), quiet (do not
 * echo the suite's output).
 */
export async function runExtensionHostSuite({ target, outDir, timeoutMs = 6 * 60_000, startTimeoutMs = 120_000, grep, quiet = false }) {
  const t0 = Date.now();
  const dir = path.resolve(outDir, 'exthost');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  if (!fs.existsSync(SUITE_INDEX)) await buildExtHostTests();
  const workspace = prepareWorkspace(path.join(dir, 'workspace'));

  let devPath;
  let extensionDir;
  if (target.kind === 'dev') {
    devPath = path.resolve(target.devPath);
    extensionDir = devPath;
    if (!fs.existsSync(path.join(devPath, 'dist/extension.js'))) throw new Error(`${devPath}/dist/extension.js is missing: run npm run build`);
  } else if (target.kind === 'vsix') {
    if (!fs.existsSync(target.vsix)) throw new Error(`VSIX not found: ${target.vsix}`);
    installVsix(dir, path.resolve(target.vsix));
    extensionDir = path.join(dir, 'extensions');
    // The extension host runs a suite only in extension-development mode: load the (code-free) harness
    // folder out/ui-tests as the development extension; the extension under test is the installed VSIX.
    devPath = SUITE_OUT;
  } else {
    throw new Error(`unknown target kind ${target.kind}`);
  }

  const logPath = path.join(dir, 'suite.log');
  const logFile = fs.openSync(logPath, 'w');
  const lines = [];
  const echo = (text) => {
    fs.writeSync(logFile, text + '\n');
    lines.push(text);
    if (!quiet) console.log(text);
  };

  const server = await startCodeServer(dir, {
    workspace,
    settings: {
      // Keep the window deterministic: no restored editors from a previous session, no auto-save.
      'files.autoSave': 'off',
      'window.restoreWindows': 'none',
      'workbench.editor.restoreViewState': false,
    },
    env: {
      AGP_UI_TARGET: target.kind,
      AGP_UI_EXTENSION_DIR: extensionDir,
      ...(grep ? { AGP_UI_GREP: grep } : {}),
    },
  });
  let browser;
  let exitCode = null;
  let failure = null;
  try {
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let resolveExit;
    const exited = new Promise((r) => (resolveExit = r));
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
    page.on('console', async (msg) => {
      const text = await consoleText(msg);
      // The suite marks every line it prints (helpers.ts: log); the extension host's console reaches the
      // workbench's with a log-level prefix in front, so the mark is searched anywhere in the line.
      for (const line of text.split('\n')) {
        const i = line.indexOf(LOG_MARK);
        if (i >= 0) echo(line.slice(i + LOG_MARK.length).replace(/^ /, ''));
        else if (!NOISE.test(line)) fs.writeSync(logFile, `[workbench ${msg.type()}] ${line}\n`);
      }
    });
    page.on('pageerror', (err) => fs.writeSync(logFile, `[pageerror] ${err.message}\n`));
    const crashed = new Promise((r) => page.on('crash', () => r('page crashed')));
    await page.goto(workbenchUrl(server.base, { folder: workspace, devPath, testsPath: SUITE_INDEX }));
    let timer;
    const timeout = new Promise((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)));
    // A suite that never starts (extension host not coming up, test path not honoured) fails in minutes,
    // not at the overall timeout.
    let startTimer;
    const neverStarted = new Promise((r) => {
      const check = () => (lines.length ? undefined : r('never started'));
      startTimer = setTimeout(check, startTimeoutMs);
    });
    const result = await Promise.race([exited, timeout, crashed, neverStarted]);
    clearTimeout(timer);
    clearTimeout(startTimer);
    if (typeof result === 'number') exitCode = result;
    else if (result === 'timeout') failure = `the suite did not finish within ${Math.round(timeoutMs / 1000)} s`;
    else if (result === 'never started') failure = `the suite printed nothing within ${Math.round(startTimeoutMs / 1000)} s of opening the workbench`;
    else failure = result;
    await page.screenshot({ path: path.join(dir, 'final.png') }).catch(() => {});
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    fs.closeSync(logFile);
  }
  const stats = parseStats(lines);
  const passed = failure === null && exitCode === 0 && stats !== null && stats.failures === 0 && stats.passes > 0;
  if (failure) console.log(`extHost: ${failure}`);
  if (stats === null && failure === null) console.log('extHost: the suite reported no statistics (did mocha run at all?) — see ' + logPath);
  return { passed, exitCode, stats, failure, ms: Date.now() - t0, log: logPath, dir };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const vsix = opt('--vsix');
  await buildExtHostTests();
  const target = vsix ? { kind: 'vsix', vsix } : { kind: 'dev', devPath: ROOT };
  const r = await runExtensionHostSuite({ target, outDir: path.join(ROOT, '.ui-out', target.kind), grep: opt('--grep') });
  console.log(`extHost ${target.kind}: ${r.passed ? 'PASSED' : 'FAILED'} (exit ${r.exitCode}) in ${(r.ms / 1000).toFixed(1)} s; ${JSON.stringify(r.stats)}; log ${r.log}`);
  process.exit(r.passed ? 0 : 1);
}
