/**
 * Views and shape ops (`view`/`reshape`, `transpose`/`permute`, `squeeze`/`unsqueeze`, `expand`, `select`,
 * `slice`, `narrow`, `detach`, and the copying `cat`/`stack`/`split`/`chunk`/`repeat`). A view shares its base's
 * storage and version counter, which is what lets an in-place write through it reach autograd's checks.
 */
import { record } from '../graph';
import { DType, promoteTypes } from '../dtype';
import { indexError, runtimeError } from '../errors';
import { copyInto } from '../kernels';
import { computeViewStrides, contiguousStrides, formatShapeList, inferViewShape, normalizeDim, numelOf, sameShape, Shape } from '../shape';
import { emptyTensor, Tensor } from '../tensor';
import { cast, clone } from './elementwise';
import { sumToShape } from './reduce';

/** A tensor sharing `t`'s storage and version counter with new geometry. */
export function viewOf(t: Tensor, shape: Shape, strides: Shape, offset: number): Tensor {
  const v = new Tensor(t.data, shape.slice(), strides.slice(), offset, t.dtype, t.version);
  v.base = t.base ?? t;
  v.historyVersion = v.base.historyVersion;
  return v;
}

export function view(t: Tensor, shape: Shape): Tensor {
  const target = inferViewShape(shape, t.numel);
  const strides = computeViewStrides(t.shape, t.strides, target);
  if (!strides) {
    throw runtimeError(
      "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.",
    );
  }
  const inShape = t.shape.slice();
  return record('ViewBackward0', viewOf(t, target, strides, t.offset), [t], [], (g) => [reshape(g, inShape)]);
}

/** A view recorded as UnsafeViewBackward0: what PyTorch shows for results it reshapes internally (matmul folding). */
export function unsafeView(t: Tensor, shape: Shape): Tensor {
  const target = inferViewShape(shape, t.numel);
  const strides = computeViewStrides(t.shape, t.strides, target) ?? contiguousStrides(target);
  const src = strides === null ? contiguous(t) : t;
  const inShape = t.shape.slice();
  return record('UnsafeViewBackward0', viewOf(src, target, strides, src.offset), [t], [], (g) => [reshape(g, inShape)]);
}

export function reshape(t: Tensor, shape: Shape): Tensor {
  const target = inferViewShape(shape, t.numel);
  const strides = computeViewStrides(t.shape, t.strides, target);
  if (strides) return view(t, target);
  const inShape = t.shape.slice();
  const copy = clone(t);
  const out = viewOf(copy, target, contiguousStrides(target), 0);
  out.base = null;
  return record('UnsafeViewBackward0', out, [copy], [], (g) => [reshape(g, inShape)]);
}

export function flatten(t: Tensor, startDim = 0, endDim = -1): Tensor {
  if (t.ndim === 0) return reshape(t, [1]);
  const s = normalizeDim(startDim, t.ndim);
  const e = normalizeDim(endDim, t.ndim);
  if (s > e) throw runtimeError('flatten() has invalid args: start_dim cannot come after end_dim');
  if (s === e) return t;
  const shape = [...t.shape.slice(0, s), numelOf(t.shape.slice(s, e + 1)), ...t.shape.slice(e + 1)];
  return reshape(t, shape);
}

export function unflatten(t: Tensor, dim: number, sizes: Shape): Tensor {
  const d = normalizeDim(dim, t.ndim);
  const known = sizes.reduce((p, s) => (s === -1 ? p : p * s), 1);
  const n = t.shape[d];
  if (sizes.filter((s) => s === -1).length <= 1 && !(sizes.includes(-1) ? known !== 0 && n % known === 0 : known === n)) {
    throw runtimeError(`unflatten: Provided sizes [${sizes.join(', ')}] don't multiply up to the size of dim ${d} (${n}) in the input tensor`);
  }
  const inner = inferViewShape(sizes, n);
  return view(t, [...t.shape.slice(0, d), ...inner, ...t.shape.slice(d + 1)]);
}

