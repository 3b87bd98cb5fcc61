"""torch._VF's recurrent kernels: the cells and the layer loops of PyTorch's CPU path (ATen's RNN.cpp), composed
from tensor ops so that autograd records the same graph PyTorch's CPU build does. The input projection of a whole
sequence is one matmul (as ATen precomputes it on CPU), then each step adds one `h @ W_hh.T + b_hh` and splits
the gates; outputs are stacked over time, the two directions concatenated, the final states stacked. A
PackedSequence's data runs as ATen's packed layers run it: step t takes the first batch_sizes[t] rows.

A padded sequence's layer, and a cell's step, run in one engine call (rnn_layer, rnn_cell: engine/ops/
recurrent.ts), which makes the same ops in the same order as the step functions here; these run
PackedSequences, and everything while the host checks each op's result for NaN (the error names the op).
"""
from ._C import checks_each_op as _checks_each_op, op as _op
from ._tensor import _wrap
from .nn.functional import dropout as _dropout, linear as _linear


def _steps(t):
    """Steps of a sequence (or layers of a state) as ATen unbinds them: one UnbindBackward0 node for all."""
    return [_wrap(x) for x in _op("rnn_unbind", t._t, 0)]


def _check_cell_input(input, w_ih):
    if input.size(1) != w_ih.size(1):
        raise RuntimeError("input has inconsistent input_size: got %d expected %d" % (input.size(1), w_ih.size(1)))


def _check_cell_hidden(input, hx, hidden_size, label):
    if input.size(0) != hx.size(0):
        raise RuntimeError("Input batch size %d doesn't match hidden%d batch size %d" % (input.size(0), label, hx.size(0)))
    if hx.size(1) != hidden_size:
        raise RuntimeError("hidden%d has inconsistent hidden_size: got %d, expected %d" % (label, hx.size(1), hidden_size))


# One step of each cell. `xw` is the input's projection `x @ W_ih.T + b_ih` for this step; `p` the layer's
# (w_ih, w_hh, b_ih, b_hh, w_hr) with None for what the module lacks. Each returns the new hidden state (LSTM's
# as the pair (h, c)).

def _tanh_step(xw, h, p):
    return (_linear(h, p[1], p[3]) + xw).tanh()


def _relu_step(xw, h, p):
    return (_linear(h, p[1], p[3]) + xw).relu()


def _lstm_step(xw, hidden, p):
    hx, cx = hidden
    i, f, g, o = (_linear(hx, p[1], p[3]) + xw).unsafe_chunk(4, 1)
    cy = f.sigmoid() * cx + i.sigmoid() * g.tanh()
    hy = o.sigmoid() * cy.tanh()
    if p[4] is not None:
        hy = hy.matmul(p[4].t())
    return hy, cy


def _gru_step(xw, h, p):
    ir, iz, inew = xw.unsafe_chunk(3, 1)
    hr, hz, hnew = _linear(h, p[1], p[3]).unsafe_chunk(3, 1)
    r = (hr + ir).sigmoid()
    z = (hz + iz).sigmoid()
    n = (inew + hnew * r).tanh()
    # ATen's order of operations, (h - n) * z + n, rather than the documented (1 - z) * n + z * h
    return (h - n) * z + n


def _output_of(hidden):
    return hidden[0] if isinstance(hidden, tuple) else hidden


def _run_direction(step, xw_steps, hidden, p):
    outputs = []
    for xw in xw_steps:
        hidden = step(xw, hidden, p)
        outputs.append(_output_of(hidden))
    return outputs, hidden


_MODES = {_tanh_step: "rnn_tanh", _relu_step: "rnn_relu", _lstm_step: "lstm", _gru_step: "gru"}


def _engine_args(hidden, p):
    """A state and a parameter group as rnn_layer and rnn_cell take them: h, c (None but for LSTM), w_ih, w_hh,
    b_ih, b_hh, w_hr."""
    h, c = hidden if isinstance(hidden, tuple) else (hidden, None)
    return [h._t, None if c is None else c._t] + [None if w is None else w._t for w in p]


def _state_of(step, ts):
    return (ts[0], ts[1]) if step is _lstm_step else ts[0]


