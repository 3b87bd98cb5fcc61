/**
 * `pixel_shuffle` and `pixel_unshuffle`: (*, C·r², H, W) ⇄ (*, C, H·r, W·r), a fixed permutation of the elements.
 * Each is the other's gradient, as in PyTorch's derivatives (so create_graph=True works and the names match).
 */
import { runtimeError } from '../errors';
import { record } from '../graph';
import { allocateChecked, makeTensor, Tensor } from '../tensor';

function check(x: Tensor, name: string, what: string, factor: number): void {
  if (x.ndim < 3) {
    throw runtimeError(`${name} expects input to have at least 3 dimensions, but got input with ${x.ndim} dimension(s)`);
  }
  if (factor <= 0) throw runtimeError(`${name} expects a positive ${what}, but got ${factor}`);
}

/** Output element (c, h·r + i, w·r + j) of each leading index reads input channel c·r² + i·r + j at (h, w). */
function permute(x: Tensor, r: number, shuffle: boolean, outShape: number[]): Tensor {
  const src = x.values(true);
  const out = allocateChecked(x.dtype, outShape);
  // Named for the shuffled (large) side: c channels of H·r × W·r.
  const big = shuffle ? outShape : x.shape;
  const c = big[big.length - 3];
  const bh = big[big.length - 2];
  const bw = big[big.length - 1];
  const h = bh / r;
  const w = bw / r;
  const plane = c * bh * bw;
  const lead = src.length / plane;
  for (let n = 0; n < lead; n++) {
    const base = n * plane;
    for (let ch = 0; ch < c; ch++) for (let y = 0; y < bh; y++) for (let xx = 0; xx < bw; xx++) {
      const small = base + (((ch * r + (y % r)) * r + (xx % r)) * h + Math.floor(y / r)) * w + Math.floor(xx / r);
      const large = base + (ch * bh + y) * bw + xx;
      if (shuffle) out[large] = src[small];
      else out[small] = src[large];
    }
  }
  return makeTensor(out, outShape, x.dtype);
}

export function pixelShuffle(x: Tensor, r: number): Tensor {
  check(x, 'pixel_shuffle', 'upscale_factor', r);
  const [c, h, w] = x.shape.slice(-3);
  if (c % (r * r) !== 0) {
    throw runtimeError(
      `pixel_shuffle expects its input's 'channel' dimension to be divisible by the square of upscale_factor, but input.size(-3)=${c} is not divisible by ${r * r}`,
    );
  }
  const outShape = [...x.shape.slice(0, -3), c / (r * r), h * r, w * r];
  return record('PixelShuffleBackward0', permute(x, r, true, outShape), [x], [], (g) => [pixelUnshuffle(g, r)]);
}

export function pixelUnshuffle(x: Tensor, r: number): Tensor {
  check(x, 'pixel_unshuffle', 'downscale_factor', r);
  const [c, h, w] = x.shape.slice(-3);
  if (h % r !== 0) {
    throw runtimeError(`pixel_unshuffle expects height to be divisible by downscale_factor, but input.size(-2)=${h} is not divisible by ${r}`);
  }
  if (w % r !== 0) {
    throw runtimeError(`pixel_unshuffle expects width to be divisible by downscale_factor, but input.size(-1)=${w} is not divisible by ${r}`);
  }
  const outShape = [...x.shape.slice(0, -3), c * r * r, h / r, w / r];
  return record('PixelUnshuffleBackward0', permute(x, r, false, outShape), [x], [], (g) => [pixelShuffle(g, r)]);
}
