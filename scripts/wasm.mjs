// Compiles the engine's WebAssembly kernels (src/engine/wasm/assembly/*.ts, AssemblyScript) into
// dist/engine.wasm. The build embeds its bytes into each bundle; mocha's setup (test/engineWasm.ts) reads the
// file for suites that load the engine from source. The binary is never committed: this rebuilds it, and
// skips the compiler when the sources, the flags and AssemblyScript's version are those of the last build.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** SIMD128 with relaxed SIMD (f32x4.relaxed_madd for float32 matmul); no GC runtime, no imports. */
const FLAGS = ['--enable', 'simd', '--enable', 'relaxed-simd', '-O3', '--noAssert', '--runtime', 'stub', '--use', 'abort=', '--initialMemory', '2'];

export async function buildEngineWasm(root, dist) {
  const dir = join(root, 'src', 'engine', 'wasm', 'assembly');
  const sources = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort().map((f) => join(dir, f));
  const version = require('assemblyscript/package.json').version;
  const hash = createHash('sha256');
  hash.update(`${version}\n${FLAGS.join(' ')}\n`);
  for (const file of sources) hash.update(`${file}\n${readFileSync(file, 'utf8')}\n`);
  const digest = hash.digest('hex');
  const out = join(dist, 'engine.wasm');
  const stamp = join(dist, 'engine.wasm.sha256');
  if (existsSync(out) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return { bytes: readFileSync(out), compiled: false };
  const { default: asc } = await import('assemblyscript/asc');
  const { error, stderr } = await asc.main([...sources, ...FLAGS, '-o', out]);
  if (error) throw new Error(`AssemblyScript: ${error.message}\n${stderr.toString()}`);
  writeFileSync(stamp, digest);
  return { bytes: readFileSync(out), compiled: true };
}
