/**
 * Pooling and resampling over the last two dims of a 3-D or 4-D tensor: max pooling with indices, average and
 * adaptive average pooling, adaptive max pooling, nearest and bilinear upsampling. All but max pooling are fixed linear maps of each
 * image plane, so they share one sparse-map kernel: the forward applies the map, the gradient applies its
 * transpose, and each is recorded with the other as its backward (create_graph=True works). Max pooling's
 * gradient scatters onto the indices it chose, and that scatter's gradient gathers from them.
 */
import { isFloat32Stored, isFloating, roundStored, SCALAR_TYPE_NAMES, StorageArray } from '../dtype';
import { runtimeError } from '../errors';
import { record } from '../graph';
import { formatShapeList } from '../shape';
import { allocateChecked, makeTensor, Tensor } from '../tensor';
import { wasmMaxPool2x2F32 } from '../wasm/maxPool';

/**
 * out[o] = (Σ weight[e] · in[index[e]] for e in start[o]..start[o+1]) / divisor[o], for each of the
 * tensor's planes of `inSize` elements (a plane's outputs are `start.length - 1` elements).
 */
interface SparseMap {
  inSize: number;
  start: Int32Array;
  index: Int32Array;
  weight: Float64Array;
  divisor: Float64Array | null;
}

function outSizeOf(m: SparseMap): number {
  return m.start.length - 1;
}

interface MapNames {
  forward: string;
  adjoint: string;
}

function applyMap(x: Tensor, m: SparseMap, outShape: number[], names: MapNames): Tensor {
  const src = x.values(true);
  const planes = src.length / m.inSize;
  const outN = outSizeOf(m);
  const out = allocateChecked(x.dtype, outShape);
  const { start, index, weight, divisor } = m;
  for (let p = 0; p < planes; p++) {
    const ib = p * m.inSize;
    const ob = p * outN;
    for (let o = 0; o < outN; o++) {
      let s = 0;
      for (let e = start[o]; e < start[o + 1]; e++) s += weight[e] * src[ib + index[e]];
      out[ob + o] = divisor === null ? s : s / divisor[o];
    }
  }
  const inShape = x.shape.slice();
  return record(names.forward, makeTensor(roundStored(x.dtype, out), outShape, x.dtype), [x], [], (g) => [applyAdjoint(g, m, inShape, names)]);
}

function applyAdjoint(g: Tensor, m: SparseMap, inShape: number[], names: MapNames): Tensor {
  const src = g.values(true);
  const outN = outSizeOf(m);
  const planes = src.length / outN;
  const acc = new Float64Array(planes * m.inSize);
  const { start, index, weight, divisor } = m;
  for (let p = 0; p < planes; p++) {
    const ib = p * m.inSize;
    const ob = p * outN;
    for (let o = 0; o < outN; o++) {
      const v = divisor === null ? src[ob + o] : src[ob + o] / divisor[o];
      for (let e = start[o]; e < start[o + 1]; e++) acc[ib + index[e]] += weight[e] * v;
    }
  }
  const out = allocateChecked(g.dtype, inShape);
  out.set(acc);
  const outShape = g.shape.slice();
  return record(names.adjoint, makeTensor(roundStored(g.dtype, out), inShape, g.dtype), [g], [], (gg) => [applyMap(gg, m, outShape, names)]);
}

/** Builds a map entry by entry: `add(index, weight)` for the current output, `next(divisor)` closes it. */
class MapBuilder {
  private readonly start: number[] = [0];
  private readonly index: number[] = [];
  private readonly weight: number[] = [];
  private readonly divisor: number[] = [];

  constructor(private readonly inSize: number) {}

  add(i: number, w = 1): void {
    this.index.push(i);
    this.weight.push(w);
  }

  next(divisor = 1): void {
    this.start.push(this.index.length);
    this.divisor.push(divisor);
  }

  build(withDivisor: boolean): SparseMap {
    return {
      inSize: this.inSize,
      start: Int32Array.from(this.start),
      index: Int32Array.from(this.index),
      weight: Float64Array.from(this.weight),
      divisor: withDivisor ? Float64Array.from(this.divisor) : null,
    };
  }
}

