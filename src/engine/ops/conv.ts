/**
 * Convolutions (`conv1d`, `conv2d`, `conv_transpose2d`) as PyTorch's `convolution` op: im2col (`unfold`) and the
 * engine's matmul, recorded as one ConvolutionBackward0 node whose gradients are built from recorded ops (unfold,
 * fold, matmul, sum), so `create_graph=True` differentiates them again. 1-D convolutions run as 2-D ones over a
 * height of 1. Shape and channel errors are PyTorch's words.
 */
import { isFloating, isReducedFloat, roundStored, SCALAR_TYPE_NAMES, StorageArray } from '../dtype';
import { runtimeError } from '../errors';
import { BackwardFn, gradMode, record, withGradMode } from '../graph';
import { formatShapeList } from '../shape';
import { allocateChecked, makeTensor, Tensor } from '../tensor';
import { add, cast } from './elementwise';
import { matmul } from './linalg';
import { sum } from './reduce';
import { convBackwardStreamed, convForwardStreamed, insideRange, streamable, WindowGeometry } from './convStreamed';
import { reshape, transpose } from './views';

export type { WindowGeometry } from './convStreamed';

/**
 * cols[n, (c, ki, kj), (oh, ow)] = x[n, c, oh*sh - ph + ki*dh, ow*sw - pw + kj*dw], 0 outside the image. Each
 * (image, channel, kernel offset, output row) copies its in-image run [lo, hi) in one tight loop.
 */
function im2col(x: Tensor, g: WindowGeometry): Tensor {
  const [n, c] = x.shape;
  const src = x.values(true);
  const L = g.gh * g.gw;
  const rows = c * g.kh * g.kw;
  const out = allocateChecked(x.dtype, [n, rows, L]);
  for (let b = 0; b < n; b++) for (let ch = 0; ch < c; ch++) {
    const plane = (b * c + ch) * g.h * g.w;
    for (let ki = 0; ki < g.kh; ki++) for (let kj = 0; kj < g.kw; kj++) {
      const [lo, hi] = insideRange(g.gw, g.w, g.sw, g.pw, kj * g.dw);
      const rowStart = (b * rows + (ch * g.kh + ki) * g.kw + kj) * L;
      for (let oh = 0; oh < g.gh; oh++) {
        const ih = oh * g.sh - g.ph + ki * g.dh;
        if (ih < 0 || ih >= g.h) continue;
        const colAt = rowStart + oh * g.gw;
        let p = plane + ih * g.w + kj * g.dw - g.pw + lo * g.sw;
        for (let ow = lo; ow < hi; ow++, p += g.sw) out[colAt + ow] = src[p];
      }
    }
  }
  return makeTensor(out, [n, rows, L], x.dtype);
}

/** The adjoint of im2col: each column entry added back onto the image pixel it was read from. */
function col2im(cols: Tensor, channels: number, g: WindowGeometry): Tensor {
  const n = cols.shape[0];
  const src = cols.values(true);
  const L = g.gh * g.gw;
  const rows = channels * g.kh * g.kw;
  // Summed in the output's own precision, in ATen's col2im order (channel, kernel offset, row, column).
  const acc = allocateChecked(cols.dtype, [n, channels, g.h, g.w]);
  for (let b = 0; b < n; b++) for (let ch = 0; ch < channels; ch++) {
    const plane = (b * channels + ch) * g.h * g.w;
    for (let ki = 0; ki < g.kh; ki++) for (let kj = 0; kj < g.kw; kj++) {
      const [lo, hi] = insideRange(g.gw, g.w, g.sw, g.pw, kj * g.dw);
      const rowStart = (b * rows + (ch * g.kh + ki) * g.kw + kj) * L;
      for (let oh = 0; oh < g.gh; oh++) {
        const ih = oh * g.sh - g.ph + ki * g.dh;
        if (ih < 0 || ih >= g.h) continue;
        const colAt = rowStart + oh * g.gw;
        let p = plane + ih * g.w + kj * g.dw - g.pw + lo * g.sw;
        for (let ow = lo; ow < hi; ow++, p += g.sw) acc[p] += src[colAt + ow];
      }
    }
  }
  return makeTensor(acc, [n, channels, g.h, g.w], cols.dtype);
}