def _layer(step, input, hiddens, params):
    """One layer over the whole sequence; `hiddens` and `params` hold one entry per direction."""
    from . import cat, stack

    if input.size(0) == 0:
        raise RuntimeError("Expected sequence length to be larger than 0 in RNN")
    if not _checks_each_op():
        args = []
        for hidden, p in zip(hiddens, params):
            args.extend(_engine_args(hidden, p))
        res = [_wrap(t) for t in _op("rnn_layer", _MODES[step], input._t, *args)]
        per = 2 if step is _lstm_step else 1
        return res[0], [_state_of(step, res[k:k + per]) for k in range(1, len(res), per)]
    p = params[0]
    outputs, final = _run_direction(step, _steps(_linear(input, p[0], p[2])), hiddens[0], p)
    forward = stack(outputs, 0)
    if len(params) == 1:
        return forward, [final]
    p = params[1]
    rev_outputs, rev_final = _run_direction(step, _steps(_linear(input, p[0], p[2]))[::-1], hiddens[1], p)
    backward = stack(rev_outputs[::-1], 0)
    return cat([forward, backward], forward.dim() - 1), [final, rev_final]


def _group_params(params, has_biases, has_projections):
    per = (4 if has_biases else 2) + (1 if has_projections else 0)
    groups = []
    for k in range(0, len(params), per):
        chunk = list(params[k:k + per])
        w_ih, w_hh = chunk[0], chunk[1]
        b_ih, b_hh = (chunk[2], chunk[3]) if has_biases else (None, None)
        w_hr = chunk[-1] if has_projections else None
        groups.append((w_ih, w_hh, b_ih, b_hh, w_hr))
    return groups


def _stacked(layer, input, hiddens, params, num_layers, dropout, train, directions):
    """The layers in turn, dropout between them in training; returns the output and each layer-direction's final."""
    finals = []
    for k in range(0, num_layers * directions, directions):
        input, layer_finals = layer(input, hiddens[k:k + directions], params[k:k + directions])
        finals.extend(layer_finals)
        if dropout != 0 and train and k < (num_layers - 1) * directions:
            input = _dropout(input, dropout, True)
    return input, finals


def _hidden_slice(hidden, start, end):
    if isinstance(hidden, tuple):
        return tuple(h.narrow(0, start, end - start) for h in hidden)
    return hidden.narrow(0, start, end - start)


def _hidden_concat(hiddens):
    from . import cat

    if isinstance(hiddens[0], tuple):
        return tuple(cat(list(parts), 0) for parts in zip(*hiddens))
    return cat(hiddens, 0)


def _packed_direction(step, xw, batch_sizes, hidden, p):
    """ATen's PackedLayer: step t takes the first batch_sizes[t] rows; sequences that end leave their state."""
    outputs, finished = [], []
    offset, last = 0, batch_sizes[0]
    for bs in batch_sizes:
        x = xw.narrow(0, offset, bs)
        offset += bs
        if last > bs:
            finished.append(_hidden_slice(hidden, bs, last))
            hidden = _hidden_slice(hidden, 0, bs)
        last = bs
        hidden = step(x, hidden, p)
        outputs.append(_output_of(hidden))
    finished.append(hidden)
    return outputs, _hidden_concat(finished[::-1])


def _packed_reverse_direction(step, xw, batch_sizes, input_hidden, p):
    """ATen's ReversedPackedLayer: from the last step back, taking in sequences' states as they start."""
    outputs = []
    offset, last = xw.size(0), batch_sizes[-1]
    hidden = _hidden_slice(input_hidden, 0, last)
    for bs in reversed(batch_sizes):
        if bs > last:
            hidden = _hidden_concat([hidden, _hidden_slice(input_hidden, last, bs)])
        x = xw.narrow(0, offset - bs, bs)
        offset -= bs
        last = bs
        hidden = step(x, hidden, p)
        outputs.append(_output_of(hidden))
    return outputs[::-1], hidden


def _packed_layer(step, data, batch_sizes, hiddens, params):
    from . import cat

    p = params[0]
    outputs, final = _packed_direction(step, _linear(data, p[0], p[2]), batch_sizes, hiddens[0], p)
    forward = cat(outputs, 0)
    if len(params) == 1:
        return forward, [final]
    p = params[1]
    rev_outputs, rev_final = _packed_reverse_direction(step, _linear(data, p[0], p[2]), batch_sizes, hiddens[1], p)
    return cat([forward, cat(rev_outputs, 0)], -1), [final, rev_final]