/** The floating dtypes run here (float16/bfloat16 in float32, rounded once at the end, as ATen's CPU kernels do). */
function checkFloat(x: Tensor, kernel: string): void {
  if (!isFloating(x.dtype)) throw runtimeError(`"${kernel}" not implemented for '${SCALAR_TYPE_NAMES[x.dtype]}'`);
}

/** ATen's pooling_output_shape: floor or ceil division, and a last window that must start inside the input. */
export function poolOutputSize(size: number, k: number, pad: number, stride: number, dilation: number, ceil: boolean): number {
  const num = size + 2 * pad - dilation * (k - 1) - 1 + (ceil ? stride - 1 : 0);
  let out = Math.floor(num / stride) + 1;
  if (ceil && (out - 1) * stride >= size + pad) out--;
  return out;
}

export interface PoolOptions {
  kernel: [number, number];
  stride: [number, number];
  padding: [number, number];
  dilation: [number, number];
  ceilMode: boolean;
}

/** ATen's checks in its order: input rank, each axis's output shape (stride, padding), then the window itself. */
function poolGeometry(x: Tensor, o: PoolOptions): { h: number; w: number; oh: number; ow: number } {
  const emptyOrRank = (x.ndim !== 3 && x.ndim !== 4) || x.shape.slice(1).some((s) => s === 0);
  if (x.ndim !== 3 && x.ndim !== 4) throw runtimeError('non-empty 3D or 4D (batch mode) tensor expected for input');
  const [kh, kw] = o.kernel;
  const [sh, sw] = o.stride;
  const [ph, pw] = o.padding;
  const [dh, dw] = o.dilation;
  for (const [k, s, p, d] of [[kh, sh, ph, dh], [kw, sw, pw, dw]]) {
    if (s === 0) throw runtimeError('stride should not be zero');
    if (p < 0) throw runtimeError(`pad must be non-negative, but got pad: ${p}`);
    if (p > Math.floor(((k - 1) * d + 1) / 2)) {
      throw runtimeError(`pad should be at most half of effective kernel size, but got pad=${p}, kernel_size=${k} and dilation=${d}`);
    }
  }
  if (kh <= 0 || kw <= 0) throw runtimeError(`kernel size should be greater than zero, but got kH: ${kh} kW: ${kw}`);
  if (sh <= 0 || sw <= 0) throw runtimeError(`stride should be greater than zero, but got dH: ${sh} dW: ${sw}`);
  if (dh <= 0 || dw <= 0) throw runtimeError(`dilation should be greater than zero, but got dilationH: ${dh} dilationW: ${dw}`);
  if (emptyOrRank) throw runtimeError('non-empty 3D or 4D (batch mode) tensor expected for input');
  const h = x.shape[x.ndim - 2];
  const w = x.shape[x.ndim - 1];
  const oh = poolOutputSize(h, kh, ph, sh, dh, o.ceilMode);
  const ow = poolOutputSize(w, kw, pw, sw, dw, o.ceilMode);
  if (oh < 1 || ow < 1) {
    const planes = x.shape[x.ndim - 3];
    throw runtimeError(`Given input size: (${planes}x${h}x${w}). Calculated output size: (${planes}x${oh}x${ow}). Output size is too small`);
  }
  return { h, w, oh, ow };
}

