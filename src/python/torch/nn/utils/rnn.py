"""torch.nn.utils.rnn: pad_sequence. PackedSequence is not implemented: the functions that make or take one raise
an error that names it, so that a script learns at once what to change (pad, and pass the padded batch)."""

__all__ = ["pad_sequence", "pack_padded_sequence", "pad_packed_sequence", "pack_sequence", "unpack_sequence", "unpad_sequence"]


def _no_packed_sequence(name):
    raise NotImplementedError(
        "torch.nn.utils.rnn.%s: PackedSequence is not supported by Autograd Playground; pad the sequences "
        "(pad_sequence) and pass the padded batch to the recurrent layer instead" % name
    )


def pad_sequence(sequences, batch_first=False, padding_value=0.0, padding_side="right"):
    from ... import stack, full

    if padding_side not in ("left", "right"):
        raise ValueError("Expected padding_side to be one of left or right, but got %s." % padding_side)
    sequences = list(sequences)
    max_len = max(s.size(0) for s in sequences)
    padded = []
    for s in sequences:
        missing = max_len - s.size(0)
        if missing:
            from ... import cat

            pad = full((missing,) + tuple(s.shape[1:]), padding_value, dtype=s.dtype)
            s = cat([s, pad] if padding_side == "right" else [pad, s], 0)
        padded.append(s)
    return stack(padded, 0 if batch_first else 1)


def pack_padded_sequence(input, lengths, batch_first=False, enforce_sorted=True):
    _no_packed_sequence("pack_padded_sequence")


def pad_packed_sequence(sequence, batch_first=False, padding_value=0.0, total_length=None):
    _no_packed_sequence("pad_packed_sequence")


def pack_sequence(sequences, enforce_sorted=True):
    _no_packed_sequence("pack_sequence")


def unpack_sequence(packed_sequences):
    _no_packed_sequence("unpack_sequence")


def unpad_sequence(padded_sequences, lengths, batch_first=False):
    from ... import arange

    if not batch_first:
        padded_sequences = padded_sequences.transpose(0, 1)
    max_length = padded_sequences.shape[1]
    idx = arange(max_length)
    return [seq[idx < length] for seq, length in zip(padded_sequences, lengths)]