def _run(step, input, hiddens, groups, num_layers, dropout, train, bidirectional, batch_first, batch_sizes, in_place_transpose):
    """A padded batch (batch_sizes None) or a PackedSequence's data through the stacked layers."""
    directions = 2 if bidirectional else 1
    if batch_sizes is not None:
        sizes = [int(b) for b in batch_sizes.tolist()]
        layer = lambda x, h, p: _packed_layer(step, x, sizes, h, p)  # noqa: E731
        return _stacked(layer, input, hiddens, groups, num_layers, dropout, train, directions)
    if batch_first:
        input = input.transpose(0, 1)
    output, finals = _stacked(lambda x, h, p: _layer(step, x, h, p), input, hiddens, groups, num_layers, dropout, train, directions)
    if batch_first:
        # ATen turns RNN's and GRU's output back with transpose_ (TransposeBackward1), LSTM's with transpose
        output = _wrap(_op("transpose", output._t, 0, 1, in_place_transpose))
    return output, finals


def _simple_rnn(step, args):
    """rnn_tanh, rnn_relu and gru in either of PyTorch's forms: (input, hx, params, has_biases, num_layers,
    dropout, train, bidirectional, batch_first) or, for a PackedSequence, (data, batch_sizes, hx, params,
    has_biases, num_layers, dropout, train, bidirectional)."""
    from . import Tensor, stack

    if isinstance(args[2], Tensor):
        input, batch_sizes, hx, params, has_biases, num_layers, dropout, train, bidirectional = args
        batch_first = False
    else:
        input, hx, params, has_biases, num_layers, dropout, train, bidirectional, batch_first = args
        batch_sizes = None
    groups = _group_params(params, has_biases, False)
    output, finals = _run(step, input, _steps(hx), groups, num_layers, dropout, train, bidirectional, batch_first, batch_sizes, True)
    return output, stack(finals, 0)


def rnn_tanh(*args):
    return _simple_rnn(_tanh_step, args)


def rnn_relu(*args):
    return _simple_rnn(_relu_step, args)


def gru(*args):
    return _simple_rnn(_gru_step, args)


def lstm(*args):
    """PyTorch's two forms, as _simple_rnn's, with hx the pair (h0, c0)."""
    from . import Tensor, stack

    if isinstance(args[1], Tensor):
        input, batch_sizes, hx, params, has_biases, num_layers, dropout, train, bidirectional = args
        batch_first = False
    else:
        input, hx, params, has_biases, num_layers, dropout, train, bidirectional, batch_first = args
        batch_sizes = None
    if len(hx) != 2:
        raise RuntimeError("lstm expects two hidden states")
    groups = _group_params(params, has_biases, hx[0].size(2) != hx[1].size(2))
    hiddens = list(zip(_steps(hx[0]), _steps(hx[1])))
    output, finals = _run(_lstm_step, input, hiddens, groups, num_layers, dropout, train, bidirectional, batch_first, batch_sizes, False)
    return output, stack([h for h, _ in finals], 0), stack([c for _, c in finals], 0)


def _cell_params(w_ih, w_hh, b_ih, b_hh):
    return (w_ih, w_hh, b_ih, b_hh, None)


def _cell(step, input, hx, p):
    if _checks_each_op():
        return step(_linear(input, p[0], p[2]), hx, p)
    return _state_of(step, [_wrap(t) for t in _op("rnn_cell", _MODES[step], input._t, *_engine_args(hx, p))])


def rnn_tanh_cell(input, hx, w_ih, w_hh, b_ih=None, b_hh=None):
    _check_cell_input(input, w_ih)
    _check_cell_hidden(input, hx, w_hh.size(1), 0)
    return _cell(_tanh_step, input, hx, _cell_params(w_ih, w_hh, b_ih, b_hh))


def rnn_relu_cell(input, hx, w_ih, w_hh, b_ih=None, b_hh=None):
    _check_cell_input(input, w_ih)
    _check_cell_hidden(input, hx, w_hh.size(1), 0)
    return _cell(_relu_step, input, hx, _cell_params(w_ih, w_hh, b_ih, b_hh))


def lstm_cell(input, hx, w_ih, w_hh, b_ih=None, b_hh=None):
    if len(hx) != 2:
        raise RuntimeError("lstm_cell expects two hidden states")
    _check_cell_input(input, w_ih)
    _check_cell_hidden(input, hx[0], w_hh.size(1), 0)
    # ATen labels the cell state's mismatch "hidden0" as well
    _check_cell_hidden(input, hx[1], w_hh.size(1), 0)
    return _cell(_lstm_step, input, (hx[0], hx[1]), _cell_params(w_ih, w_hh, b_ih, b_hh))


def gru_cell(input, hx, w_ih, w_hh, b_ih=None, b_hh=None):
    _check_cell_input(input, w_ih)
    _check_cell_hidden(input, hx, w_hh.size(1), 0)
    return _cell(_gru_step, input, hx, _cell_params(w_ih, w_hh, b_ih, b_hh))