/** `max_pool2d_with_indices`: the first maximum in each window (the last NaN, as in PyTorch), and its flat index in the plane. */
export function maxPool2d(x: Tensor, o: PoolOptions): [Tensor, Tensor] {
  const { h, w, oh, ow } = poolGeometry(x, o);
  checkFloat(x, 'max_pool2d');
  const src = x.values(true);
  const planes = src.length / (h * w);
  const outShape = [...x.shape.slice(0, -2), oh, ow];
  const out = allocateChecked(x.dtype, outShape);
  const idx = allocateChecked('int64', outShape);
  const [kh, kw] = o.kernel;
  const [sh, sw] = o.stride;
  const [ph, pw] = o.padding;
  const [dh, dw] = o.dilation;
  // The in-image taps of each window row and column, worked out once per axis.
  const rows = windowTaps(oh, h, kh, sh, ph, dh);
  const cols = windowTaps(ow, w, kw, sw, pw, dw);
  if (kh === 2 && kw === 2 && sh === 2 && sw === 2 && ph === 0 && pw === 0 && dh === 1 && dw === 1 && 2 * oh <= h && 2 * ow <= w) {
    maxPool2x2(src, out, idx, planes, h, w, oh, ow);
  } else for (let p = 0; p < planes; p++) {
    const base = p * h * w;
    for (let i = 0; i < oh; i++) {
      const a0 = rows[2 * i];
      const a1 = rows[2 * i + 1];
      const y0 = i * sh - ph;
      for (let j = 0; j < ow; j++) {
        const b0 = cols[2 * j];
        const b1 = cols[2 * j + 1];
        const x0 = j * sw - pw;
        let best = -Infinity;
        let at = (y0 + a0 * dh) * w + x0 + b0 * dw;
        for (let a = a0; a < a1; a++) {
          const row = (y0 + a * dh) * w + x0;
          for (let b = b0; b < b1; b++) {
            const v = src[base + row + b * dw];
            if (v > best || v !== v) {
              best = v;
              at = row + b * dw;
            }
          }
        }
        const q = (p * oh + i) * ow + j;
        out[q] = best;
        idx[q] = at;
      }
    }
  }
  const indices = makeTensor(idx, outShape, 'int64');
  const inShape = x.shape.slice();
  const planeSize = h * w;
  const result = record(MAX_POOL_NAMES.forward, makeTensor(out, outShape, x.dtype), [x], [indices], (g, s) => [
    scatterAtIndices(g, s[0], inShape, planeSize, MAX_POOL_NAMES),
  ]);
  return [result, indices];
}

const MAX_POOL_NAMES: MapNames = { forward: 'MaxPool2DWithIndicesBackward0', adjoint: 'MaxPool2DWithIndicesBackwardBackward0' };
const ADAPTIVE_MAX_NAMES: MapNames = { forward: 'AdaptiveMaxPool2DBackward0', adjoint: 'AdaptiveMaxPool2DBackwardBackward0' };

/**
 * `adaptive_max_pool2d`: the first maximum (the last NaN) of window i of n, [floor(i·size/n), ceil((i+1)·size/n)),
 * and its flat index in the plane; the gradient is max pooling's scatter onto those indices.
 */
export function adaptiveMaxPool2d(x: Tensor, outH: number, outW: number): [Tensor, Tensor] {
  if (x.ndim !== 3 && x.ndim !== 4) throw runtimeError(`adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: ${formatShapeList(x.shape)}`);
  for (let d = 1; d < x.ndim; d++) {
    if (x.shape[d] === 0) {
      throw runtimeError(
        `adaptive_max_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes ${formatShapeList(x.shape)} with dimension ${d} being empty`,
      );
    }
  }
  const outShape = [...x.shape.slice(0, -2), outH, outW];
  const negative = outShape.find((s) => s < 0);
  if (negative !== undefined) throw runtimeError(`Trying to create tensor with negative dimension ${negative}: ${formatShapeList(outShape)}`);
  checkFloat(x, 'adaptive_max_pool2d');
  const h = x.shape[x.ndim - 2];
  const w = x.shape[x.ndim - 1];
  const src = x.values(true);
  const planes = src.length / (h * w);
  const out = allocateChecked(x.dtype, outShape);
  const idx = allocateChecked('int64', outShape);
  for (let p = 0, q = 0; p < planes; p++) {
    const base = p * h * w;
    for (let i = 0; i < outH; i++) {
      const y0 = Math.floor((i * h) / outH);
      const y1 = Math.ceil(((i + 1) * h) / outH);
      for (let j = 0; j < outW; j++, q++) {
        const x0 = Math.floor((j * w) / outW);
        const x1 = Math.ceil(((j + 1) * w) / outW);
        let best = -Infinity;
        let at = y0 * w + x0;
        for (let y = y0; y < y1; y++) for (let xx = x0; xx < x1; xx++) {
          const v = src[base + y * w + xx];
          if (v > best || v !== v) {
            best = v;
            at = y * w + xx;
          }
        }
        out[q] = best;
        idx[q] = at;
      }
    }
  }
  const indices = makeTensor(idx, outShape, 'int64');
  const inShape = x.shape.slice();
  const planeSize = h * w;
  const result = record(ADAPTIVE_MAX_NAMES.forward, makeTensor(out, outShape, x.dtype), [x], [indices], (g, s) => [
    scatterAtIndices(g, s[0], inShape, planeSize, ADAPTIVE_MAX_NAMES),
  ]);
  return [result, indices];
}