/** im2col of a batched image [N, C, H, W] into [N, C*kh*kw, gh*gw], recorded (its gradient is `fold`). */
export function unfold(x: Tensor, g: WindowGeometry): Tensor {
  const out = im2col(x, g);
  return record('Im2ColBackward0', out, [x], [], (grad) => [fold(grad, x.shape[1], g)]);
}

/** col2im: columns [N, C*kh*kw, gh*gw] summed back into images [N, C, H, W], recorded (its gradient is `unfold`). */
export function fold(cols: Tensor, channels: number, g: WindowGeometry): Tensor {
  const out = col2im(cols, channels, g);
  return record('Col2ImBackward0', out, [cols], [], (grad) => [unfold(grad, g)]);
}

/** The dtype's name as ATen's TypeMeta prints it (the bias check's words). */
const META_NAMES: Readonly<Record<string, string>> = {
  float32: 'float', float64: 'double', int64: 'long int', int32: 'int', bool: 'bool', float16: 'c10::Half', bfloat16: 'c10::BFloat16',
};

export interface ConvOptions {
  /** Per spatial dim (1 or 2 entries). */
  stride: number[];
  /** Per spatial dim, or 'same' / 'valid'. */
  padding: number[] | 'same' | 'valid';
  dilation: number[];
  transposed: boolean;
  outputPadding: number[];
  groups: number;
}

/** PyTorch's checks, in its order, on batched input; `name` is conv1d/conv2d/conv_transpose2d. */
function checkConv(x: Tensor, w: Tensor, b: Tensor | null, o: ConvOptions, pads: number[]): void {
  const k = w.shape.slice(2);
  if (o.groups <= 0) throw runtimeError('non-positive groups is not supported');
  for (const s of o.stride) if (s <= 0) throw runtimeError('non-positive stride is not supported');
  for (const p of pads) if (p < 0) throw runtimeError('negative padding is not supported');
  for (const d of o.dilation) if (d <= 0) throw runtimeError('dilation should be greater than zero');
  if (w.ndim !== x.ndim) {
    throw runtimeError(
      `Expected ${w.ndim}-dimensional input for ${w.ndim}-dimensional weight ${formatShapeList(w.shape)}, but got ${x.ndim}-dimensional input of size ${formatShapeList(x.shape)} instead`,
    );
  }
  if (w.shape[0] % o.groups !== 0 && !o.transposed) {
    throw runtimeError(`Given groups=${o.groups}, expected weight to be divisible by ${o.groups} at dimension 0, but got weight of size [${formatShapeList(w.shape)}] instead`);
  }
  const cIn = x.shape[1];
  if (!o.transposed) {
    if (cIn !== w.shape[1] * o.groups) {
      throw runtimeError(
        `Given groups=${o.groups}, weight of size ${formatShapeList(w.shape)}, expected input${formatShapeList(x.shape)} to have ${w.shape[1] * o.groups} channels, but got ${cIn} channels instead`,
      );
    }
    if (b !== null && (b.ndim !== 1 || b.shape[0] !== w.shape[0])) {
      throw runtimeError(
        `Given weight of size ${formatShapeList(w.shape)}, expected bias to be 1-dimensional with ${w.shape[0]} elements, but got bias of size ${formatShapeList(b.shape)} instead`,
      );
    }
    const padded = x.shape.slice(2).map((s, i) => s + 2 * pads[i]);
    const eff = k.map((s, i) => (s - 1) * o.dilation[i] + 1);
    if (padded.some((s, i) => s < eff[i])) {
      throw runtimeError(
        `Calculated padded input size per channel: (${padded.join(' x ')}). Kernel size: (${eff.join(' x ')}). Kernel size can't be greater than actual input size`,
      );
    }
  } else {
    if (cIn !== w.shape[0]) {
      throw runtimeError(
        `Given transposed=1, weight of size ${formatShapeList(w.shape)}, expected input${formatShapeList(x.shape)} to have ${w.shape[0]} channels, but got ${cIn} channels instead`,
      );
    }
    if (b !== null && (b.ndim !== 1 || b.shape[0] !== w.shape[1] * o.groups)) {
      throw runtimeError(
        `Given transposed=1, weight of size ${formatShapeList(w.shape)}, expected bias to be 1-dimensional with ${w.shape[1] * o.groups} elements, but got bias of size ${formatShapeList(b.shape)} instead`,
      );
    }
  }
  if (b !== null && b.dtype !== x.dtype) {
    throw runtimeError(`Input type (${META_NAMES[x.dtype] ?? x.dtype}) and bias type (${META_NAMES[b.dtype] ?? b.dtype}) should be the same`);
  }
  for (const t of [x, w, b]) {
    if (t === null) continue;
    if (!isFloating(t.dtype)) throw runtimeError(`"slow_conv2d_cpu" not implemented for '${SCALAR_TYPE_NAMES[t.dtype]}'`);
  }
  if (w.dtype !== x.dtype) throw runtimeError(`expected scalar type ${SCALAR_TYPE_NAMES[x.dtype]} but found ${SCALAR_TYPE_NAMES[w.dtype]}`);
}

