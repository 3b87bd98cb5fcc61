/**
 * The four dtypes, their storage arrays, type promotion and the value conversion a store performs. Kept apart
 * because every layer (storage, kernels, ops, printing) needs these rules and they must agree everywhere.
 */
/** The dtypes the engine supports, named as PyTorch names them (without the `torch.` prefix). */
export type DType = 'float32' | 'float64' | 'int64' | 'bool';

/**
 * Element storage per dtype. int64 lives in a Float64Array: exact for |x| < 2**53, which covers every
 * index, count and label a training script produces, and keeps arithmetic on plain JS numbers.
 */
export type StorageArray = Float32Array | Float64Array | Uint8Array;

export function allocate(dtype: DType, n: number): StorageArray {
  switch (dtype) {
    case 'float32': return new Float32Array(n);
    case 'float64': return new Float64Array(n);
    case 'int64': return new Float64Array(n);
    case 'bool': return new Uint8Array(n);
  }
}

export function isFloating(dtype: DType): boolean {
  return dtype === 'float32' || dtype === 'float64';
}

/** Bytes per element as PyTorch counts them (used for memory limits and `element_size()`). */
export function itemSize(dtype: DType): number {
  return dtype === 'bool' ? 1 : dtype === 'float32' ? 4 : 8;
}

/** Category order used by type promotion: bool < integral < floating. */
export function category(dtype: DType): number {
  return dtype === 'bool' ? 0 : dtype === 'int64' ? 1 : 2;
}

/** Promotion between two dtypes of tensors that take part as full participants. */
export function promoteTypes(a: DType, b: DType): DType {
  if (a === b) return a;
  const ca = category(a);
  const cb = category(b);
  if (ca !== cb) return ca > cb ? a : b;
  // Same category, different dtype: only floats can differ here.
  return 'float64';
}

/** Converts a JS number into what a store into `dtype` keeps (truncation toward zero for int64, like C casts). */
export function castValue(dtype: DType, v: number): number {
  switch (dtype) {
    case 'float32': return Math.fround(v);
    case 'float64': return v;
    // NaN and ±inf become INT64_MIN, as the x86 conversion PyTorch uses produces.
    case 'int64': return Number.isFinite(v) ? Math.trunc(v) : -9223372036854775808;
    case 'bool': return v !== 0 ? 1 : 0;
  }
}

export const DEFAULT_FLOAT: DType = 'float32';