/**
 * maxPool2d's loop for the common 2×2 windows with stride 2 (no padding or dilation, every tap inside): the
 * four taps in the general loop's order with its comparison, so ties and NaNs pick the same element.
 */
function maxPool2x2(src: StorageArray, out: StorageArray, idx: StorageArray, planes: number, h: number, w: number, oh: number, ow: number): void {
  if (src instanceof Float32Array && out instanceof Float32Array && idx instanceof Float64Array && wasmMaxPool2x2F32(src, out, idx, planes, h, w, oh, ow)) return;
  let q = 0;
  for (let p = 0; p < planes; p++) {
    const base = p * h * w;
    for (let i = 0; i < oh; i++) {
      const r0 = 2 * i * w;
      const r1 = r0 + w;
      for (let j = 0; j < ow; j++, q++) {
        const c = 2 * j;
        let best = -Infinity;
        let at = r0 + c;
        let v = src[base + r0 + c];
        if (v > best || v !== v) { best = v; at = r0 + c; }
        v = src[base + r0 + c + 1];
        if (v > best || v !== v) { best = v; at = r0 + c + 1; }
        v = src[base + r1 + c];
        if (v > best || v !== v) { best = v; at = r1 + c; }
        v = src[base + r1 + c + 1];
        if (v > best || v !== v) { best = v; at = r1 + c + 1; }
        out[q] = best;
        idx[q] = at;
      }
    }
  }
}

/** For each window along an axis, the first and one-past-last kernel tap that falls inside the input (pairs). */
function windowTaps(outSize: number, size: number, k: number, s: number, p: number, d: number): Int32Array {
  const taps = new Int32Array(2 * outSize);
  for (let i = 0; i < outSize; i++) {
    const start = i * s - p;
    const lo = Math.max(0, Math.ceil(-start / d));
    const hi = Math.min(k, Math.floor((size - 1 - start) / d) + 1);
    taps[2 * i] = lo;
    taps[2 * i + 1] = Math.max(lo, hi);
  }
  return taps;
}

/** Max pooling's gradient: each output's gradient added onto the input element its window chose. */
function scatterAtIndices(g: Tensor, indices: Tensor, inShape: number[], planeSize: number, names: MapNames): Tensor {
  const src = g.values(true);
  const idx = indices.values(true);
  const per = indices.shape[indices.ndim - 1] * indices.shape[indices.ndim - 2];
  // Summed in the gradient's own precision, output by output, as ATen's max-pool backward adds them.
  const out = allocateChecked(g.dtype, inShape);
  if (out instanceof Float32Array && src instanceof Float32Array && idx instanceof Float64Array) scatterF32(out, src, idx, per, planeSize);
  else for (let q = 0, p = 0; p * per < idx.length; p++) {
    const base = p * planeSize;
    for (let e = 0; e < per; e++, q++) out[base + idx[q]] += src[q];
  }
  const outShape = g.shape.slice();
  return record(names.adjoint, makeTensor(roundStored(g.dtype, out), inShape, g.dtype), [g], [indices], (gg, s) => [
    gatherAtIndices(gg, s[0], outShape, planeSize, names),
  ]);
}

/** scatterAtIndices' loop on float32 storage, in a function of its own so that its element accesses stay of one type. */
function scatterF32(out: Float32Array, src: Float32Array, idx: Float64Array, per: number, planeSize: number): void {
  const n = idx.length;
  for (let q = 0, base = 0; q < n; base += planeSize) {
    const end = q + per;
    for (; q < end; q++) out[base + (idx[q] | 0)] += src[q];
  }
}

