/**
 * What an op accepts besides a tensor: Python numbers (an `IntScalar` keeps `2` apart from `2.0`) and bools,
 * with PyTorch's result-type rules for mixing them with tensors (a Python scalar or 0-dim tensor does not widen
 * a dimensioned tensor of the same category). Separate because every op family promotes its operands this way.
 */
import { DType, isFloating, promoteTypes } from '../dtype';
import { Tensor, scalarTensor } from '../tensor';

/** A Python int operand (JS numbers alone cannot tell `2` from `2.0`, which matters for integer tensors). */
export class IntScalar {
  constructor(public readonly value: number) {}
}

export type Scalar = number | boolean | IntScalar;
export type Operand = Tensor | Scalar;

export function scalarValue(s: Scalar): number {
  return s instanceof IntScalar ? s.value : typeof s === 'boolean' ? (s ? 1 : 0) : s;
}

function scalarDType(s: Scalar): DType {
  return s instanceof IntScalar ? 'int64' : typeof s === 'boolean' ? 'bool' : 'float32';
}

function promoteOpt(a: DType | null, b: DType): DType {
  return a === null ? b : promoteTypes(a, b);
}

function isFloat(d: DType | null): boolean {
  return d !== null && isFloating(d);
}

/** PyTorch's result_type: dimensioned tensors outrank 0-dim tensors, which outrank Python scalars, unless a lower group is of a higher category. */
export function resultType(...xs: Operand[]): DType {
  let dimR: DType | null = null;
  let zeroR: DType | null = null;
  let wrapR: DType | null = null;
  for (const x of xs) {
    if (x instanceof Tensor) {
      if (x.shape.length > 0) dimR = promoteOpt(dimR, x.dtype);
      else zeroR = promoteOpt(zeroR, x.dtype);
    } else {
      wrapR = promoteOpt(wrapR, scalarDType(x));
    }
  }
  return combine(dimR, combine(zeroR, wrapR))!;
}

function combine(higher: DType | null, lower: DType | null): DType | null {
  if (higher === null) return lower;
  if (lower === null) return higher;
  if (isFloat(higher)) return higher;
  if (higher === 'bool' || isFloat(lower)) return promoteTypes(higher, lower);
  return higher;
}

export function asTensor(x: Operand, dtype: DType): Tensor {
  return x instanceof Tensor ? x : scalarTensor(scalarValue(x), dtype);
}
