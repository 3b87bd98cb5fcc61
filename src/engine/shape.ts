/**
 * Shape arithmetic with no tensor in sight: element counts, contiguous strides, broadcasting, dim
 * normalisation, view shape inference and stride computation, with PyTorch's error messages. Separate so that
 * kernels, ops and printing share one definition of each rule.
 */
import { indexError, runtimeError } from './errors';

export type Shape = readonly number[];

export function numelOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function contiguousStrides(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= Math.max(shape[i], 1);
  }
  return strides;
}

export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** PyTorch's broadcasting rule and its error text (tensors are named a and b as PyTorch names them). */
export function broadcastShapes(a: Shape, b: Shape): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = i < n - a.length ? 1 : a[i - (n - a.length)];
    const db = i < n - b.length ? 1 : b[i - (n - b.length)];
    if (da === db || db === 1) out[i] = da;
    else if (da === 1) out[i] = db;
    else {
      throw runtimeError(
        `The size of tensor a (${da}) must match the size of tensor b (${db}) at non-singleton dimension ${i}`,
      );
    }
  }
  return out;
}

/** Wraps a possibly negative dim into [0, ndim), with PyTorch's message (0-dim tensors accept -1 and 0). */
export function normalizeDim(dim: number, ndim: number): number {
  const n = Math.max(ndim, 1);
  if (dim < -n || dim >= n) {
    throw indexError(`Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${dim})`);
  }
  return dim < 0 ? dim + n : dim;
}

export function formatShapeList(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}

/** Resolves one `-1` in a requested view shape, or raises PyTorch's error when sizes do not agree. */
export function inferViewShape(requested: Shape, numel: number): number[] {
  const out = requested.slice();
  let infer = -1;
  let known = 1;
  for (let i = 0; i < out.length; i++) {
    if (out[i] === -1) {
      if (infer >= 0) throw runtimeError('only one dimension can be inferred');
      infer = i;
    } else if (out[i] < 0) {
      throw runtimeError(`invalid shape dimension ${out[i]}`);
    } else known *= out[i];
  }
  if (infer >= 0) {
    if (known === 0 || numel % known !== 0) {
      throw runtimeError(`shape '${formatShapeList(requested)}' is invalid for input of size ${numel}`);
    }
    out[infer] = numel / known;
  } else if (known !== numel) {
    throw runtimeError(`shape '${formatShapeList(requested)}' is invalid for input of size ${numel}`);
  }
  return out;
}

/**
 * Strides for viewing (shape, strides) as newShape without copying, or null when impossible
 * (a port of ATen's computeStride, so `view` accepts and rejects exactly what PyTorch does).
 */
export function computeViewStrides(oldShape: Shape, oldStrides: Shape, newShape: Shape): number[] | null {
  const numel = numelOf(oldShape);
  const newStrides = new Array<number>(newShape.length);
  if (oldShape.length === 0) {
    return newShape.map(() => 1);
  }
  if (numel === 0) {
    return contiguousStrides(newShape);
  }
  let viewD = newShape.length - 1;
  let chunkBaseStride = oldStrides[oldStrides.length - 1];
  let tensorNumel = 1;
  let viewNumel = 1;
  for (let tensorD = oldShape.length - 1; tensorD >= 0; tensorD--) {
    tensorNumel *= oldShape[tensorD];
    if (tensorD === 0 || (oldShape[tensorD - 1] !== 1 && oldStrides[tensorD - 1] !== tensorNumel * chunkBaseStride)) {
      while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] === 1)) {
        newStrides[viewD] = viewNumel * chunkBaseStride;
        viewNumel *= newShape[viewD];
        viewD--;
      }
      if (viewNumel !== tensorNumel) return null;
      if (tensorD > 0) {
        chunkBaseStride = oldStrides[tensorD - 1];
        tensorNumel = 1;
        viewNumel = 1;
      }
    }
  }
  if (viewD !== -1) return null;
  return newStrides;
}