/** The padding before each spatial dim and the output size, 'same' splitting an odd total as PyTorch does (extra after). */
function resolvePadding(x: Tensor, w: Tensor, o: ConvOptions): { before: number[]; sym: number[] } {
  const k = w.shape.slice(2);
  if (o.padding === 'valid') return { before: k.map(() => 0), sym: k.map(() => 0) };
  if (o.padding === 'same') {
    if (o.stride.some((s) => s !== 1)) throw runtimeError("padding='same' is not supported for strided convolutions");
    const before = k.map((s, i) => Math.floor((o.dilation[i] * (s - 1)) / 2));
    return { before, sym: before };
  }
  return { before: o.padding, sym: o.padding };
}

/** The (height, width)-form of the per-dim lists: a 1-D convolution is a 2-D one over one row. */
function hw(list: number[], fill: number): [number, number] {
  return list.length === 1 ? [fill, list[0]] : [list[0], list[1]];
}

/**
 * `torch.convolution` on batched input ([N, C, L] or [N, C, H, W]) with its weight ([O, C/groups, k...], or
 * [C, O/groups, k...] when transposed) and optional bias [O].
 */
export function convolution(x: Tensor, w: Tensor, b: Tensor | null, o: ConvOptions): Tensor {
  // ATen sizes the per-dim lists by the weight first, before any shape check.
  const dims = Math.max(w.ndim - 2, 0);
  const lists: Array<[string, number[] | string]> = [['stride', o.stride], ['padding', o.padding], ['dilation', o.dilation], ['output_padding', o.outputPadding]];
  for (const [name, list] of lists) {
    if (typeof list === 'string' || list.length === dims || list.length === 1) continue;
    throw runtimeError(`expected ${name} to be a single integer value or a list of ${dims} values to match the convolution dimensions, but got ${name}=${formatShapeList(list)}`);
  }
  const { before, sym } = resolvePadding(x, w, o);
  checkConv(x, w, b, o, sym);
  const spatial = x.ndim - 2;
  const [h, wd] = hw(x.shape.slice(2), 1);
  const [kh, kw] = hw(w.shape.slice(2), 1);
  const [sh, sw] = hw(o.stride, 1);
  const [dh, dw] = hw(o.dilation, 1);
  const [ph, pw] = hw(before, 0);
  const [oph, opw] = hw(o.outputPadding, 0);
  const groups = o.groups;
  const n = x.shape[0];
  let geom: WindowGeometry;
  let outSpatial: number[];
  if (!o.transposed) {
    const grid = (size: number, k: number, s: number, d: number, p: number, pAfter: number) => Math.floor((size + p + pAfter - d * (k - 1) - 1) / s) + 1;
    const afterH = o.padding === 'same' ? dh * (kh - 1) - ph : ph;
    const afterW = o.padding === 'same' ? dw * (kw - 1) - pw : pw;
    const gh = grid(h, kh, sh, dh, ph, afterH);
    const gw = grid(wd, kw, sw, dw, pw, afterW);
    geom = { h, w: wd, gh, gw, kh, kw, sh, sw, dh, dw, ph, pw };
    outSpatial = spatial === 1 ? [gw] : [gh, gw];
  } else {
    const full = (size: number, k: number, s: number, d: number, p: number, op: number) => (size - 1) * s - 2 * p + d * (k - 1) + op + 1;
    const ohh = full(h, kh, sh, dh, ph, oph);
    const oww = full(wd, kw, sw, dw, pw, opw);
    if (ohh <= 0 || oww <= 0) {
      throw runtimeError(`Given input size per channel: (${x.shape.slice(2).join(' x ')}). Calculated output size per channel: (${(spatial === 1 ? [oww] : [ohh, oww]).join(' x ')}). Output size is too small`);
    }
    for (let i = 0; i < o.outputPadding.length; i++) {
      if (o.outputPadding[i] >= o.stride[i] && o.outputPadding[i] >= o.dilation[i]) {
        throw runtimeError('output padding must be smaller than either stride or dilation, but got ' +
          `output_padding_height: ${oph} output_padding_width: ${opw} stride_height: ${sh} stride_width: ${sw} dilation_height: ${dh} dilation_width: ${dw}`);
      }
    }
    geom = { h: ohh, w: oww, gh: h, gw: wd, kh, kw, sh, sw, dh, dw, ph, pw };
    outSpatial = spatial === 1 ? [oww] : [ohh, oww];
  }
  const outChannels = o.transposed ? w.shape[1] * groups : w.shape[0];
  const plan: ConvPlan = {
    n, groups, geom, outChannels, outShape: [n, outChannels, ...outSpatial], outSpatial, spatial,
    xShape: x.shape.slice(), wShape: w.shape.slice(), transposed: o.transposed,
  };
  // float16/bfloat16 run in float32 and round once at the end, as ATen's CPU kernels accumulate in float.
  const f32 = (t: Tensor) => (isReducedFloat(t.dtype) ? cast(t, 'float32') : t);
  // The forward's columns, kept for the weight's gradient when that gradient will be asked for (the backward
  // lets go of them; a second backward or create_graph=True unfolds again).
  const fast = streamable(x, w, b, o.transposed, groups);
  const streamed = fast ? convForwardStreamed(x, w, b, geom) : null;
  if (streamed !== null) return record('ConvolutionBackward0', makeTensor(streamed, plan.outShape, x.dtype), [x, w, b], [x, w], convBackward(plan, null));
  const kept: KeptColumns = { cols: null, keep: gradMode.enabled && w.requiresGrad && !o.transposed };
  const y = withGradMode(false, () => {
    const r = convForward(plan, f32(x), f32(w), kept);
    return b === null ? r : add(r, reshape(f32(b), [1, outChannels, ...outSpatial.map(() => 1)]));
  });
  const out = makeTensor(roundStored(x.dtype, y.isContiguous() && y.offset === 0 && y.dtype === x.dtype ? y.data : allocFrom(y, x)), plan.outShape, x.dtype);
  return record('ConvolutionBackward0', out, [x, w, b], [x, w], convBackward(plan, kept));
}

