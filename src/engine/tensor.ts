/**
 * A tensor: a strided view over a flat typed array, with the autograd fields (requires_grad, grad, grad_fn,
 * hooks, version counter) that PyTorch keeps on it. It holds no math and no graph logic, so everything else in the
 * engine can depend on it without depending on each other; it only names graph.ts's `Node` as a type.
 */
import { allocate, castValue, DType, itemSize, StorageArray } from './dtype';
import { runtimeError } from './errors';
import { forEachRow } from './rows';
import { contiguousStrides, numelOf, Shape } from './shape';
import type { Node } from './graph';

/** Shared by a tensor, its views and `detach()`, so autograd can notice in-place writes to saved values. */
export class VersionCounter {
  value = 0;
}

export type GradHook = (grad: Tensor) => Tensor | null | undefined | void;

let nextTensorId = 1;

/**
 * A strided view over a flat storage array. Several tensors may share `data` (views, `.data`, `detach()`),
 * which is why writes always go through `data` in place and never replace it.
 */
export class Tensor {
  readonly id = nextTensorId++;
  requiresGrad = false;
  grad: Tensor | null = null;
  gradFn: Node | null = null;
  /** Which output of `gradFn` this tensor is (not 0 only for the later outputs of a custom Function). */
  outputNr = 0;
  retainsGrad = false;
  hooks: GradHook[] | null = null;
  /** The AccumulateGrad node of a leaf, created on first use so `next_functions` keeps one identity. */
  accumulator: Node | null = null;
  /** The tensor this one is a view of (for in-place writes through views that must reach autograd). */
  base: Tensor | null = null;
  /**
   * For a base: how many times an in-place write gave it new history. For a view: its base's count when the
   * view's history was made; a view behind its base gets its grad_fn made again (graph.ts, syncView).
   */
  historyVersion = 0;
  /** Source line that created the tensor, for leaves shown in the graph. */
  line: number | null = null;

  constructor(
    public data: StorageArray,
    public shape: number[],
    public strides: number[],
    public offset: number,
    public dtype: DType,
    public version: VersionCounter = new VersionCounter(),
  ) {}

  get ndim(): number {
    return this.shape.length;
  }

  get numel(): number {
    return numelOf(this.shape);
  }

  get isLeaf(): boolean {
    return this.gradFn === null;
  }

  isContiguous(): boolean {
    let expected = 1;
    for (let i = this.shape.length - 1; i >= 0; i--) {
      if (this.shape[i] !== 1 && this.strides[i] !== expected) return false;
      expected *= this.shape[i];
    }
    return true;
  }

  /** Reads one element by flat row-major index (slow path; used for printing and scalars). */
  getFlat(i: number): number {
    if (this.isContiguous()) return this.data[this.offset + i];
    let pos = this.offset;
    for (let d = this.shape.length - 1; d >= 0; d--) {
      const size = this.shape[d];
      pos += (i % size) * this.strides[d];
      i = Math.floor(i / size);
    }
    return this.data[pos];
  }

  /** Storage positions of all elements in row-major order. */
  positions(): Int32Array | null {
    if (this.isContiguous()) return null;
    const out = new Int32Array(this.numel);
    forEachRow(this.shape, this.strides, this.offset, (p, i, len, step) => {
      for (let k = 0; k < len; k++, p += step) out[i + k] = p;
    });
    return out;
  }

  /** A contiguous copy of the values (or the storage slice itself when already contiguous and `share`). */
  values(share = false): StorageArray {
    const n = this.numel;
    if (this.isContiguous()) {
      const sub = this.data.subarray(this.offset, this.offset + n);
      return share ? sub : sub.slice();
    }
    const out = allocate(this.dtype, n);
    const src = this.data;
    if (this.shape.length === 2 && this.strides[0] === 1) {
      transposedCopy(out, src, this.offset, this.shape[0], this.shape[1], this.strides[1]);
      return out;
    }
    forEachRow(this.shape, this.strides, this.offset, (p, i, len, step) => {
      for (let k = 0; k < len; k++, p += step) out[i + k] = src[p];
    });
    return out;
  }

  toNumberArray(): number[] {
    return Array.from(this.values(true));
  }

  item(): number {
    if (this.numel !== 1) {
      throw runtimeError(`a Tensor with ${this.numel} elements cannot be converted to Scalar`);
    }
    return this.data[this.offset];
  }

  bumpVersion(): void {
    this.version.value++;
  }
}

/** Tile edge of transposedCopy: a tile of the source and of the result both stay in L1. */
const TILE = 32;

/**
 * out (rows × cols, row-major) from a matrix stored column by column (element (i, j) at off + i + j·colStride):
 * a transpose's values, tile by tile, so that neither side is walked a whole column at a time.
 */
export function transposedCopy(out: StorageArray, src: StorageArray, off: number, rows: number, cols: number, colStride: number): void {
  for (let i0 = 0; i0 < rows; i0 += TILE) {
    const i1 = Math.min(rows, i0 + TILE);
    for (let j0 = 0; j0 < cols; j0 += TILE) {
      const j1 = Math.min(cols, j0 + TILE);
      for (let j = j0; j < j1; j++) {
        const base = off + j * colStride;
        for (let i = i0; i < i1; i++) out[i * cols + j] = src[base + i];
      }
    }
  }
}

export function makeTensor(data: StorageArray, shape: Shape, dtype: DType): Tensor {
  return new Tensor(data, shape.slice(), contiguousStrides(shape), 0, dtype);
}

/** A tensor that shares storage and version counter with `t` but has no autograd history. */
export function aliasOf(t: Tensor, shape: Shape, strides: Shape, offset: number): Tensor {
  return new Tensor(t.data, shape.slice(), strides.slice(), offset, t.dtype, t.version);
}

/** Largest tensor (1 GiB of float32) a script may allocate: past it PyTorch-style "not enough memory", not a crashed worker. */
export const MAX_ELEMENTS = 2 ** 28;

export function allocateChecked(dtype: DType, shape: Shape): StorageArray {
  const n = numelOf(shape);
  if (n > MAX_ELEMENTS || !Number.isFinite(n)) {
    const bytes = n * itemSize(dtype);
    throw runtimeError(
      `[enforce fail at alloc_cpu.cpp:117] data. DefaultCPUAllocator: not enough memory: you tried to allocate ${bytes} bytes.`,
    );
  }
  return allocate(dtype, n);
}

export function emptyTensor(shape: Shape, dtype: DType): Tensor {
  return makeTensor(allocateChecked(dtype, shape), shape, dtype);
}

export function fullTensor(shape: Shape, value: number, dtype: DType): Tensor {
  const t = emptyTensor(shape, dtype);
  const v = castValue(dtype, value);
  if (v !== 0) t.data.fill(v);
  return t;
}

export function scalarTensor(value: number, dtype: DType): Tensor {
  return fullTensor([], value, dtype);
}
