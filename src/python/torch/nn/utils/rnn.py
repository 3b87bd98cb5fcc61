"""torch.nn.utils.rnn: PackedSequence, packing and padding of variable-length batches, as PyTorch's."""
from collections import namedtuple

__all__ = [
    "PackedSequence", "invert_permutation", "pack_padded_sequence", "pad_packed_sequence", "pad_sequence",
    "unpad_sequence", "pack_sequence", "unpack_sequence",
]

_PackedSequenceBase = namedtuple("PackedSequence_", ["data", "batch_sizes", "sorted_indices", "unsorted_indices"])


class PackedSequence(_PackedSequenceBase):
    def __new__(cls, data, batch_sizes=None, sorted_indices=None, unsorted_indices=None):
        if unsorted_indices is None:
            unsorted_indices = invert_permutation(sorted_indices)
        if batch_sizes is not None:
            if batch_sizes.device.type != "cpu":
                raise ValueError(
                    "batch_sizes should always be on CPU. Instances of PackedSequence should never be created manually. "
                    "They should be instantiated by functions like pack_sequence and pack_padded_sequences in "
                    "nn.utils.rnn. https://pytorch.org/docs/stable/nn.html#torch.nn.utils.rnn.pack_sequence"
                )
            return super().__new__(cls, data, batch_sizes, sorted_indices, unsorted_indices)
        # (data, batch_sizes) given as one tuple
        return super().__new__(cls, data[0], data[1], sorted_indices, unsorted_indices)

    def to(self, *args, **kwargs):
        data = self.data.to(*args, **kwargs)
        if data is self.data:
            return self
        return type(self)(data, self.batch_sizes, self.sorted_indices, self.unsorted_indices)

    def cpu(self, *args, **kwargs):
        return self.to(*args, **kwargs)

    def double(self):
        from ... import float64

        return self.to(dtype=float64)

    def float(self):
        from ... import float32

        return self.to(dtype=float32)

    @property
    def is_cuda(self):
        return False

    def is_pinned(self):
        return False


def invert_permutation(permutation):
    from ... import as_tensor, int64

    if permutation is None:
        return None
    order = permutation.tolist()
    inverse = [0] * len(order)
    for i, p in enumerate(order):
        inverse[p] = i
    return as_tensor(inverse, dtype=int64)


def pack_padded_sequence(input, lengths, batch_first=False, enforce_sorted=True):
    from ... import Tensor, as_tensor, int64
    from ..._C import op
    from ..._tensor import _wrap

    if not isinstance(lengths, Tensor):
        lengths = as_tensor(lengths, dtype=int64)
    else:
        lengths = lengths.to(dtype=int64)
    if enforce_sorted:
        sorted_indices = None
    else:
        # a stable descending sort, as PyTorch's CPU sort orders equal lengths
        values = lengths.tolist()
        order = sorted(range(len(values)), key=lambda i: -values[i])
        lengths, sorted_indices = as_tensor([values[i] for i in order], dtype=int64), as_tensor(order, dtype=int64)
        input = input.index_select(0 if batch_first else 1, sorted_indices)
    packed = op("_pack_padded_sequence", input._t, lengths.tolist(), bool(batch_first))
    data, batch_sizes = _wrap(packed[0]), as_tensor(list(packed[1]), dtype=int64)
    return PackedSequence(data, batch_sizes, sorted_indices, None)


def pad_packed_sequence(sequence, batch_first=False, padding_value=0.0, total_length=None):
    from ... import full, int64, zeros

    data, batch_sizes = sequence.data, sequence.batch_sizes.tolist()
    max_seq_length = len(batch_sizes)
    if total_length is not None:
        if total_length < max_seq_length:
            raise ValueError(
                "Expected total_length to be at least the length of the longest sequence in input, but got "
                "total_length={} and max sequence length being {}".format(total_length, max_seq_length)
            )
        max_seq_length = total_length
    max_batch = batch_sizes[0]
    # ATen's composition: a padded tensor written run by run (CopySlices), then transposed for batch_first
    output = full((max_seq_length, max_batch) + tuple(data.shape[1:]), padding_value, dtype=data.dtype)
    lengths = zeros(max_batch, dtype=int64)
    offset, prev_i, prev_bs = 0, 0, max_batch
    for i in range(len(batch_sizes) + 1):
        bs = batch_sizes[i] if i < len(batch_sizes) else 0
        if bs != prev_bs:
            n = prev_bs * (i - prev_i)
            output[prev_i:i, :prev_bs] = data[offset:offset + n].view((i - prev_i, prev_bs) + tuple(data.shape[1:]))
            offset += n
            prev_i = i
        for j in range(bs, prev_bs):
            lengths[j] = i
        prev_bs = bs
    if batch_first:
        output = output.transpose(0, 1)
    if sequence.unsorted_indices is not None:
        return output.index_select(0 if batch_first else 1, sequence.unsorted_indices), lengths[sequence.unsorted_indices]
    return output, lengths


def pad_sequence(sequences, batch_first=False, padding_value=0.0, padding_side="right"):
    from ... import cat, full, stack

    if padding_side not in ("left", "right"):
        raise ValueError("Expected padding_side to be one of left or right, but got %s." % padding_side)
    sequences = list(sequences)
    max_len = max(s.size(0) for s in sequences)
    padded = []
    for s in sequences:
        missing = max_len - s.size(0)
        if missing:
            pad = full((missing,) + tuple(s.shape[1:]), padding_value, dtype=s.dtype)
            s = cat([s, pad] if padding_side == "right" else [pad, s], 0)
        padded.append(s)
    return stack(padded, 0 if batch_first else 1)


def unpad_sequence(padded_sequences, lengths, batch_first=False):
    from ... import arange

    if not batch_first:
        padded_sequences = padded_sequences.transpose(0, 1)
    idx = arange(padded_sequences.shape[1])
    return [seq[idx < length] for seq, length in zip(padded_sequences, lengths)]


def pack_sequence(sequences, enforce_sorted=True):
    lengths = [v.size(0) for v in sequences]
    return pack_padded_sequence(pad_sequence(sequences), lengths, enforce_sorted=enforce_sorted)


def unpack_sequence(packed_sequences):
    padded_sequences, lengths = pad_packed_sequence(packed_sequences, batch_first=True)
    return unpad_sequence(padded_sequences, lengths, batch_first=True)
