/**
 * The dtypes, their storage arrays, type promotion and the value conversion a store performs. Kept apart
 * because every layer (storage, kernels, ops, printing) needs these rules and they must agree everywhere.
 */
import { roundToBFloat16, roundToHalf } from './halfPrecision';

/** The dtypes the engine supports, named as PyTorch names them (without the `torch.` prefix). */
export type DType = 'float16' | 'bfloat16' | 'float32' | 'float64' | 'int32' | 'int64' | 'bool';

/** The floating dtypes stored in a Float32Array: float32 itself and the two 16-bit formats. */
export type Float32Stored = 'float16' | 'bfloat16' | 'float32';

/**
 * Element storage per dtype. int64 lives in a Float64Array: exact for |x| < 2**53, which covers every
 * index, count and label a training script produces, and keeps arithmetic on plain JS numbers. int32 too, its
 * results wrapped to 32 bits after each kernel as C++'s int32 arithmetic wraps. float16 and
 * bfloat16 live in a Float32Array holding only values the 16-bit format can represent: PyTorch's CPU kernels
 * for them compute in float and round each result, which is what running the float32 kernels and rounding
 * their output reproduces.
 */
export type StorageArray = Float32Array | Float64Array | Uint8Array;

export function allocate(dtype: DType, n: number): StorageArray {
  switch (dtype) {
    case 'float16':
    case 'bfloat16':
    case 'float32': return new Float32Array(n);
    case 'float64': return new Float64Array(n);
    case 'int32':
    case 'int64': return new Float64Array(n);
    case 'bool': return new Uint8Array(n);
  }
}

export function isFloating(dtype: DType): boolean {
  return dtype === 'float32' || dtype === 'float64' || dtype === 'float16' || dtype === 'bfloat16';
}

/** float32, float16 and bfloat16: the dtypes whose kernels run in float32 (fround, float32 FMA chains). */
export function isFloat32Stored(dtype: DType): dtype is Float32Stored {
  return dtype === 'float32' || dtype === 'float16' || dtype === 'bfloat16';
}

/** float16 and bfloat16: their kernels' float32 results must be rounded again before they are stored. */
export function isReducedFloat(dtype: DType): dtype is 'float16' | 'bfloat16' {
  return dtype === 'float16' || dtype === 'bfloat16';
}

/** int32 and int64: stores truncate toward zero. */
export function isIntegral(dtype: DType): dtype is 'int32' | 'int64' {
  return dtype === 'int64' || dtype === 'int32';
}

/** Bytes per element as PyTorch counts them (used for memory limits and `element_size()`). */
export function itemSize(dtype: DType): number {
  switch (dtype) {
    case 'bool': return 1;
    case 'float16':
    case 'bfloat16': return 2;
    case 'int32':
    case 'float32': return 4;
    case 'float64':
    case 'int64': return 8;
  }
}

/** The scalar type names PyTorch's messages use ("expected scalar type Float but found Half"). */
export const SCALAR_TYPE_NAMES: Record<DType, string> = {
  float16: 'Half', bfloat16: 'BFloat16', float32: 'Float', float64: 'Double', int32: 'Int', int64: 'Long', bool: 'Bool',
};

/** The legacy tensor type names (`t.type()`, and messages such as embedding's index error). */
export const TENSOR_TYPE_NAMES: Record<DType, string> = {
  float16: 'torch.HalfTensor', bfloat16: 'torch.BFloat16Tensor', float32: 'torch.FloatTensor', float64: 'torch.DoubleTensor',
  int32: 'torch.IntTensor', int64: 'torch.LongTensor', bool: 'torch.BoolTensor',
};

/** Category order used by type promotion: bool < integral < floating. */
export function category(dtype: DType): number {
  return dtype === 'bool' ? 0 : dtype === 'int64' || dtype === 'int32' ? 1 : 2;
}

/** Promotion between two dtypes of tensors that take part as full participants. */
export function promoteTypes(a: DType, b: DType): DType {
  if (a === b) return a;
  const ca = category(a);
  const cb = category(b);
  if (ca !== cb) return ca > cb ? a : b;
  if (ca === 1) return 'int64';
  // Two different floats: float16 with bfloat16 meets at float32, as PyTorch's promotion table has it;
  // otherwise the wider format wins.
  if (a === 'float64' || b === 'float64') return 'float64';
  return 'float32';
}

/** Converts a JS number into what a store into `dtype` keeps (truncation toward zero for int64, like C casts). */
export function castValue(dtype: DType, v: number): number {
  switch (dtype) {
    case 'float16': return roundToHalf(v);
    case 'bfloat16': return roundToBFloat16(v);
    case 'float32': return Math.fround(v);
    case 'float64': return v;
    // NaN and ±inf become INT64_MIN, as the x86 conversion PyTorch uses produces.
    case 'int64': return Number.isFinite(v) ? Math.trunc(v) : -9223372036854775808;
    // An integer wraps to 32 bits (int64 to int32 keeps the low bits); a float out of range, NaN or ±inf gives
    // INT32_MIN, as x86's conversion does.
    case 'int32': return Number.isInteger(v) ? v | 0 : Number.isFinite(v) && Math.abs(v) < 2147483648 ? Math.trunc(v) | 0 : -2147483648;
    case 'bool': return v !== 0 ? 1 : 0;
  }
}

/**
 * Rounds freshly computed values of a float16/bfloat16 result (float32 values) or an int32 result (integers)
 * in place, a no-op for other dtypes: the one step that turns a float32 kernel's output into the 16-bit dtype's,
 * or an int64-style kernel's into int32's. Returns `data` for chaining.
 */
export function roundStored<T extends StorageArray>(dtype: DType, data: T): T {
  if (dtype === 'float16' || dtype === 'bfloat16' || dtype === 'int32') roundArray(dtype, data);
  return data;
}

function roundArray(dtype: 'float16' | 'bfloat16' | 'int32', data: StorageArray): void {
  const round = dtype === 'float16' ? roundToHalf : dtype === 'bfloat16' ? roundToBFloat16 : (v: number) => castValue('int32', v);
  for (let i = 0; i < data.length; i++) data[i] = round(data[i]);
}

export const DEFAULT_FLOAT: DType = 'float32';
