/**
 * Padding as torch.nn.functional.pad computes it: `constant` (ATen's constant_pad_nd, negative amounts crop)
 * and the index-mapped modes `reflect` and `replicate` (reflection_padNd / replication_padNd, whose backward
 * adds each output gradient onto the input element it was read from, in the output's order and precision).
 * `pad` lists (before, after) pairs from the last dimension backwards, as PyTorch's does.
 */
import { castValue, isReducedFloat, SCALAR_TYPE_NAMES } from '../dtype';
import { runtimeError } from '../errors';
import { gradMode, record } from '../graph';
import { copyInto } from '../kernels';
import { aliasOf, emptyTensor, fullTensor, Tensor } from '../tensor';

function checkPairs(pad: readonly number[], dims: number): void {
  if (pad.length % 2 !== 0) throw runtimeError('Padding length must be divisible by 2');
  if (pad.length / 2 > dims) throw runtimeError('Padding length too large');
}

/** A narrowed view without history, with the error text of ATen's narrow. */
function narrowed(t: Tensor, dim: number, start: number, length: number): Tensor {
  const size = t.shape[dim];
  if (length < 0 || start < 0 || start + length > size) {
    throw runtimeError(`start (${start}) + length (${length}) exceeds dimension size (${size}).`);
  }
  const shape = t.shape.slice();
  shape[dim] = length;
  return aliasOf(t, shape, t.strides, t.offset + start * t.strides[dim]);
}

export function constantPadNd(x: Tensor, pad: readonly number[], value: number): Tensor {
  checkPairs(pad, x.shape.length);
  const nd = x.shape.length;
  const pairs = pad.length / 2;
  // Crops first, as ATen narrows the input before it allocates the output.
  let src = aliasOf(x, x.shape, x.strides, x.offset);
  for (let i = 0; i < pairs; i++) {
    const dim = nd - 1 - i;
    const before = pad[2 * i];
    const after = pad[2 * i + 1];
    if (before < 0) src = narrowed(src, dim, -before, src.shape[dim] + before);
    if (after < 0) src = narrowed(src, dim, 0, src.shape[dim] + after);
  }
  const shape = x.shape.slice();
  for (let i = 0; i < pairs; i++) {
    const dim = nd - 1 - i;
    shape[dim] = x.shape[dim] + pad[2 * i] + pad[2 * i + 1];
    if (shape[dim] < 0) {
      throw runtimeError(`The input size ${x.shape[dim]}, plus negative padding ${pad[2 * i]} and ${pad[2 * i + 1]} resulted in a negative output size, which is invalid. Check dimension ${dim} of your input.`);
    }
  }
  const out = fullTensor(shape, castValue(x.dtype, value), x.dtype);
  let offset = 0;
  for (let i = 0; i < pairs; i++) {
    const dim = nd - 1 - i;
    offset += Math.max(pad[2 * i], 0) * out.strides[dim];
  }
  copyInto(aliasOf(out, src.shape, out.strides, offset), src);
  const negated = pad.map((p) => -p);
  return record('ConstantPadNdBackward0', out, [x], [], (g) => [constantPadNd(g, negated, 0)]);
}

export type IndexPadMode = 'reflect' | 'replicate';

/** Where output index `i` of a dimension of `size`, padded by `before`, reads from. */
function sourceIndex(mode: IndexPadMode, i: number, size: number, before: number): number {
  const j = i - before;
  if (mode === 'replicate') return Math.min(Math.max(j, 0), size - 1);
  if (j < 0) return -j;
  if (j >= size) return 2 * (size - 1) - j;
  return j;
}

const MODE_NAMES = { reflect: 'Reflection', replicate: 'Replication' } as const;
const KERNEL_NAMES = { reflect: 'reflection', replicate: 'replication' } as const;

/**
 * reflect / replicate padding of the last pad.length/2 dimensions (1 to 3; the input has one or two
 * dimensions more: channels, and an optional batch). torch.nn.functional.pad checks the dimension counts.
 */
