// Bundles the extension, CLI, worker and (if present) benchmark into dist/. `--watch` rebuilds on change.
// `--production` (used by `npm run package`): minified, no source maps, no benchmark.
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePackages, precompileStdlib } from './pyc.mjs';
import { buildEngineWasm } from './wasm.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pythonDir = join(root, 'src', 'python');
const dist = join(root, 'dist');
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production') || process.env.NODE_ENV === 'production';

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '__pycache__' || entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(full));
    else if (entry.isFile() && !entry.name.endsWith('.pyc')) files.push(full);
  }
  return files.sort();
}

function listDirs(dir) {
  if (!existsSync(dir)) return [];
  return [dir, ...readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).flatMap((e) => listDirs(join(dir, e.name)))];
}

/** Files under src/python/ that are not text (the gzipped data sets sklearn.datasets loads). */
const BINARY_PYTHON_FILE = /\.gz$/;

/**
 * `import files, { binaryFiles, bytecode } from 'virtual:python-files'`: the Python tree embedded as a path →
 * source record, its binary files as a path → base64 record, and its bytecode as a `.pyc` path → base64 record
 * (scripts/pyc.mjs).
 */
const pythonFilesPlugin = {
  name: 'python-files',
  setup(build) {
    build.onResolve({ filter: /^virtual:python-files$/ }, (args) => ({ path: args.path, namespace: 'python-files' }));
    build.onLoad({ filter: /.*/, namespace: 'python-files' }, async () => {
      const files = listFiles(pythonDir);
      const record = {};
      const binary = {};
      for (const file of files) {
        const rel = relative(pythonDir, file).split(sep).join('/');
        if (BINARY_PYTHON_FILE.test(rel)) binary[rel] = readFileSync(file).toString('base64');
        else record[rel] = readFileSync(file, 'utf8');
      }
      const started = Date.now();
      const { bytecode, compiled } = await compilePackages(record, join(dist, 'pyc-cache.json'));
      if (compiled > 0) console.log(`pyc: compiled ${compiled} of the playground's Python files in ${Date.now() - started} ms`);
      return {
        contents: `export default ${JSON.stringify(record)};\nexport const binaryFiles = ${JSON.stringify(binary)};\nexport const bytecode = ${JSON.stringify(bytecode)};`,
        loader: 'js',
        watchFiles: files,
        watchDirs: listDirs(pythonDir),
      };
    });
  },
};

// The engine's kernels (src/engine/wasm/): compiled first, then embedded into every bundle as base64 through
// the `__ENGINE_WASM__` constant that src/engine/wasm/instance.ts reads (synchronously, no file to find).
let engineWasm;
{
  mkdirSync(dist, { recursive: true });
  const started = Date.now();
  const { bytes, compiled } = await buildEngineWasm(root, dist);
  engineWasm = bytes.toString('base64');
  if (compiled) console.log(`asc: built dist/engine.wasm (${bytes.length} bytes) in ${Date.now() - started} ms`);
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  // Minified, but error stacks and class names stay readable.
  keepNames: production,
  logLevel: 'warning',
  // pyodide is loaded from node_modules at run time (it needs its .wasm and stdlib zip beside it).
  external: ['vscode', 'pyodide'],
  plugins: [pythonFilesPlugin],
  define: { __ENGINE_WASM__: JSON.stringify(engineWasm) },
};

mkdirSync(dist, { recursive: true });
{
  const started = Date.now();
  const { compiled } = await precompileStdlib(join(dist, 'python_stdlib.zip'));
  if (compiled) console.log(`pyc: built dist/python_stdlib.zip (Pyodide's standard library, precompiled) in ${Date.now() - started} ms`);
}

// The real-Python backend's probe (src/probe/): plain Python files the user's interpreter runs, copied as they
// are to dist/probe/ where src/runtime/python/pythonRun.ts finds them beside the bundle.
{
  const probeOut = join(dist, 'probe');
  rmSync(probeOut, { recursive: true, force: true });
  cpSync(join(root, 'src', 'probe'), probeOut, { recursive: true, filter: (src) => !src.includes('__pycache__') && !src.endsWith('.pyc') });
}

const entries = [
  { in: 'src/extension/extension.ts', out: 'extension' },
  { in: 'src/cli.ts', out: 'cli' },
  { in: 'src/runtime/host/worker.ts', out: 'worker' },
  { in: 'bench/bench.ts', out: 'bench', dev: true },
].filter((e) => existsSync(join(root, e.in)) && !(production && e.dev));

const options = {
  ...common,
  absWorkingDir: root,
  entryPoints: entries.map((e) => ({ in: e.in, out: e.out })),
  outdir: dist,
};

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
  console.log('esbuild: watching for changes…');
} else {
  const started = Date.now();
  await esbuild.build(options);
  console.log(`esbuild: built ${entries.map((e) => `dist/${e.out}.js`).join(', ')}${production ? ' (production)' : ''} in ${Date.now() - started} ms`);
}

// The panel's front end (webview/): a browser bundle, so it gets its own options. IIFE rather than ESM so
// the extension's HTML loads it with a plain nonce'd <script src>; minified with --production (packaging).
const webviewOptions = {
  absWorkingDir: root,
  entryPoints: [{ in: 'webview/src/main.ts', out: 'webview' }],
  outdir: join(root, 'dist'),
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
};
if (existsSync(join(root, 'webview/src/main.ts'))) {
  if (watch) {
    await (await esbuild.context(webviewOptions)).watch();
  } else {
    const startedWebview = Date.now();
    await esbuild.build(webviewOptions);
    console.log(`esbuild: built dist/webview.js${production ? ' (minified)' : ''} in ${Date.now() - startedWebview} ms`);
  }
}
