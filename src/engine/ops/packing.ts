/**
 * `torch._pack_padded_sequence`: a padded, time-major batch (T, B, *) packed into the rows a PackedSequence
 * holds (step by step, the first batch_sizes[t] sequences of step t), recorded as PyTorch records it
 * (PackPaddedSequenceBackward0). The sortedness and length checks are ATen's, with its messages.
 */
import { zeros } from '../creation';
import { record, withGradMode } from '../graph';
import { runtimeError } from '../errors';
import type { Tensor } from '../tensor';
import { cat, narrow, select, stack, transpose } from './views';

/** The packed rows and the batch size of each step, for `lengths` sorted in decreasing order. */
export function packPaddedSequence(input: Tensor, lengths: readonly number[], batchFirst: boolean): [Tensor, number[]] {
  const x = batchFirst ? withGradMode(false, () => transpose(input, 0, 1)) : input;
  if (x.numel === 0) throw runtimeError('Cannot pack empty tensors.');
  const batch = x.shape[1];
  if (lengths.length !== batch) {
    throw runtimeError(`Expected \`len(lengths)\` to be equal to batch_size, but got ${lengths.length} (batch_size=${batch})`);
  }
  if (!(lengths[batch - 1] > 0)) {
    throw runtimeError("Length of all samples has to be greater than 0, but found an element in 'lengths' that is <= 0");
  }
  for (let i = 0; i < batch - 1; i++) {
    if (lengths[batch - 1 - i] > lengths[batch - 2 - i]) {
      throw runtimeError(
        '`lengths` array must be sorted in decreasing order when `enforce_sorted` is True. You can pass `enforce_sorted=False` ' +
          'to pack_padded_sequence and/or pack_sequence to sidestep this requirement if you do not need ONNX exportability.',
      );
    }
  }
  const steps = lengths[0];
  if (steps > x.shape[0]) {
    throw runtimeError(`start (0) + length (${steps}) exceeds dimension size (${x.shape[0]}).`);
  }
  const batchSizes: number[] = [];
  for (let t = 0; t < steps; t++) batchSizes.push(lengths.filter((l) => l > t).length);
  const data = withGradMode(false, () => cat(batchSizes.map((bs, t) => narrow(select(x, 0, t), 0, 0, bs)), 0));
  const packed = record('PackPaddedSequenceBackward0', data, [input], [], (g) => [padGradient(g, batchSizes, x.shape, batchFirst)]);
  return [packed, batchSizes];
}

/** The padded gradient of a packed one: each step's rows back in place, zeros where sequences had ended. */
function padGradient(g: Tensor, batchSizes: readonly number[], paddedShape: readonly number[], batchFirst: boolean): Tensor {
  const [steps, batch, ...rest] = paddedShape;
  const rows: Tensor[] = [];
  let offset = 0;
  for (let t = 0; t < steps; t++) {
    const bs = t < batchSizes.length ? batchSizes[t] : 0;
    const parts: Tensor[] = [];
    if (bs > 0) parts.push(narrow(g, 0, offset, bs));
    if (bs < batch) parts.push(zeros([batch - bs, ...rest], g.dtype));
    rows.push(parts.length === 1 ? parts[0] : cat(parts, 0));
    offset += bs;
  }
  const padded = stack(rows, 0);
  return batchFirst ? transpose(padded, 0, 1) : padded;
}
