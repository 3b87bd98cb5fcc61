/**
 * In-place ops (`add_`, `copy_`, `fill_`, `zero_`, ...): the leaf and view checks PyTorch makes, version bumps,
 * and the tensor taking over the history of the op that computed its new value. Separate because an in-place
 * write changes graph bookkeeping (versions, the grad_fn of an existing tensor) that no out-of-place op touches.
 */
import { BackwardFn, gatherRegion, gradEdge, gradMode, Node, rebaseView, record, regionIndex, syncView } from '../graph';
import { castValue, isFloating, SCALAR_TYPE_NAMES } from '../dtype';
import { runtimeError } from '../errors';
import { copyInto, FastBinary, fastLoop } from '../kernels';
import { forEachRow } from '../rows';
import { contiguousStrides } from '../shape';
import { Tensor } from '../tensor';
import { CustomNode } from './custom';
import { cast, zerosOf } from './elementwise';
import { sumToShape } from './reduce';

/**
 * `t op= other` (add_, sub_, mul_, div_ without alpha) written straight into t's storage where nothing is
 * recorded, t lies end to end and other is one number or lies end to end beside it without overlapping it:
 * the arithmetic mapBinary's fast path does for the out-of-place op, with no result to allocate and copy back
 * (an optimizer's `w -= lr * w.grad` under no_grad). False, having done nothing, where inPlace must run.
 */
export function arithmeticInPlace(op: FastBinary, t: Tensor, other: Tensor | number): boolean {
  const dt = t.dtype;
  if ((dt !== 'float32' && dt !== 'float64') || !t.isContiguous() || t.numel === 0) return false;
  if (gradMode.enabled && (t.requiresGrad || t.base !== null || (other instanceof Tensor && other.requiresGrad))) return false;
  const n = t.numel;
  if (typeof other === 'number') {
    const y = dt === 'float32' ? Float32Array.of(other) : Float64Array.of(other);
    fastLoop(op, t.data.subarray(t.offset, t.offset + n), n, t.data, t.offset, 1, y, 0, 0);
  } else {
    if (other.dtype !== dt) return false;
    const whole = other.numel === n && other.isContiguous() && other.shape.length === t.shape.length && other.shape.every((d, i) => d === t.shape[i]);
    if (!whole && (other.numel !== 1 || other.shape.length > t.shape.length)) return false;
    // In t's own memory only as t itself, element for element: any other overlap would read what this writes.
    if (other.data.buffer === t.data.buffer && !(whole && other.data === t.data && other.offset === t.offset)) return false;
    fastLoop(op, t.data.subarray(t.offset, t.offset + n), n, t.data, t.offset, 1, other.data, other.offset, whole ? 1 : 0);
  }
  t.bumpVersion();
  return true;
}

/** PyTorch's guards against in-place writes that would corrupt autograd's view of a leaf. */
export function checkInPlace(t: Tensor): void {
  if (!gradMode.enabled) return;
  if (t.base !== null && t.gradFn instanceof CustomNode) {
    throw runtimeError(
      `Output ${t.outputNr} of ${t.gradFn.name} is a view and is being modified inplace. This view was created inside a custom Function ` +
        '(or because an input was returned as-is) and the autograd logic to handle view+inplace would override the custom backward ' +
        'associated with the custom Function, leading to incorrect gradients. This behavior is forbidden. You can fix this by cloning the output of the custom Function.',
    );
  }
  if (t.requiresGrad && t.isLeaf) {
    throw runtimeError('a leaf Variable that requires grad is being used in an in-place operation.');
  }
  if (t.base && t.base.requiresGrad && t.base.isLeaf) {
    throw runtimeError('a view of a leaf Variable that requires grad is being used in an in-place operation.');
  }
}

/**
 * After an in-place op wrote `op`'s result through `view`: the base's history becomes CopySlices, which runs the
 * op's backward on the base gradient's view elements (the op's first input, the view's old value, was part of the
 * old base) and passes the rest through; the view's (and later every older view's) becomes AsStridedBackward0
 * of the base, as PyTorch does.
 */
function rebaseAfterViewWrite(view: Tensor, op: Node): void {
  const base = view.base!;
  const idx = regionIndex(base, view);
  const viewShape = view.shape.slice();
  const fn: BackwardFn = (g, _saved, needs) => {
    const grads = op.apply([gatherRegion(g, idx, viewShape)]);
    let forBase: Tensor | null = null;
    if (needs[0]) {
      const values = g.values();
      const self = grads[0];
      const written = self ? self.values(true) : null;
      for (let i = 0; i < idx.length; i++) values[idx[i]] = written ? written[i] : 0;
      forBase = new Tensor(values, g.shape.slice(), contiguousStrides(g.shape), 0, g.dtype);
    }
    return [forBase, ...grads.slice(1)];
  };
  const copySlices = new Node('CopySlices', [base.requiresGrad ? gradEdge(base) : null, ...op.next.slice(1)], [], fn);
  const baseNr = base.requiresGrad && base.gradFn !== null ? base.outputNr : 0;
  if (baseNr !== 0 || op.nextNr !== null) copySlices.nextNr = [baseNr, ...(op.nextNr?.slice(1) ?? op.next.slice(1).map(() => 0))];
  copySlices.wrapped = op;
  copySlices.outShape = base.shape;
  copySlices.outDtype = base.dtype;
  copySlices.output = new WeakRef(base);
  base.requiresGrad = true;
  base.gradFn = copySlices;
  base.outputNr = 0;
  base.historyVersion++;
  rebaseView(view);
}

