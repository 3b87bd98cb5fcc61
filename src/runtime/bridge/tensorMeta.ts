/**
 * A tensor's attributes and the Tensor methods that are not ops (they record no graph node, so they bypass
 * `call`): shape and storage, autograd flags and hooks, values out to Python, `.data` in and out.
 */
import { isFloating } from '../../engine/dtype';
import { TorchError } from '../../engine/errors';
import { syncView } from '../../engine/graph';
import * as IP from '../../engine/ops/inplace';
import * as V from '../../engine/ops/views';
import { contiguousStrides, numelOf } from '../../engine/shape';
import { allocateChecked, GradHook, Tensor } from '../../engine/tensor';

export const tensorMeta = {
  shape: (t: Tensor) => t.shape,
  stride: (t: Tensor) => t.strides,
  storage_offset: (t: Tensor) => t.offset,
  dtype: (t: Tensor) => t.dtype,
  numel: (t: Tensor) => t.numel,
  is_contiguous: (t: Tensor) => t.isContiguous(),
  requires_grad: (t: Tensor) => {
    syncView(t);
    return t.requiresGrad;
  },
  set_requires_grad: (t: Tensor, v: boolean) => {
    if (v && !isFloating(t.dtype)) {
      throw new TorchError('RuntimeError', 'Only Tensors of floating point and complex dtype can require gradients');
    }
    if (!t.isLeaf) {
      if (!v) {
        throw new TorchError('RuntimeError', "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().");
      }
      return;
    }
    t.requiresGrad = v;
  },
  is_leaf: (t: Tensor) => {
    syncView(t);
    return t.isLeaf;
  },
  // Pyodide turns JS null into `jsnull`, not None; undefined becomes None.
  grad: (t: Tensor) => t.grad ?? undefined,
  set_grad: (t: Tensor, g: Tensor | null) => {
    t.grad = g ?? null;
  },
  // A view whose base got new history through another view is brought up to date when looked at, as in PyTorch.
  grad_fn: (t: Tensor) => {
    syncView(t);
    return t.gradFn ?? undefined;
  },
  set_line: (t: Tensor, line: number) => {
    t.line = line >= 0 ? line : null;
  },
  version: (t: Tensor) => t.version.value,
  /** `Tensor._base`: the tensor a view looks into. */
  view_base: (t: Tensor) => t.base ?? undefined,
  tensor_id: (t: Tensor) => t.id,
  item: (t: Tensor) => t.item(),
  /**
   * `Tensor.item()` in one crossing, typed by the value itself so Python needs no dtype read: a float dtype's
   * value as a number (Python float() it, since an integral number arrives as an int), a bool as a boolean, an
   * integer dtype's as decimal digits (exact whatever the magnitude).
   */
  item_typed: (t: Tensor): number | boolean | string => {
    const v = t.item();
    if (t.dtype === 'bool') return v !== 0;
    return isFloating(t.dtype) ? v : BigInt(v).toString();
  },
  /**
   * The values in row-major order as one Float64Array: Python reads it as a buffer in one crossing
   * (`.to_py().tolist()`), where a JS array would cross once per element. NaN and ±Infinity survive as floats.
   */
  tolist_flat: (t: Tensor): Float64Array => Float64Array.from(t.values(true)),
  /** A new tensor over the same storage, without history: `.data`, `.numpy()`, `torch.from_numpy`, `ndarray.view()`. */
  data_of: (t: Tensor) => new Tensor(t.data, t.shape.slice(), t.strides.slice(), t.offset, t.dtype),
  set_data: (t: Tensor, src: Tensor) => {
    t.data = src.data;
    t.shape = src.shape.slice();
    t.strides = src.strides.slice();
    t.offset = src.offset;
    t.dtype = src.dtype;
  },
  /**
   * Tensor.resize_, and an out= tensor of another shape: contiguous strides over the same storage when it holds
   * enough elements past the offset, as PyTorch does; otherwise a larger storage that starts with the old one.
   * Views taken before such a reallocation keep the old storage (PyTorch's share a storage object it reallocates).
   */
  resize_: (t: Tensor, ...shape: number[]) => {
    const need = t.offset + numelOf(shape);
    if (need > t.data.length) {
      const data = allocateChecked(t.dtype, [need]);
      data.set(t.data);
      t.data = data;
    }
    t.shape = shape;
    t.strides = contiguousStrides(shape);
  },
  overwrite: (t: Tensor, values: ArrayLike<number>) => IP.overwrite(t, values),
  detach: V.detach,
  detach_: (t: Tensor) => {
    t.gradFn = null;
    t.outputNr = 0;
    t.requiresGrad = false;
    return t;
  },
  retain_grad: (t: Tensor) => {
    if (!t.requiresGrad) throw new TorchError('RuntimeError', "can't retain_grad on Tensor that has requires_grad=False");
    if (t.gradFn) t.gradFn.slot(t.outputNr).retainedOutput = t;
  },
  retains_grad: (t: Tensor) => !!t.gradFn && t.gradFn.slot(t.outputNr).retainedOutput === t,
  register_hook: (t: Tensor, hook: (g: Tensor) => Tensor | null | undefined) => {
    if (!t.requiresGrad) throw new TorchError('RuntimeError', "cannot register a hook on a tensor that doesn't require gradient");
    let list: GradHook[];
    if (t.gradFn) {
      const slot = t.gradFn.slot(t.outputNr);
      list = slot.preHooks ??= [];
    } else list = t.hooks ??= [];
    list.push(hook);
    return () => {
      const i = list.indexOf(hook);
      if (i >= 0) list.splice(i, 1);
    };
  },
};