export function transpose(t: Tensor, d0: number, d1: number, name = 'TransposeBackward0'): Tensor {
  const a = normalizeDim(d0, t.ndim);
  const b = normalizeDim(d1, t.ndim);
  const shape = t.shape.slice();
  const strides = t.strides.slice();
  if (t.ndim > 0) {
    [shape[a], shape[b]] = [shape[b], shape[a]];
    [strides[a], strides[b]] = [strides[b], strides[a]];
  }
  return record(name, viewOf(t, shape, strides, t.offset), [t], [], (g) => [transpose(g, a, b, name)]);
}

export function t2d(t: Tensor): Tensor {
  if (t.ndim > 2) throw runtimeError(`t() expects a tensor with <= 2 dimensions, but self is ${t.ndim}D`);
  if (t.ndim < 2) return record('TBackward0', viewOf(t, t.shape, t.strides, t.offset), [t], [], (g) => [g]);
  return transpose(t, 0, 1, 'TBackward0');
}

export function permute(t: Tensor, dims: readonly number[]): Tensor {
  if (dims.length !== t.ndim) {
    throw runtimeError(`permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = ${t.ndim} is not equal to len(dims) = ${dims.length}`);
  }
  const d = dims.map((x) => normalizeDim(x, t.ndim));
  if (new Set(d).size !== d.length) throw runtimeError('permute(): duplicate dims are not allowed.');
  const out = viewOf(t, d.map((i) => t.shape[i]), d.map((i) => t.strides[i]), t.offset);
  const inverse = new Array<number>(d.length);
  d.forEach((src, i) => (inverse[src] = i));
  return record('PermuteBackward0', out, [t], [], (g) => [permute(g, inverse)]);
}

/** `.T`: reverses all dimensions (PyTorch implements it with permute; a 0-dim tensor gets an alias). */
export function numpyT(t: Tensor): Tensor {
  if (t.ndim === 0) return alias(t);
  return permute(t, t.shape.map((_, i) => t.ndim - 1 - i));
}

export function unsqueeze(t: Tensor, dim: number): Tensor {
  const d = normalizeDim(dim, t.ndim + 1);
  const shape = t.shape.slice();
  const strides = t.strides.slice();
  const st = d < t.ndim ? t.shape[d] * t.strides[d] : 1;
  shape.splice(d, 0, 1);
  strides.splice(d, 0, st);
  return record('UnsqueezeBackward0', viewOf(t, shape, strides, t.offset), [t], [], (g) => [squeezeDims(g, [d], 'SqueezeBackward1')]);
}

export function squeeze(t: Tensor, dim?: number | readonly number[] | null, name?: string): Tensor {
  if (dim === undefined || dim === null) {
    const dims = t.shape.map((s, i) => (s === 1 ? i : -1)).filter((i) => i >= 0);
    return squeezeDims(t, dims, 'SqueezeBackward0');
  }
  const list = typeof dim === 'number' ? [dim] : dim;
  const dims = list.map((d) => normalizeDim(d, t.ndim)).filter((d) => t.ndim > 0 && t.shape[d] === 1);
  return squeezeDims(t, dims, name ?? (typeof dim === 'number' ? 'SqueezeBackward1' : 'SqueezeBackward2'));
}

function squeezeDims(t: Tensor, dims: number[], name: string): Tensor {
  const drop = new Set(dims);
  const shape = t.shape.filter((_, i) => !drop.has(i));
  const strides = t.strides.filter((_, i) => !drop.has(i));
  const inShape = t.shape.slice();
  return record(name, viewOf(t, shape, strides, t.offset), [t], [], (g) => [reshape(g, inShape)]);
}