/** The transpose of `scatterAtIndices`: each output position reads the input element its window chose. */
function gatherAtIndices(t: Tensor, indices: Tensor, outShape: number[], planeSize: number, names: MapNames): Tensor {
  const src = t.values(true);
  const idx = indices.values(true);
  const per = indices.shape[indices.ndim - 1] * indices.shape[indices.ndim - 2];
  const out = allocateChecked(t.dtype, outShape);
  for (let q = 0; q < idx.length; q++) out[q] = src[Math.floor(q / per) * planeSize + idx[q]];
  const inShape = t.shape.slice();
  return record(names.forward, makeTensor(out, outShape, t.dtype), [t], [indices], (g, s) => [
    scatterAtIndices(g, s[0], inShape, planeSize, names),
  ]);
}

export interface AvgPoolOptions extends Omit<PoolOptions, 'dilation'> {
  countIncludePad: boolean;
  divisorOverride: number | null;
}

/** `avg_pool2d`: window sums over ATen's divisor (the window clipped to the padded input, or to the input). */
export function avgPool2d(x: Tensor, o: AvgPoolOptions): Tensor {
  if (o.divisorOverride !== null && o.divisorOverride === 0) throw runtimeError('divisor must be not zero');
  const { h, w, oh, ow } = poolGeometry(x, { ...o, dilation: [1, 1] });
  checkFloat(x, 'avg_pool2d');
  const [kh, kw] = o.kernel;
  const [sh, sw] = o.stride;
  const [ph, pw] = o.padding;
  const b = new MapBuilder(h * w);
  for (let i = 0; i < oh; i++) for (let j = 0; j < ow; j++) {
    let y0 = i * sh - ph;
    let x0 = j * sw - pw;
    let y1 = Math.min(y0 + kh, h + ph);
    let x1 = Math.min(x0 + kw, w + pw);
    const poolSize = (y1 - y0) * (x1 - x0);
    y0 = Math.max(y0, 0);
    x0 = Math.max(x0, 0);
    y1 = Math.min(y1, h);
    x1 = Math.min(x1, w);
    for (let y = y0; y < y1; y++) for (let xx = x0; xx < x1; xx++) b.add(y * w + xx);
    b.next(o.divisorOverride ?? (o.countIncludePad ? poolSize : (y1 - y0) * (x1 - x0)));
  }
  return applyMap(x, b.build(true), [...x.shape.slice(0, -2), oh, ow], { forward: 'AvgPool2DBackward0', adjoint: 'AvgPool2DBackwardBackward0' });
}

/** `adaptive_avg_pool2d`: window i of n spans [floor(i·size/n), ceil((i+1)·size/n)). */
export function adaptiveAvgPool2d(x: Tensor, outH: number, outW: number): Tensor {
  if ((x.ndim !== 3 && x.ndim !== 4) || x.shape.slice(1).some((s) => s === 0)) {
    throw runtimeError(`adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got ${formatShapeList(x.shape)}`);
  }
  checkFloat(x, 'adaptive_avg_pool2d');
  const h = x.shape[x.ndim - 2];
  const w = x.shape[x.ndim - 1];
  const b = new MapBuilder(h * w);
  for (let i = 0; i < outH; i++) {
    const y0 = Math.floor((i * h) / outH);
    const y1 = Math.ceil(((i + 1) * h) / outH);
    for (let j = 0; j < outW; j++) {
      const x0 = Math.floor((j * w) / outW);
      const x1 = Math.ceil(((j + 1) * w) / outW);
      for (let y = y0; y < y1; y++) for (let xx = x0; xx < x1; xx++) b.add(y * w + xx);
      b.next((y1 - y0) * (x1 - x0));
    }
  }
  return applyMap(x, b.build(true), [...x.shape.slice(0, -2), outH, outW], {
    forward: 'AdaptiveAvgPool2DBackward0',
    adjoint: 'AdaptiveAvgPool2DBackwardBackward0',
  });
}

