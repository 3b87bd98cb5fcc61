// `npm run package`: a production build (scripts/build.mjs --production) packed with @vscode/vsce into
// autograd-playground-<version>.vsix in the repository root, then checked: the VSIX must hold exactly the
// files the extension needs at run time (the allow-list in .vscodeignore), and a summary is printed.
//
// Dependencies are collected the npm way (`npm list --production`, which finds pyodide and its two declared
// dependencies), and .vscodeignore keeps only the Pyodide files dist/worker.js loads. (vsce's
// --no-dependencies mode would leave node_modules/ out altogether, Pyodide included.) Nothing is signed, so
// @vscode/vsce-sign's native tool, whose postinstall npm skipped, is never needed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVSIX } from '@vscode/vsce';
import yauzl from 'yauzl';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsixName = `${manifest.name}-${manifest.version}.vsix`;
const vsixPath = join(root, vsixName);

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

// 1. Production bundles. Files only a development build makes (source maps, the benchmark) are removed so that
//    dist/ holds one consistent build.
const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--production'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) fail('the production build failed');
for (const name of readdirSync(join(root, 'dist'))) {
  if (name.endsWith('.map') || name === 'bench.js') rmSync(join(root, 'dist', name));
}

// 2. The VSIX.
rmSync(vsixPath, { force: true });
await createVSIX({ cwd: root, packagePath: vsixPath, useYarn: false });
if (!existsSync(vsixPath)) fail(`vsce did not write ${vsixName}`);

// 3. What is in it: exactly the run-time files, nothing else.
const entries = await readZip(vsixPath);
const packaged = entries.map((e) => e.name).filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length));
const listDir = (dir, test) => (existsSync(join(root, dir)) ? readdirSync(join(root, dir)).filter(test).map((f) => `${dir}/${f}`) : []);
const expected = [
  'package.json',
  ...readdirSync(root).filter((f) => /^package\.nls(\.[\w-]+)?\.json$/.test(f)),
  // vsce stores these as readme.md, changelog.md and LICENSE.txt.
  'readme.md',
  'changelog.md',
  'LICENSE.txt',
  'dist/extension.js',
  'dist/worker.js',
  'dist/webview.js',
  'dist/python_stdlib.zip',
  'media/panel.css',
  'media/icon.png',
  ...listDir('l10n', (f) => f.endsWith('.json')),
  ...listDir('examples', (f) => f.endsWith('.py')),
  // The real-Python backend's probe, which the user's interpreter runs (src/probe, copied by the build).
  ...listDir('dist/probe/autograd_playground_probe', (f) => f.endsWith('.py')),
  ...['package.json', 'pyodide.js', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'pyodide-lock.json'].map((f) => `node_modules/pyodide/${f}`),
];
const missing = expected.filter((f) => !packaged.includes(f));
const unexpected = packaged.filter((f) => !expected.includes(f));
if (missing.length || unexpected.length) {
  fail(
    `the VSIX does not hold exactly the run-time files.` +
      (missing.length ? `\n  missing: ${missing.join(', ')}` : '') +
      (unexpected.length ? `\n  unexpected: ${unexpected.join(', ')}` : ''),
  );
}

