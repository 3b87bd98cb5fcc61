// Bundles the extension-host integration suite (test/ui/exthost/*.ts) into out/ui-tests/: index.js (the
// module that VS Code's extensionTestsPath names; it exports run()) and one bundle per *.test.ts, which
// mocha loads as separate files. `vscode` is provided by the extension host and mocha comes from the
// repository's node_modules, so both stay external.
//
// out/ui-tests/ is also a minimal extension folder ("harness", package.json below, no code): the
// extension host only runs a test suite when an extensionDevelopmentPath is given, so the VSIX target
// loads this folder as that path while the extension under test is the installed VSIX.
//
// Usage: node test/ui/buildExtHostTests.mjs   (or import { buildExtHostTests })
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SUITE_SRC = path.join(ROOT, 'test/ui/exthost');
export const SUITE_OUT = path.join(ROOT, 'out/ui-tests');
/** What extensionTestsPath points at. */
export const SUITE_INDEX = path.join(SUITE_OUT, 'index.js');

export async function buildExtHostTests() {
  const t0 = Date.now();
  fs.rmSync(SUITE_OUT, { recursive: true, force: true });
  const tests = fs.readdirSync(SUITE_SRC).filter((f) => f.endsWith('.test.ts')).sort();
  if (!tests.length) throw new Error(`no *.test.ts in ${SUITE_SRC}`);
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['index.ts', ...tests].map((f) => ({ in: path.join(SUITE_SRC, f), out: f.replace(/\.ts$/, '') })),
    outdir: SUITE_OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
    external: ['vscode', 'mocha'],
  });
  const manifest = {
    name: 'autograd-playground-ui-tests',
    displayName: 'Autograd Playground UI test harness',
    publisher: 'autograd-playground-tests',
    version: '0.0.0',
    private: true,
    engines: { vscode: '^1.95.0' },
  };
  fs.writeFileSync(path.join(SUITE_OUT, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  return { dir: SUITE_OUT, index: SUITE_INDEX, files: tests.length, ms: Date.now() - t0 };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await buildExtHostTests();
  console.log(`buildExtHostTests: ${r.files} test files bundled into ${path.relative(ROOT, r.dir)}/ in ${r.ms} ms`);
}
