/**
 * Products and distances built from pairs of tensors: kron (1.13's composite: two unsafe views, a broadcast
 * product, an unsafe view, so its node is UnsafeViewBackward0), cross (linalg_cross, one node, broadcasting) and
 * cdist (the direct CPU path: each distance summed in the tensor's type, p = 1 or 2 or any other p >= 0).
 */
import { record, withGradMode } from '../graph';
import { isFloating, promoteTypes, roundStored } from '../dtype';
import { runtimeError } from '../errors';
import { broadcastShapes, normalizeDim } from '../shape';
import { emptyTensor, Tensor } from '../tensor';
import { abs, cast, div, eq, mul, neg, powScalar, sign, sub, where } from './elementwise';
import { sum, sumToShape } from './reduce';
import { detach, expand, unsafeView, unsqueeze } from './views';

export function kron(a: Tensor, b: Tensor): Tensor {
  const n = Math.max(a.ndim, b.ndim);
  const padA = n - a.ndim;
  const padB = n - b.ndim;
  const aShape: number[] = [];
  const bShape: number[] = [];
  const outShape: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = i >= padA ? a.shape[i - padA] : 1;
    const y = i >= padB ? b.shape[i - padB] : 1;
    aShape.push(x, 1);
    bShape.push(1, y);
    outShape.push(x * y);
  }
  return unsafeView(mul(unsafeView(a, aShape), unsafeView(b, bShape)), outShape);
}

function crossValues(a: Tensor, b: Tensor, d: number): Tensor {
  const dt = promoteTypes(a.dtype, b.dtype);
  const shape = broadcastShapes(a.shape, b.shape);
  const [av, bv] = withGradMode(false, () => [a, b].map((t) => expand(cast(detach(t), dt), shape).values(true)));
  const out = emptyTensor(shape, dt);
  const inner = shape.slice(d + 1).reduce((x, y) => x * y, 1);
  const outer = out.numel / (3 * inner);
  const r = dt === 'float32' ? Math.fround : (x: number) => x;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const at = [0, 1, 2].map((k) => (o * 3 + k) * inner + i);
      for (let k = 0; k < 3; k++) {
        const p = at[(k + 1) % 3];
        const q = at[(k + 2) % 3];
        out.data[at[k]] = r(r(av[p] * bv[q]) - r(av[q] * bv[p]));
      }
    }
  }
  roundStored(dt, out.data);
  return out;
}

/** linalg.cross along `dim` (already chosen by the caller); derivatives.yaml's cross(other, grad) and cross(grad, self). */
export function cross(a: Tensor, b: Tensor, dim: number): Tensor {
  if (a.ndim !== b.ndim) {
    throw runtimeError(`linalg.cross: inputs must have the same number of dimensions.`);
  }
  const d = normalizeDim(dim, a.ndim);
  if (a.shape[d] !== 3 || b.shape[d] !== 3) {
    throw runtimeError(`linalg.cross: inputs dimension ${dim} must have length 3. Got ${a.shape[d]} and ${b.shape[d]}`);
  }
  const out = crossValues(a, b, d);
  return record('LinalgCrossBackward0', out, [a, b], [a, b], (g, s, needs) => [
    needs[0] ? sumToShape(cross(s[1], g, d), a.shape) : null,
    needs[1] ? sumToShape(cross(g, s[0], d), b.shape) : null,
  ]);
}

function cdistValues(x1: Tensor, x2: Tensor, p: number): Tensor {
  const r = x1.dtype === 'float32' ? Math.fround : (x: number) => x;
  const batch = x1.shape.slice(0, -2);
  const [n1, m] = x1.shape.slice(-2);
  const n2 = x2.shape[x2.ndim - 2];
  const a = x1.values(true);
  const b = x2.values(true);
  const out = emptyTensor([...batch, n1, n2], x1.dtype);
  const nb = out.numel / Math.max(n1 * n2, 1);
  for (let z = 0; z < nb; z++) {
    for (let i = 0; i < n1; i++) {
      for (let j = 0; j < n2; j++) {
        let acc = 0;
        for (let k = 0; k < m; k++) {
          const diff = Math.abs(r(a[(z * n1 + i) * m + k] - b[(z * n2 + j) * m + k]));
          if (p === 0) acc = r(acc + (diff !== 0 ? 1 : 0));
          else if (p === 1) acc = r(acc + diff);
          else if (p === 2) acc = r(acc + r(diff * diff));
          else if (p === Infinity) acc = Math.max(acc, diff);
          else acc = r(acc + r(Math.pow(diff, p)));
        }
        out.data[(z * n1 + i) * n2 + j] = p === 2 ? r(Math.sqrt(acc)) : p === 0 || p === 1 || p === Infinity ? acc : r(Math.pow(acc, 1 / p));
      }
    }
  }
  roundStored(out.dtype, out.data);
  return out;
}

export function cdist(x1: Tensor, x2: Tensor, p: number): Tensor {
  if (x1.ndim < 2) throw runtimeError(`cdist only supports at least 2D tensors, X1 got: ${x1.ndim}D`);
  if (x2.ndim < 2) throw runtimeError(`cdist only supports at least 2D tensors, X2 got: ${x2.ndim}D`);
  const m = x1.shape[x1.ndim - 1];
  if (m !== x2.shape[x2.ndim - 1]) {
    throw runtimeError(`X1 and X2 must have the same number of columns. X1: ${m} X2: ${x2.shape[x2.ndim - 1]}`);
  }
  if (!isFloating(x1.dtype) || !isFloating(x2.dtype)) throw runtimeError('cdist only supports floating-point dtypes, X1 got: ' + (isFloating(x1.dtype) ? x2.dtype : x1.dtype));
  if (!(p >= 0)) throw runtimeError('cdist only supports non-negative p values');
  if (x1.dtype !== x2.dtype) throw runtimeError(`expected scalar type ${x1.dtype} but found ${x2.dtype}`);
  const batch = broadcastShapes(x1.shape.slice(0, -2), x2.shape.slice(0, -2));
  const [e1, e2] = withGradMode(false, () => [
    expand(detach(x1), [...batch, ...x1.shape.slice(-2)]),
    expand(detach(x2), [...batch, ...x2.shape.slice(-2)]),
  ]);
  const out = cdistValues(e1, e2, p);
  return record('CdistBackward0', out, [x1, x2], [x1, x2, out], (g, s, needs) => {
    const [a, b, dist] = s;
    // diff[..., i, j, k] = a[..., i, k] - b[..., j, k]
    const diff = sub(unsqueeze(a, -2), unsqueeze(b, -3));
    let w: Tensor;
    if (p === 1) w = mul(unsqueeze(g, -1), sign(diff));
    else if (p === 2) w = where(unsqueeze(eq(dist, 0), -1), 0, div(mul(unsqueeze(g, -1), diff), unsqueeze(dist, -1)));
    else if (p === 0) w = mul(unsqueeze(g, -1), 0);
    else {
      const scale = where(eq(dist, 0), 0, div(g, powScalar(dist, p - 1)));
      w = mul(unsqueeze(scale, -1), mul(sign(diff), powScalar(abs(diff), p - 1)));
    }
    return [
      needs[0] ? sumToShape(sum(w, -2), a.shape) : null,
      needs[1] ? neg(sumToShape(sum(w, -3), b.shape)) : null,
    ];
  });
}