/** `t`'s values in a new storage of `like`'s dtype (not yet rounded to a 16-bit format). */
function allocFrom(t: Tensor, like: Tensor): StorageArray {
  const out = allocateChecked(like.dtype, t.shape);
  out.set(t.values(true));
  return out;
}

/** What the forward and the backward need to know of a convolution: shapes and window geometry, no tensors. */
interface ConvPlan {
  n: number;
  groups: number;
  geom: WindowGeometry;
  outChannels: number;
  outShape: number[];
  outSpatial: number[];
  spatial: number;
  xShape: number[];
  wShape: number[];
  transposed: boolean;
}

/**
 * The last two dims of a 3-D or 4-D tensor swapped into a new contiguous tensor (recorded; its gradient is the
 * same swap), so that the matrix product gets a row-major operand without a strided copy.
 */
function transposedCopy(t: Tensor): Tensor {
  const src = t.values(true);
  const r = t.shape[t.ndim - 2];
  const c = t.shape[t.ndim - 1];
  const shape = [...t.shape.slice(0, -2), c, r];
  const out = allocateChecked(t.dtype, shape);
  for (let base = 0; base < src.length; base += r * c) {
    for (let i = 0; i < r; i++) {
      const row = base + i * c;
      for (let j = 0; j < c; j++) out[base + j * r + i] = src[row + j];
    }
  }
  return record('TransposeBackward0', makeTensor(out, shape, t.dtype), [t], [], (g) => [transposedCopy(g)]);
}

/** im2col of the forward's input, held from the forward to the backward that uses it. */
interface KeptColumns {
  cols: Tensor | null;
  keep: boolean;
}

/** A batched 1-D or 2-D tensor as [N, C, H, W] (1-D as one row). */
function as4d(t: Tensor, spatial: number): Tensor {
  return reshape(t, [t.shape[0], t.shape[1], ...(spatial === 1 ? [1, t.shape[2]] : t.shape.slice(2))]);
}