export function expand(t: Tensor, sizes: Shape): Tensor {
  if (sizes.length < t.ndim) {
    throw runtimeError(
      `expand(torch.FloatTensor{[${t.shape.join(', ')}]}, size=[${sizes.join(', ')}]): the number of sizes provided (${sizes.length}) must be greater or equal to the number of dimensions in the tensor (${t.ndim})`,
    );
  }
  const lead = sizes.length - t.ndim;
  const shape: number[] = [];
  const strides: number[] = [];
  for (let i = 0; i < sizes.length; i++) {
    const j = i - lead;
    const cur = j >= 0 ? t.shape[j] : 1;
    let want = sizes[i];
    if (want === -1) {
      if (j < 0) throw runtimeError(`The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension ${i}`);
      want = cur;
    }
    if (cur !== want && cur !== 1) {
      throw runtimeError(
        `The expanded size of the tensor (${want}) must match the existing size (${cur}) at non-singleton dimension ${i}.  Target sizes: [${sizes.join(', ')}].  Tensor sizes: [${t.shape.join(', ')}]`,
      );
    }
    shape.push(want);
    strides.push(j < 0 || (cur === 1 && want !== 1) ? 0 : t.strides[j]);
  }
  const inShape = t.shape.slice();
  return record('ExpandBackward0', viewOf(t, shape, strides, t.offset), [t], [], (g) => [sumToShape(g, inShape)]);
}

export function expandAs(t: Tensor, other: Tensor): Tensor {
  return expand(t, other.shape);
}

/** Puts `g` into a zero tensor of `shape` through `place` (the view the forward op took); used by backward of select/slice. */
function embed(g: Tensor, shape: Shape, place: (t: Tensor) => Tensor, name: string): Tensor {
  const out = emptyTensor(shape, g.dtype);
  copyInto(place(out), g);
  return record(name, out, [g], [], (gg) => [place(gg)]);
}

export function select(t: Tensor, dim: number, index: number): Tensor {
  if (t.ndim === 0) throw indexError('select() cannot be applied to a 0-dim tensor.');
  const d = normalizeDim(dim, t.ndim);
  const size = t.shape[d];
  if (index < -size || index >= size) {
    throw indexError(`index ${index} is out of bounds for dimension ${d} with size ${size}`);
  }
  const i = index < 0 ? index + size : index;
  const shape = t.shape.filter((_, k) => k !== d);
  const strides = t.strides.filter((_, k) => k !== d);
  const inShape = t.shape.slice();
  const out = viewOf(t, shape, strides, t.offset + i * t.strides[d]);
  return record('SelectBackward0', out, [t], [], (g) => [embed(g, inShape, (z) => select(z, d, i), 'SelectBackwardBackward0')]);
}

/** `torch.diagonal(t, offset, dim1, dim2)`: a view whose last dimension walks the chosen diagonal. */
export function diagonal(t: Tensor, offset = 0, dim1 = 0, dim2 = 1): Tensor {
  const d1 = normalizeDim(dim1, t.ndim);
  const d2 = normalizeDim(dim2, t.ndim);
  if (d1 === d2) throw runtimeError(`diagonal dimensions cannot be identical ${dim1}, ${dim2}`);
  let start = t.offset;
  let len: number;
  if (offset >= 0) {
    len = Math.max(Math.min(t.shape[d1], t.shape[d2] - offset), 0);
    if (len > 0) start += offset * t.strides[d2];
  } else {
    len = Math.max(Math.min(t.shape[d1] + offset, t.shape[d2]), 0);
    if (len > 0) start -= offset * t.strides[d1];
  }
  const shape: number[] = [];
  const strides: number[] = [];
  t.shape.forEach((n, k) => {
    if (k !== d1 && k !== d2) {
      shape.push(n);
      strides.push(t.strides[k]);
    }
  });
  shape.push(len);
  strides.push(t.strides[d1] + t.strides[d2]);
  const inShape = t.shape.slice();
  const out = viewOf(t, shape, strides, start);
  return record('DiagonalBackward0', out, [t], [], (g) => [
    embed(g, inShape, (z) => diagonal(z, offset, d1, d2), 'DiagonalBackwardBackward0'),
  ]);
}