/** ATen's compute_scales_value: 1/scale_factor when one was given, else in/out, in the kernel's precision. */
function scaleValue(round: (v: number) => number, scale: number | null, inSize: number, outSize: number): number {
  return scale !== null && scale > 0 ? round(1 / scale) : round(inSize / outSize);
}

/**
 * `upsample_nearest1d/2d`: source index floor(dst · scale), clamped, with the scale as a float32 (ATen computes
 * it in float). 3-D input is 1-D upsampling of its last dim (outH and scaleH unused).
 */
export function upsampleNearest(x: Tensor, outH: number, outW: number, scaleH: number | null, scaleW: number | null): Tensor {
  const oneD = x.ndim === 3;
  checkFloat(x, oneD ? 'upsample_nearest1d' : 'upsample_nearest2d');
  const h = oneD ? 1 : x.shape[x.ndim - 2];
  const w = x.shape[x.ndim - 1];
  const oh = oneD ? 1 : outH;
  const src = (dst: number, inSize: number, outSize: number, scale: number | null): number => {
    if (outSize === inSize) return dst;
    const s = scaleValue(Math.fround, scale, inSize, outSize);
    return Math.min(Math.floor(Math.fround(dst * s)), inSize - 1);
  };
  const b = new MapBuilder(h * w);
  for (let i = 0; i < oh; i++) {
    const y = src(i, h, oh, scaleH);
    for (let j = 0; j < outW; j++) {
      b.add(y * w + src(j, w, outW, scaleW));
      b.next();
    }
  }
  const outShape = oneD ? [...x.shape.slice(0, -1), outW] : [...x.shape.slice(0, -2), oh, outW];
  const name = oneD ? 'UpsampleNearest1DBackward0' : 'UpsampleNearest2DBackward0';
  return applyMap(x, b.build(false), outShape, { forward: name, adjoint: name.replace('Backward0', 'BackwardBackward0') });
}

/** Per output position along one axis: the two source indices and their weights (ATen's linear interpolation). */
function linearTaps(inSize: number, outSize: number, alignCorners: boolean, scale: number | null, round: (v: number) => number): Array<[number, number, number, number]> {
  const s = alignCorners ? (outSize > 1 ? round((inSize - 1) / (outSize - 1)) : 0) : scaleValue(round, scale, inSize, outSize);
  const taps: Array<[number, number, number, number]> = [];
  for (let d = 0; d < outSize; d++) {
    let real: number;
    if (alignCorners) real = round(s * d);
    else {
      real = round(round(s * round(d + 0.5)) - 0.5);
      if (real < 0) real = 0;
    }
    const i0 = Math.trunc(real);
    const i1 = i0 + (i0 < inSize - 1 ? 1 : 0);
    const l1 = Math.min(Math.max(round(real - i0), 0), 1);
    taps.push([i0, i1, round(1 - l1), l1]);
  }
  return taps;
}

/** `upsample_bilinear2d` with `align_corners`, its weights computed in the input's precision as ATen does. */
export function upsampleBilinear2d(x: Tensor, outH: number, outW: number, alignCorners: boolean, scaleH: number | null, scaleW: number | null): Tensor {
  checkFloat(x, 'upsample_bilinear2d');
  const round = isFloat32Stored(x.dtype) ? Math.fround : (v: number) => v;
  const h = x.shape[x.ndim - 2];
  const w = x.shape[x.ndim - 1];
  const ty = linearTaps(h, outH, alignCorners, scaleH, round);
  const tx = linearTaps(w, outW, alignCorners, scaleW, round);
  const b = new MapBuilder(h * w);
  for (const [y0, y1, wy0, wy1] of ty) {
    for (const [x0, x1, wx0, wx1] of tx) {
      b.add(y0 * w + x0, wy0 * wx0);
      b.add(y0 * w + x1, wy0 * wx1);
      b.add(y1 * w + x0, wy1 * wx0);
      b.add(y1 * w + x1, wy1 * wx1);
      b.next();
    }
  }
  return applyMap(x, b.build(false), [...x.shape.slice(0, -2), outH, outW], {
    forward: 'UpsampleBilinear2DBackward0',
    adjoint: 'UpsampleBilinear2DBackwardBackward0',
  });
}