/** An in-place op gave `t` new history: views of it made before must follow (syncView). */
function historyChanged(t: Tensor): void {
  if (t.base === null) t.historyVersion++;
}

/** The value `t` had before an in-place write, carrying its autograd history, for the new node to use. */
function snapshot(t: Tensor): Tensor {
  const s = new Tensor(t.values(), t.shape.slice(), contiguousStrides(t.shape), 0, t.dtype);
  s.requiresGrad = t.requiresGrad;
  s.gradFn = t.gradFn;
  s.outputNr = t.outputNr;
  return s;
}

function adoptHistory(t: Tensor, r: Tensor): void {
  if (!r.requiresGrad || !r.gradFn) return;
  t.requiresGrad = true;
  t.gradFn = r.gradFn;
  t.outputNr = r.outputNr;
  r.gradFn.output = new WeakRef(t);
}

/**
 * Runs `compute` (an out-of-place op on the current value) and writes its result into `t`'s storage,
 * so every alias sees it; with autograd on, `t` takes over the op's history like PyTorch's in-place ops.
 */
export function inPlace(t: Tensor, compute: (self: Tensor) => Tensor): Tensor {
  checkInPlace(t);
  if (!gradMode.enabled) {
    copyInto(t, compute(t));
    t.bumpVersion();
    return t;
  }
  syncView(t);
  const old = t.requiresGrad ? snapshot(t) : t;
  const r = compute(old);
  if (isFloating(r.dtype) && !isFloating(t.dtype)) {
    throw runtimeError(`result type ${SCALAR_TYPE_NAMES[r.dtype]} can't be cast to the desired output type ${SCALAR_TYPE_NAMES[t.dtype]}`);
  }
  copyInto(t, r);
  t.bumpVersion();
  if (t.base !== null && r.requiresGrad && r.gradFn) rebaseAfterViewWrite(t, r.gradFn);
  else {
    adoptHistory(t, r);
    if (r.requiresGrad) historyChanged(t);
  }
  return t;
}

/** An in-place write of `value` into (part of) `t`, e.g. `t[idx] = value` or `t.copy_(value)`. */
export function assignInPlace(
  t: Tensor,
  value: Tensor,
  name: string,
  write: (dst: Tensor, src: Tensor) => void,
  back: (g: Tensor) => [Tensor, Tensor],
): void {
  checkInPlace(t);
  const recording = gradMode.enabled && (t.requiresGrad || value.requiresGrad);
  if (!recording) {
    write(t, value);
    t.bumpVersion();
    return;
  }
  syncView(t);
  const old = snapshot(t);
  write(t, value);
  t.bumpVersion();
  const fn: BackwardFn = (g, _s, needs) => {
    const [gOld, gVal] = back(g);
    return [needs[0] ? gOld : null, needs[1] ? cast(gVal, value.dtype) : null];
  };
  if (t.base !== null) {
    // Through a view: the write's own node runs inside the base's CopySlices.
    const written = record(name, new Tensor(t.data, t.shape.slice(), t.strides.slice(), t.offset, t.dtype), [old, value], [], fn);
    rebaseAfterViewWrite(t, written.gradFn!);
    return;
  }
  record(name, t, [old, value], [], fn);
  if (t.gradFn) t.gradFn.output = new WeakRef(t);
  historyChanged(t);
}

export function copy_(t: Tensor, src: Tensor): Tensor {
  assignInPlace(t, src, 'CopyBackwards', (dst, s) => copyInto(dst, s), (g) => [zerosOf(g), sumToShape(g, src.shape)]);
  return t;
}

/**
 * fill_ and zero_ where nothing is recorded (under no_grad, or a tensor outside autograd such as a `.grad`):
 * the value written straight into t's storage, as inPlace's own no-history path would copy it, without a
 * temporary.
 */
function fillUnrecorded(t: Tensor, value: number): boolean {
  if (gradMode.enabled && (t.requiresGrad || t.base !== null)) return false;
  checkInPlace(t);
  const v = castValue(t.dtype, value);
  const d = t.data;
  if (t.isContiguous()) d.fill(v, t.offset, t.offset + t.numel);
  else forEachRow(t.shape, t.strides, t.offset, (p, _i, len, step) => {
    for (let k = 0; k < len; k++, p += step) d[p] = v;
  });
  t.bumpVersion();
  return true;
}

export function fill_(t: Tensor, value: number): Tensor {
  if (fillUnrecorded(t, value)) return t;
  return inPlace(t, (self) => {
    const out = zerosOf(self);
    out.data.fill(castValue(self.dtype, value));
    return record('FillBackward0', out, [self], [], (g) => [zerosOf(g)]);
  });
}

export function zero_(t: Tensor): Tensor {
  if (fillUnrecorded(t, 0)) return t;
  return inPlace(t, (self) => record('ZeroBackward0', zerosOf(self), [self], [], (g) => [zerosOf(g)]));
}

/** Fills `t` directly (random init, data loading): no history, but still a version bump. */
export function overwrite(t: Tensor, values: ArrayLike<number>): Tensor {
  checkInPlace(t);
  const n = t.numel;
  if (t.isContiguous()) {
    for (let i = 0; i < n; i++) t.data[t.offset + i] = values[i];
  } else {
    const pos = t.positions()!;
    for (let i = 0; i < n; i++) t.data[pos[i]] = values[i];
  }
  t.bumpVersion();
  return t;
}
