/**
 * In-place ops (`add_`, `copy_`, `fill_`, `zero_`, ...): the leaf and view checks PyTorch makes, version bumps,
 * and the tensor taking over the history of the op that computed its new value. Separate because an in-place
 * write changes graph bookkeeping (versions, the grad_fn of an existing tensor) that no out-of-place op touches.
 */
import { BackwardFn, gradMode, record } from '../graph';
import { castValue, isFloating } from '../dtype';
import { runtimeError } from '../errors';
import { copyInto } from '../kernels';
import { contiguousStrides } from '../shape';
import { Tensor } from '../tensor';
import { cast, zerosOf } from './elementwise';
import { sumToShape } from './reduce';

/** PyTorch's guards against in-place writes that would corrupt autograd's view of a leaf. */
export function checkInPlace(t: Tensor): void {
  if (!gradMode.enabled) return;
  if (t.requiresGrad && t.isLeaf) {
    throw runtimeError('a leaf Variable that requires grad is being used in an in-place operation.');
  }
  if (t.base && t.base.requiresGrad && t.base.isLeaf) {
    throw runtimeError('a view of a leaf Variable that requires grad is being used in an in-place operation.');
  }
}

function checkViewHistory(t: Tensor, recording: boolean): void {
  if (recording && t.base && t.base !== t && t.base.requiresGrad) {
    throw runtimeError(
      'Autograd Playground does not yet track gradients through an in-place change to a view of a tensor that requires grad; ' +
        'write the result to a new tensor instead (for example y = torch.cat(...) or y = x.clone()).',
    );
  }
}

/** The value `t` had before an in-place write, carrying its autograd history, for the new node to use. */
function snapshot(t: Tensor): Tensor {
  const s = new Tensor(t.values(), t.shape.slice(), contiguousStrides(t.shape), 0, t.dtype);
  s.requiresGrad = t.requiresGrad;
  s.gradFn = t.gradFn;
  return s;
}

function adoptHistory(t: Tensor, r: Tensor): void {
  if (!r.requiresGrad || !r.gradFn) return;
  t.requiresGrad = true;
  t.gradFn = r.gradFn;
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
  const old = t.requiresGrad ? snapshot(t) : t;
  const r = compute(old);
  checkViewHistory(t, r.requiresGrad);
  if (isFloating(r.dtype) && !isFloating(t.dtype)) {
    throw runtimeError(`result type Float can't be cast to the desired output type ${t.dtype === 'int64' ? 'Long' : 'Bool'}`);
  }
  copyInto(t, r);
  t.bumpVersion();
  adoptHistory(t, r);
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
  checkViewHistory(t, true);
  const old = snapshot(t);
  write(t, value);
  t.bumpVersion();
  const fn: BackwardFn = (g, _s, needs) => {
    const [gOld, gVal] = back(g);
    return [needs[0] ? gOld : null, needs[1] ? cast(gVal, value.dtype) : null];
  };
  record(name, t, [old, value], [], fn);
  if (t.gradFn) t.gradFn.output = new WeakRef(t);
}

export function copy_(t: Tensor, src: Tensor): Tensor {
  assignInPlace(t, src, 'CopyBackwards', (dst, s) => copyInto(dst, s), (g) => [zerosOf(g), sumToShape(g, src.shape)]);
  return t;
}

export function fill_(t: Tensor, value: number): Tensor {
  return inPlace(t, (self) => {
    const out = zerosOf(self);
    out.data.fill(castValue(self.dtype, value));
    return record('FillBackward0', out, [self], [], (g) => [zerosOf(g)]);
  });
}

export function zero_(t: Tensor): Tensor {
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
