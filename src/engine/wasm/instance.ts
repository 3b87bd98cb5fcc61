/**
 * The engine's WebAssembly module (kernels compiled from ./assembly by scripts/wasm.mjs), instantiated
 * synchronously on first use. The bytes come from `__ENGINE_WASM__`, a base64 constant the build writes into
 * each bundle (and test/engineWasm.ts sets on globalThis for suites that load the engine from source). Without
 * it, or where the module does not validate (relaxed SIMD off: see runtime/host/wasmFeatures.ts), every caller
 * keeps its JavaScript loop, which computes the same numbers.
 */

declare const __ENGINE_WASM__: string | undefined;

/** The module's exports; pointers are byte offsets into `memory`. */
interface Exports {
  memory: WebAssembly.Memory;
  packF32(b: number, pack: number, k: number, n: number): void;
  packF64(b: number, pack: number, k: number, n: number): void;
  gemmF32Fma(a: number, pack: number, c: number, m: number, k: number, n: number): void;
  gemmF64(a: number, pack: number, c: number, m: number, k: number, n: number): void;
  gemvF32Double(a: number, v: number, out: number, m: number, k: number): void;
  gemvF64(a: number, v: number, out: number, m: number, k: number): void;
  maddF32(x: number, y: number, z: number): number;
  binaryF32(op: number, mode: number, x: number, y: number, out: number, n: number, s: number): void;
  binaryF64(op: number, mode: number, x: number, y: number, out: number, n: number, s: number): void;
  innerSumF32(p: number, size: number, scratch: number): number;
  innerSumF64(p: number, size: number, scratch: number): number;
  outerSumF32(p: number, stride: number, rows: number, cols: number, out: number, scratch: number): number;
  outerSumF64(p: number, stride: number, rows: number, cols: number, out: number, scratch: number): number;
  columnSumsF32(x: number, rows: number, cols: number, acc: number): void;
  columnSumsF64(x: number, rows: number, cols: number, acc: number): void;
  rowSumsF32(x: number, rows: number, len: number, acc: number): void;
  rowSumsF64(x: number, rows: number, len: number, acc: number): void;
  expF32(x: number, out: number, n: number): void;
  sigmoidF32(x: number, out: number, n: number): void;
  siluF32(x: number, out: number, n: number): void;
  tanhF32(x: number, out: number, n: number): void;
  reluF32(x: number, out: number, n: number): void;
  reluBackwardF32(g: number, s: number, out: number, n: number): void;
  col2imF32(
    cols: number, ld: number, channels: number, h: number, w: number, gh: number, gw: number,
    kh: number, kw: number, ph: number, pw: number, dh: number, dw: number, acc: number,
  ): void;
  addRowBiasF32(c: number, ld: number, rows: number, len: number, bias: number): void;
  maxPool2x2F32(x: number, out: number, idx: number, planes: number, h: number, w: number, oh: number, ow: number): void;
}

export interface EngineWasm {
  readonly exports: Exports;
  /** Whether f32x4.relaxed_madd rounds once (x86 with FMA3, ARM): only then may float32 matmul use it. */
  readonly fusedMadd: boolean;
  /** The start of the scratch area (the module keeps no data of its own above it). */
  readonly base: number;
  /** Grows memory so that [base, base + bytes) exists; views of `exports.memory.buffer` made before are stale. */
  reserve(bytes: number): void;
}

/** Page 0 is the module's own (AssemblyScript's static data); callers' operands start at page 1. */
const SCRATCH_BASE = 65536;
/**
 * The most scratch memory a kernel call may ask for (a module's memory never shrinks): larger operands go
 * through in chunks, or stay in JavaScript where they cannot be cut.
 */
const MAX_SCRATCH = 64 * 2 ** 20;
let scratchLimit = MAX_SCRATCH;

/** The scratch bytes a kernel call may use (MAX_SCRATCH, or less inside withScratchLimit). */
export function maxScratch(): number {
  return scratchLimit;
}
const PAGE = 65536;

let loaded: EngineWasm | null | undefined;
let disabled = false;

function decodeBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function instantiate(): EngineWasm | null {
  const b64 = typeof __ENGINE_WASM__ === 'string' ? __ENGINE_WASM__ : undefined;
  if (!b64 || typeof WebAssembly !== 'object') return null;
  try {
    const bytes = decodeBase64(b64);
    if (!WebAssembly.validate(bytes)) return null;
    const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports as unknown as Exports;
    // 1 + 2⁻²³ squared is 1 + 2⁻²² + 2⁻⁴⁶: adding -(1 + 2⁻²²) leaves 2⁻⁴⁶ when fused and 0 when rounded first.
    const x = 1 + 2 ** -23;
    const fusedMadd = exports.maddF32(x, x, -(1 + 2 ** -22)) === 2 ** -46;
    const memory = exports.memory;
    return {
      exports,
      fusedMadd,
      base: SCRATCH_BASE,
      reserve(bytes: number): void {
        const need = SCRATCH_BASE + bytes;
        const have = memory.buffer.byteLength;
        if (need > have) memory.grow(Math.ceil((need - have) / PAGE));
      },
    };
  } catch {
    return null;
  }
}

/** The instantiated module, or null where the engine runs its JavaScript kernels. */
export function engineWasm(): EngineWasm | null {
  if (disabled) return null;
  if (loaded === undefined) loaded = instantiate();
  return loaded;
}

/** Runs `f` with the WebAssembly kernels turned off: how tests compare them with the JavaScript loops. */
export function withoutWasm<T>(f: () => T): T {
  const was = disabled;
  disabled = true;
  try {
    return f();
  } finally {
    disabled = was;
  }
}

/** Runs `f` with kernels limited to `bytes` of scratch memory: how tests reach the chunked paths on small data. */
export function withScratchLimit<T>(bytes: number, f: () => T): T {
  const was = scratchLimit;
  scratchLimit = bytes;
  try {
    return f();
  } finally {
    scratchLimit = was;
  }
}
