/**
 * Mocha's setup (.mocharc.json `require`): suites that load the engine from source get the WebAssembly
 * kernels the bundles embed. It hands the engine dist/engine.wasm (built by `node scripts/build.mjs`, which
 * `npm test` runs first) as the global the build would have defined, and turns relaxed SIMD on as the worker
 * does. Without dist/engine.wasm the engine runs its JavaScript kernels.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { enableRelaxedSimd } from '../src/runtime/host/wasmFeatures';
import { repoRoot } from './paths';

const file = join(repoRoot, 'dist', 'engine.wasm');
if (existsSync(file)) {
  enableRelaxedSimd();
  (globalThis as { __ENGINE_WASM__?: string }).__ENGINE_WASM__ = readFileSync(file).toString('base64');
}