/** The convolution from recorded ops (unfold or fold, and matmul); `convolution` runs it without grad. */
function convForward(p: ConvPlan, x: Tensor, w: Tensor, kept: KeptColumns): Tensor {
  const { n, groups, geom, outChannels } = p;
  const kk = geom.kh * geom.kw;
  if (!p.transposed) {
    const cols = unfold(as4d(x, p.spatial), geom);
    if (kept.keep) kept.cols = cols;
    const K = (p.xShape[1] / groups) * kk;
    const y = groups === 1
      ? matmul(reshape(w, [outChannels, K]), cols)
      : matmul(reshape(w, [groups, outChannels / groups, K]), reshape(cols, [n, groups, K, geom.gh * geom.gw]));
    return reshape(y, p.outShape);
  }
  const cin = p.xShape[1] / groups;
  const cout = p.wShape[1];
  const L = geom.gh * geom.gw;
  const wG = reshape(w, [groups, cin, cout * kk]);
  const xG = reshape(x, [n, groups, cin, L]);
  const cols = reshape(matmul(transpose(wG, 1, 2), xG), [n, outChannels * kk, L]);
  return reshape(fold(cols, outChannels, geom), p.outShape);
}

/**
 * ConvolutionBackward0's formulas, from recorded ops so that create_graph=True differentiates them: the input's
 * gradient folds Wᵀ·g back into images (a transposed convolution), the weight's sums g·colsᵀ over the batch, the
 * bias's sums g over all but the channel dim. The closure holds the plan and the forward's columns (dropped once
 * used); x and w come from the saved list.
 */
function convBackward(p: ConvPlan, kept: KeptColumns | null): BackwardFn {
  return (grad, s, needs) => {
    if (kept === null && !gradMode.enabled) {
      const r = convBackwardStreamed(grad, s[0], s[1], p.geom, needs[0], needs[1]);
      if (r !== null) return [r.gx, r.gw, needs[2] ? sum(grad, [0, ...p.outSpatial.map((_, i) => i + 2)]) : null];
    }
    // float16/bfloat16: the formulas in float32, each gradient rounded once (by the cast back).
    const reduced = isReducedFloat(grad.dtype) ? grad.dtype : null;
    const f32 = (t: Tensor) => (reduced === null ? t : cast(t, 'float32'));
    const back = (t: Tensor | null) => (t === null || reduced === null ? t : cast(t, reduced));
    const g = f32(grad);
    const xs = f32(s[0]);
    const ws = f32(s[1]);
    const { n, groups, geom, outChannels } = p;
    const kk = geom.kh * geom.kw;
    const L = geom.gh * geom.gw;
    let gx: Tensor | null = null;
    let gw: Tensor | null = null;
    const gb = needs[2] ? sum(g, [0, ...p.outSpatial.map((_, i) => i + 2)]) : null;
    if (!p.transposed) {
      const cin = p.xShape[1];
      const K = (cin / groups) * kk;
      const og = outChannels / groups;
      const gG = reshape(g, [n, groups, og, L]);
      if (needs[0]) {
        const wG = reshape(ws, [groups, og, K]);
        const cols = reshape(matmul(transpose(wG, 1, 2), gG), [n, cin * kk, L]);
        gx = reshape(fold(cols, cin, geom), p.xShape);
      }
      if (needs[1]) {
        const cached = gradMode.enabled || kept === null ? null : kept.cols;
        if (kept !== null) kept.cols = null;
        const colsG = reshape(cached ?? unfold(as4d(xs, p.spatial), geom), [n, groups, K, L]);
        // (cols·gᵀ)ᵀ rather than g·colsᵀ: the operand the product must transpose is g, the smaller of the two.
        gw = reshape(transpose(sum(matmul(colsG, transposedCopy(gG)), 0), 1, 2), p.wShape);
      }
    } else {
      const cin = p.xShape[1] / groups;
      const cout = p.wShape[1];
      const gcols = reshape(unfold(as4d(g, p.spatial), geom), [n, groups, cout * kk, L]);
      if (needs[0]) gx = reshape(matmul(reshape(ws, [groups, cin, cout * kk]), gcols), p.xShape);
      if (needs[1]) {
        const xG = reshape(xs, [n, groups, cin, L]);
        gw = reshape(transpose(sum(matmul(gcols, transposedCopy(xG)), 0), 1, 2), p.wShape);
      }
    }
    return [back(gx), back(gw), back(gb)];
  };
}
