/**
 * Storages for pickling tensors (Tensor.__reduce_ex__, torch.save and torch.load: src/python/torch/serialization.py):
 * the storage a tensor views, its bytes in PyTorch's file layout (little-endian, int64 as 8-byte integers, bool as
 * one byte each, float16 and bfloat16 as their 16 bits), storages made from such bytes, and tensors made over a storage, so that views pickled together
 * share their storage again after loading.
 */
import { allocate, itemSize, type DType, type StorageArray } from '../../engine/dtype';
import { TorchError } from '../../engine/errors';
import { bits16, fromBits16 } from '../../engine/halfPrecision';
import { Tensor } from '../../engine/tensor';

/** Storage identity for the pickler (a WeakMap: numbering a storage keeps nothing alive). */
const keys = new WeakMap<StorageArray, number>();
let nextKey = 1;

/** The little-endian bytes the engine's own arrays hold; every platform Node runs the extension on is one. */
function ownBytes(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

export const storage = {
  /** The flat array a tensor views, shared with its views, `.data` and `detach()`. */
  storage_of: (t: Tensor): StorageArray => t.data,
  /** The same number for the same storage, however many tensors view it. */
  storage_key: (data: StorageArray): number => {
    let key = keys.get(data);
    if (key === undefined) {
      key = nextKey++;
      keys.set(data, key);
    }
    return key;
  },
  /** A whole storage, as a .pt file holds it. int64 lives in doubles here; its values are integers. */
  storage_bytes: (data: StorageArray, dtype: DType): Uint8Array => {
    if (dtype === 'float16' || dtype === 'bfloat16') {
      const out = new Uint16Array(data.length);
      for (let i = 0; i < out.length; i++) out[i] = bits16(dtype, data[i]);
      return ownBytes(out);
    }
    if (dtype === 'int32') return ownBytes(Int32Array.from(data));
    if (dtype !== 'int64') return ownBytes(data).slice();
    const out = new BigInt64Array(data.length);
    for (let i = 0; i < out.length; i++) out[i] = BigInt(data[i]);
    return ownBytes(out);
  },
  /** A storage from a .pt file's bytes (int64 values beyond 2**53 round to the nearest double, as everywhere here). */
  storage_from_bytes: (bytes: Uint8Array, dtype: DType): StorageArray => {
    const size = itemSize(dtype);
    if (bytes.byteLength % size !== 0) {
      throw new TorchError('RuntimeError', `a storage of ${dtype} holds a whole number of ${size}-byte elements, but this one has ${bytes.byteLength} bytes`);
    }
    const n = bytes.byteLength / size;
    const out = allocate(dtype, n);
    if (dtype === 'float16' || dtype === 'bfloat16') {
      const halves = new Uint16Array(bytes.slice().buffer);
      for (let i = 0; i < n; i++) out[i] = fromBits16(dtype, halves[i]);
    } else if (dtype === 'int32') {
      out.set(new Int32Array(bytes.slice().buffer));
    } else if (dtype === 'int64') {
      const ints = new BigInt64Array(bytes.slice().buffer);
      for (let i = 0; i < n; i++) out[i] = Number(ints[i]);
    } else {
      ownBytes(out).set(bytes);
    }
    return out;
  },
  /** torch._utils._rebuild_tensor_v2's tensor: `shape` and `strides` follow `offset` as rest arguments. */
  tensor_over_storage: (data: StorageArray, dtype: DType, offset: number, ndim: number, ...shapeAndStrides: number[]): Tensor => {
    const shape = shapeAndStrides.slice(0, ndim);
    const strides = shapeAndStrides.slice(ndim, 2 * ndim);
    // The furthest element the view reaches must lie in the storage, as PyTorch's setStorage checks.
    let last = offset;
    let empty = false;
    for (let d = 0; d < ndim; d++) {
      if (shape[d] === 0) empty = true;
      else last += (shape[d] - 1) * strides[d];
    }
    const needed = empty ? 0 : last + 1;
    if (offset < 0 || strides.some((s) => s < 0) || needed > data.length) {
      const bytes = itemSize(dtype);
      throw new TorchError(
        'RuntimeError',
        `setStorage: sizes [${shape.join(', ')}], strides [${strides.join(', ')}], storage offset ${offset}, and itemsize ${bytes} requiring a storage size of ${needed * bytes} are out of bounds for storage of size ${data.length * bytes}`,
      );
    }
    return new Tensor(data, shape, strides, offset, dtype);
  },
};