/** `torch.flip(t, dims)`: a reversed copy (PyTorch copies too), its own inverse for the gradient. */
export function flip(t: Tensor, dims: readonly number[]): Tensor {
  const ds = dims.map((d) => normalizeDim(d, t.ndim));
  const seen = new Set<number>();
  for (const d of ds) {
    if (seen.has(d)) throw runtimeError(`dim ${d} appears multiple times in the list of dims`);
    seen.add(d);
  }
  let offset = t.offset;
  const strides = t.strides.slice();
  for (const d of ds) {
    if (t.shape[d] > 0) offset += (t.shape[d] - 1) * t.strides[d];
    strides[d] = -strides[d];
  }
  const reversed = new Tensor(t.data, t.shape.slice(), strides, offset, t.dtype, t.version);
  const out = emptyTensor(t.shape, t.dtype);
  copyInto(out, reversed);
  return record('FlipBackward0', out, [t], [], (g) => [flip(g, ds)]);
}

/** Python slice semantics clamped to the dimension, like PyTorch. */
export function slice(t: Tensor, dim: number, start: number | null, stop: number | null, step: number | null): Tensor {
  const d = normalizeDim(dim, t.ndim);
  const st = step ?? 1;
  if (st <= 0) throw runtimeError('slice step must be positive');
  const size = t.shape[d];
  let s = start ?? 0;
  let e = stop ?? size;
  if (s < 0) s += size;
  if (e < 0) e += size;
  s = Math.min(Math.max(s, 0), size);
  e = Math.min(Math.max(e, s), size);
  const len = Math.ceil((e - s) / st);
  const shape = t.shape.slice();
  const strides = t.strides.slice();
  shape[d] = len;
  strides[d] = t.strides[d] * st;
  const inShape = t.shape.slice();
  const out = viewOf(t, shape, strides, t.offset + s * t.strides[d]);
  return record('SliceBackward0', out, [t], [], (g) => [embed(g, inShape, (z) => slice(z, d, s, e, st), 'SliceBackwardBackward0')]);
}

export function narrow(t: Tensor, dim: number, start: number, length: number): Tensor {
  return slice(t, dim, start, start + length, 1);
}

export function alias(t: Tensor): Tensor {
  return record('AliasBackward0', viewOf(t, t.shape, t.strides, t.offset), [t], [], (g) => [g]);
}

export function contiguous(t: Tensor): Tensor {
  return t.isContiguous() ? t : clone(t);
}

/** `detach()`: same storage and version counter, no history. */
export function detach(t: Tensor): Tensor {
  return new Tensor(t.data, t.shape.slice(), t.strides.slice(), t.offset, t.dtype, t.version);
}

export function cat(tensors: readonly Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw runtimeError('torch.cat(): expected a non-empty list of Tensors');
  // Legacy rule: 1-D empty tensors are skipped.
  const parts = tensors.filter((t) => !(t.ndim === 1 && t.shape[0] === 0));
  const ref = parts[0] ?? tensors[0];
  tensors.forEach((t, i) => {
    if (t.ndim === 0) throw runtimeError(`zero-dimensional tensor (at position ${i}) cannot be concatenated`);
  });
  const d = normalizeDim(dim, ref.ndim);
  let dtype: DType = ref.dtype;
  for (const t of parts) dtype = promoteTypes(dtype, t.dtype);
  let total = 0;
  parts.forEach((t) => {
    if (t.ndim !== ref.ndim) {
      throw runtimeError(`Tensors must have same number of dimensions: got ${ref.ndim} and ${t.ndim}`);
    }
    for (let k = 0; k < ref.ndim; k++) {
      if (k !== d && t.shape[k] !== ref.shape[k]) {
        throw runtimeError(
          `Sizes of tensors must match except in dimension ${d}. Expected size ${ref.shape[k]} but got size ${t.shape[k]} for tensor number ${tensors.indexOf(t)} in the list.`,
        );
      }
    }
    total += t.shape[d];
  });
  const shape = ref.shape.slice();
  shape[d] = total;
  const out = emptyTensor(shape, dtype);
  let at = 0;
  const bounds: Array<[number, number]> = [];
  for (const t of parts) {
    const len = t.shape[d];
    const dst = viewOf(out, out.shape.map((s, k) => (k === d ? len : s)), out.strides, out.offset + at * out.strides[d]);
    copyInto(dst, t);
    bounds.push([at, len]);
    at += len;
  }
  return record('CatBackward0', out, parts, [], (g) => parts.map((t, i) => cast(narrow(g, d, bounds[i][0], bounds[i][1]), t.dtype)));
}