export function indexPad(x: Tensor, pad: readonly number[], mode: IndexPadMode): Tensor {
  checkPairs(pad, x.shape.length);
  const k = pad.length / 2;
  const nd = x.shape.length;
  if (x.dtype !== 'float32' && x.dtype !== 'float64' && x.dtype !== 'float16' && x.dtype !== 'bfloat16') {
    throw runtimeError(`"${KERNEL_NAMES[mode]}_pad${k}d" not implemented for '${SCALAR_TYPE_NAMES[x.dtype]}'`);
  }
  for (let i = 0; i < nd; i++) {
    // The leading (batch) dimension may be empty; the others may not.
    if (x.shape[i] === 0 && !(i === 0 && nd === k + 2)) {
      const lo = k + 1;
      throw runtimeError(`Expected ${lo}D or ${lo + 1}D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for input, but got: [${x.shape.join(', ')}]`);
    }
  }
  if (mode === 'reflect') {
    for (let i = 0; i < k; i++) {
      const dim = nd - 1 - i;
      const before = pad[2 * i];
      const after = pad[2 * i + 1];
      if (before >= x.shape[dim] || after >= x.shape[dim]) {
        // ATen's reflection_pad2d names the input's dimension count where 1d and 3d name its shape.
        const what = k === 2 ? `${nd}` : `[${x.shape.join(', ')}]`;
        throw runtimeError(`Argument #${4 + 2 * i}: Padding size should be less than the corresponding input dimension, but got: padding (${before}, ${after}) at dimension ${dim} of input ${what}`);
      }
    }
  }
  const shape = x.shape.slice();
  const maps: Int32Array[] = [];
  for (let d = 0; d < nd; d++) {
    const fromEnd = nd - 1 - d;
    const before = fromEnd < k ? pad[2 * fromEnd] : 0;
    const after = fromEnd < k ? pad[2 * fromEnd + 1] : 0;
    shape[d] = x.shape[d] + before + after;
    if (shape[d] < 0) throw runtimeError(`input tensor is too small for the padding: output size ${shape[d]} at dimension ${d}`);
    const map = new Int32Array(shape[d]);
    for (let i = 0; i < shape[d]; i++) map[i] = x.strides[d] * (fromEnd < k ? sourceIndex(mode, i, x.shape[d], before) : i);
    maps.push(map);
  }
  const out = emptyTensor(shape, x.dtype);
  const positions = gatherPositions(maps, shape, x.offset);
  const o = out.data;
  const src = x.data;
  for (let i = 0; i < positions.length; i++) o[i] = src[positions[i]];
  const name = `${MODE_NAMES[mode]}Pad${k}DBackward0`;
  return record(name, out, [x], [], (g) => {
    if (gradMode.enabled && g.requiresGrad) throw runtimeError(`${name}: differentiating the gradient of ${mode} padding (create_graph=True) is not supported in Autograd Playground`);
    // The input's own positions (contiguous from 0) for each output element, the order the gradient is added in.
    const dense = x.shape.slice();
    const denseStrides = new Array<number>(nd);
    let s = 1;
    for (let d = nd - 1; d >= 0; d--) {
      denseStrides[d] = s;
      s *= dense[d];
    }
    const denseMaps = maps.map((m, d) => m.map((v) => (v / x.strides[d]) * denseStrides[d]));
    const back = gatherPositions(denseMaps, shape, 0);
    const gradIn = emptyTensor(x.shape, g.dtype);
    const gi = gradIn.data;
    const gv = g.values(true);
    // Each addition rounds to the gradient's dtype, as ATen's scalar_t loop does (16-bit types included).
    if (isReducedFloat(g.dtype)) for (let i = 0; i < back.length; i++) gi[back[i]] = castValue(g.dtype, gi[back[i]] + gv[i]);
    else for (let i = 0; i < back.length; i++) gi[back[i]] += gv[i];
    return [gradIn];
  });
}

/** For each element of `shape` in row-major order, offset plus the sum over dimensions of maps[d][index]. */
function gatherPositions(maps: readonly Int32Array[], shape: readonly number[], offset: number): Int32Array {
  let n = 1;
  for (const s of shape) n *= s;
  const out = new Int32Array(n);
  const nd = shape.length;
  const idx = new Array<number>(nd).fill(0);
  for (let i = 0; i < n; i++) {
    let p = offset;
    for (let d = 0; d < nd; d++) p += maps[d][idx[d]];
    out[i] = p;
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}
