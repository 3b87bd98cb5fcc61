// `npm run test:ui`: the whole UI suite against a real VS Code (code-server 4.100.3 in headless Chromium),
// offline, for both ways the extension reaches users:
//
//   dev   the repository folder (npm run build) loaded as the extension under development
//   vsix  the packaged VSIX (npm run package) installed into a fresh extensions folder
//
// For each target: the extension-host integration suite (test/ui/exthost, mocha inside the extension host),
// the reload check (test/ui/reload.mjs) and the Playwright scenarios (test/ui/runScenarios.mjs). Everything a
// run writes goes to .ui-out/<target>/. Exit status 0 only when every part passed.
//
// Options:
//   --only dev|vsix     one target only
//   --skip-scenarios    leave out the Playwright scenarios (quicker local iteration)
//   --vsix FILE         test this VSIX instead of packaging one (skips npm run package)
//   --grep PATTERN      only the extension-host tests whose title matches (local iteration)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib/codeServer.mjs';
import { buildExtHostTests } from './buildExtHostTests.mjs';
import { runExtensionHostSuite } from './runExtHost.mjs';
import { runReloadCheck } from './reload.mjs';

const args = process.argv.slice(2);
function option(name) {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) usage(`${name} needs a value`);
  return v;
}
function usage(message) {
  console.error(`test:ui: ${message}\nusage: npm run test:ui -- [--only dev|vsix] [--skip-scenarios] [--vsix FILE] [--grep PATTERN]`);
  process.exit(2);
}
const known = new Set(['--only', '--skip-scenarios', '--vsix', '--grep']);
for (const a of args) if (a.startsWith('--') && !known.has(a)) usage(`unknown option ${a}`);
const only = option('--only');
if (only !== undefined && only !== 'dev' && only !== 'vsix') usage('--only takes dev or vsix');
const skipScenarios = args.includes('--skip-scenarios');
const givenVsix = option('--vsix');
const grep = option('--grep');
const kinds = only ? [only] : ['dev', 'vsix'];

const results = [];
const started = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Runs one part, timed; a part passes when it returns true / { passed: true }, or 'skipped'. */
async function part(name, fn) {
  console.log(`\n=== ${name}`);
  const t0 = Date.now();
  let status;
  let detail = '';
  try {
    const r = await fn();
    if (r === 'skipped') status = 'skipped';
    else if (r === true || r?.passed === true) status = 'passed';
    else status = 'FAILED';
    if (r && typeof r === 'object' && r.detail) detail = r.detail;
  } catch (e) {
    status = 'FAILED';
    detail = e instanceof Error ? e.message : String(e);
    console.log(`${name}: ${e instanceof Error ? e.stack : e}`);
  }
  const ms = Date.now() - t0;
  results.push({ name, status, ms, detail });
  console.log(`=== ${name}: ${status} in ${secs(ms)}${detail ? ` (${detail})` : ''}`);
  return status !== 'FAILED';
}

function sh(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: 'inherit' });
  if (r.error) throw r.error;
  return r.status === 0;
}

function summary() {
  const total = Date.now() - started;
  console.log('\n=== test:ui summary');
  const width = Math.max(...results.map((r) => r.name.length));
  for (const r of results) console.log(`  ${r.name.padEnd(width)}  ${r.status.padEnd(7)}  ${secs(r.ms).padStart(8)}${r.detail ? `  ${r.detail}` : ''}`);
  const failed = results.filter((r) => r.status === 'FAILED');
  console.log(`  ${'total'.padEnd(width)}  ${(failed.length ? 'FAILED' : 'passed').padEnd(7)}  ${secs(total).padStart(8)}`);
  if (total > 10 * 60_000) console.log('  warning: the UI suite took more than 10 minutes');
  console.log(`  output: ${path.relative(process.cwd(), path.join(ROOT, '.ui-out')) || '.ui-out'}/<target>/`);
  return failed.length === 0;
}

// ---- Preparation: abort at the first failure (nothing after it could run meaningfully).
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
let vsix = givenVsix ? path.resolve(givenVsix) : path.join(ROOT, `${manifest.name}-${manifest.version}.vsix`);

let ok = await part('setup (Chromium, code-server)', () => sh('bash', [path.join(ROOT, 'test/ui/setup.sh')]));
if (ok && kinds.includes('vsix')) {
  if (givenVsix) {
    ok = await part('package', () => {
      if (!fs.existsSync(vsix)) throw new Error(`${vsix} does not exist`);
      return { passed: true, detail: `using ${path.relative(ROOT, vsix)}` };
    });
  } else {
    // Before the development build: packaging makes a production build of dist/.
    ok = await part('package (npm run package)', () => {
      if (!sh('npm', ['run', 'package'])) return false;
      if (!fs.existsSync(vsix)) throw new Error(`npm run package did not write ${path.relative(ROOT, vsix)}`);
      return { passed: true, detail: path.relative(ROOT, vsix) };
    });
  }
}
if (ok) ok = await part('build (npm run build)', () => sh('npm', ['run', 'build']));
if (ok) {
  ok = await part('bundle the extension-host suite', async () => {
    const r = await buildExtHostTests();
    return { passed: true, detail: `${r.files} files → ${path.relative(ROOT, r.dir)}` };
  });
}

// ---- Targets: every part runs even when an earlier one failed, so one run reports everything.
let scenarios = null;
if (ok && !skipScenarios) {
  const file = path.join(ROOT, 'test/ui/runScenarios.mjs');
  if (fs.existsSync(file)) scenarios = (await import(pathToFileURL(file).href)).runScenarios;
  else console.log('\ntest:ui: warning: test/ui/runScenarios.mjs is missing; the Playwright scenarios are skipped');
}
if (ok) {
  for (const kind of kinds) {
    const target = kind === 'dev' ? { kind, devPath: ROOT } : { kind, vsix };
    const outDir = path.join(ROOT, '.ui-out', kind);
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.mkdirSync(outDir, { recursive: true });
    await part(`${kind}: extension-host suite`, async () => {
      const r = await runExtensionHostSuite({ target, outDir, grep });
      const s = r.stats;
      const counts = s ? `${s.passes}/${s.tests} passed${s.failures ? `, ${s.failures} failed` : ''}${s.pending ? `, ${s.pending} pending` : ''}` : 'no results';
      return { passed: r.passed, detail: `${counts}${r.failure ? `; ${r.failure}` : ''}; log ${path.relative(ROOT, r.log)}` };
    });
    await part(`${kind}: panel survives a reload`, async () => {
      const r = await runReloadCheck({ target, outDir });
      return { passed: r.passed, detail: r.failure ?? '' };
    });
    if (skipScenarios) await part(`${kind}: Playwright scenarios`, () => 'skipped');
    else if (scenarios) {
      await part(`${kind}: Playwright scenarios`, async () => {
        const r = await scenarios({ target, outDir: path.join(outDir, 'scenarios') });
        return { passed: r?.passed === true, detail: r?.detail ?? '' };
      });
    } else await part(`${kind}: Playwright scenarios`, () => 'skipped');
  }
}

process.exit(summary() ? 0 : 1);