const groups = new Map();
for (const e of entries) {
  const rel = e.name.replace(/^extension\//, '');
  const slash = rel.indexOf('/');
  const key = e.name.startsWith('extension/') ? (slash < 0 ? '(extension root)' : rel.slice(0, rel.lastIndexOf('/') + 1)) : '(VSIX metadata)';
  const g = groups.get(key) ?? { files: [], size: 0, compressed: 0 };
  g.files.push(slash < 0 ? rel : rel.slice(rel.lastIndexOf('/') + 1));
  g.files.sort();
  g.size += e.size;
  g.compressed += e.compressed;
  groups.set(key, g);
}
const kib = (n) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MiB` : `${(n / 1024).toFixed(1)} KiB`);
console.log(`\n${vsixName}: ${entries.length} entries, ${kib(statSync(vsixPath).size)} (unpacked ${kib(entries.reduce((s, e) => s + e.size, 0))})`);
for (const [key, g] of groups) {
  console.log(`  ${key.padEnd(24)} ${String(g.files.length).padStart(3)} files ${kib(g.size).padStart(11)}  ${g.files.join(', ')}`);
}

// 4. Does it run? Unpack the VSIX outside the repository (so that nothing resolves to the checkout's
//    node_modules) and run scripts through the packaged dist/worker.js and Pyodide, with the production
//    dist/cli.js (not shipped; its runner starts the worker.js beside it) copied next to it.
const smokeDir = mkdtempSync(join(tmpdir(), 'autograd-playground-vsix-'));
try {
  for (const e of entries) {
    const target = join(smokeDir, ...e.name.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, e.data);
  }
  const ext = join(smokeDir, 'extension');
  copyFileSync(join(root, 'dist', 'cli.js'), join(ext, 'dist', 'cli.js'));
  // The command line's cache (Pyodide's memory snapshot: the first run below makes it, the second loads it) in
  // the smoke folder rather than the user's.
  const env = { ...process.env, XDG_CACHE_HOME: join(smokeDir, 'cache') };
  delete env.NODE_PATH;
  const runScript = (file, args = []) =>
    spawnSync(process.execPath, [join(ext, 'dist', 'cli.js'), 'run', file, ...args], { cwd: smokeDir, env, encoding: 'utf8', timeout: 120_000 });

  // A bundled example, whose output is known to the digit.
  const example = '07_house_prices';
  const r1 = runScript(join(ext, 'examples', `${example}.py`));
  const expectedOut = readFileSync(join(root, 'examples', 'expected', `${example}.out`), 'utf8');
  if (r1.status !== 0 || r1.stdout !== expectedOut) {
    fail(`the unpacked VSIX did not run examples/${example}.py as expected (exit ${r1.status})\n${r1.stdout}\n${r1.stderr}`);
  }
  // The rest of the bundled Python (numpy, sklearn, matplotlib) and CPython's standard library.
  const smoke = join(smokeDir, 'smoke.py');
  writeFileSync(
    smoke,
    [
      'import json, collections, random, statistics',
      'import numpy as np',
      'import torch',
      'import matplotlib.pyplot as plt',
      'from sklearn.datasets import make_regression',
      'X, y = make_regression(n_samples=8, n_features=2, random_state=0)',
      'w = torch.tensor(np.ones(2), requires_grad=True)',
      'loss = ((torch.from_numpy(X) @ w - torch.from_numpy(y)) ** 2).mean()',
      'loss.backward()',
      'plt.plot([1, 2, 3]); plt.savefig("loss.png")',
      'print(json.dumps({"grad": w.grad.shape[0], "mean": statistics.mean([1, 2, 3])}))',
      '',
    ].join('\n'),
  );
  const r2 = runScript(smoke, ['--plots', join(smokeDir, 'plots')]);
  if (r2.status !== 0 || r2.stdout !== '{"grad": 2, "mean": 2}\n' || !existsSync(join(smokeDir, 'plots', 'loss.svg'))) {
    fail(`the unpacked VSIX did not run a numpy/sklearn/matplotlib script (exit ${r2.status})\n${r2.stdout}\n${r2.stderr}`);
  }
  const snapshots = readdirSync(join(smokeDir, 'cache', 'autograd-playground')).filter((f) => /^pyodide-snapshot-.*\.bin$/.test(f));
  if (snapshots.length !== 1) fail(`the unpacked VSIX's command line did not keep one memory snapshot (found: ${snapshots.join(', ') || 'none'})`);
  console.log(`\nChecked: the unpacked VSIX runs examples/${example}.py (output as expected) and a numpy/sklearn/matplotlib script (from the memory snapshot the first run made).`);
} finally {
  rmSync(smokeDir, { recursive: true, force: true });
}

/** Every entry of a zip file: name, sizes and contents (a VSIX is small enough to hold in memory). */
function readZip(file) {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const out = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks = [];
          stream.on('data', (c) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            out.push({ name: entry.fileName, size: entry.uncompressedSize, compressed: entry.compressedSize, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