export function stack(tensors: readonly Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw runtimeError('stack expects a non-empty TensorList');
  const ref = tensors[0];
  tensors.forEach((t, i) => {
    if (!sameShape(t.shape, ref.shape)) {
      throw runtimeError(`stack expects each tensor to be equal size, but got ${formatShapeList(ref.shape)} at entry 0 and ${formatShapeList(t.shape)} at entry ${i}`);
    }
  });
  const d = normalizeDim(dim, ref.ndim + 1);
  const parts = tensors.map((t) => unsqueeze(t, d));
  const out = cat(parts, d);
  if (out.gradFn) {
    // Re-record as a single StackBackward0 node over the original inputs, as PyTorch shows it.
    out.gradFn = null;
    out.requiresGrad = false;
    return record('StackBackward0', out, tensors, [], (g) => tensors.map((t, i) => cast(select(g, d, i), t.dtype)));
  }
  return out;
}

export function unbind(t: Tensor, dim = 0): Tensor[] {
  const d = normalizeDim(dim, t.ndim);
  const out: Tensor[] = [];
  for (let i = 0; i < t.shape[d]; i++) out.push(select(t, d, i));
  return out;
}

export function split(t: Tensor, sizeOrSections: number | readonly number[], dim = 0): Tensor[] {
  const d = normalizeDim(dim, t.ndim);
  const size = t.shape[d];
  const sizes: number[] = [];
  if (typeof sizeOrSections === 'number') {
    for (let s = 0; s < size; s += sizeOrSections) sizes.push(Math.min(sizeOrSections, size - s));
    if (size === 0) sizes.push(0);
  } else {
    sizes.push(...sizeOrSections);
    const sum = sizes.reduce((a, b) => a + b, 0);
    if (sum !== size) {
      throw runtimeError(`split_with_sizes expects split_sizes to sum exactly to ${size} (input tensor's size at dimension ${d}), but got split_sizes=[${sizes.join(', ')}]`);
    }
  }
  const out: Tensor[] = [];
  let at = 0;
  for (const s of sizes) {
    out.push(narrow(t, d, at, s));
    at += s;
  }
  return out;
}

export function chunk(t: Tensor, chunks: number, dim = 0): Tensor[] {
  const d = normalizeDim(dim, t.ndim);
  const each = Math.ceil(t.shape[d] / chunks);
  return split(t, Math.max(each, 1), d);
}

export function repeat(t: Tensor, reps: Shape): Tensor {
  if (reps.length < t.ndim) {
    throw runtimeError('Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor');
  }
  const lead = reps.length - t.ndim;
  const padded = [...new Array<number>(lead).fill(1), ...t.shape];
  let x = reshape(t, padded);
  // Expand an inserted axis in front of each dim, then merge: the layout repeat produces.
  const withAxes: number[] = [];
  const expanded: number[] = [];
  padded.forEach((s, i) => {
    withAxes.push(1, s);
    expanded.push(reps[i], s);
  });
  x = expand(reshape(x, withAxes), expanded);
  return reshape(contiguous(x), padded.map((s, i) => s * reps[i]));
}
