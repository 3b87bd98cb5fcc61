/**
 * Relaxed SIMD for the engine's WebAssembly kernels (src/engine/wasm/): on by default from V8 11.4 (VS Code
 * 1.95's Electron has it), behind `--experimental-wasm-relaxed-simd` in Node 20. V8 reads the flag when it
 * compiles a module, so setting it at start-up, before the engine's first matmul, is enough; it is set only
 * where a relaxed instruction does not validate. Without it the engine keeps its JavaScript kernels.
 */
import { setFlagsFromString } from 'node:v8';

/** (func (param v128 v128 v128) (result v128) local.get 0 local.get 1 local.get 2 f32x4.relaxed_madd) */
const RELAXED_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x08, 0x01, 0x60, 0x03, 0x7b, 0x7b, 0x7b, 0x01, 0x7b,
  0x03, 0x02, 0x01, 0x00,
  0x0a, 0x0d, 0x01, 0x0b, 0x00, 0x20, 0x00, 0x20, 0x01, 0x20, 0x02, 0xfd, 0x85, 0x02, 0x0b,
]);

export function enableRelaxedSimd(): void {
  if (typeof WebAssembly !== 'object' || WebAssembly.validate(RELAXED_PROBE)) return;
  try {
    setFlagsFromString('--experimental-wasm-relaxed-simd');
  } catch {
    // A runtime that refuses the flag keeps the JavaScript kernels.
  }
}
