# Snippets for test/fixtures/nn_rnn.json and nn_attention.json: recurrent layers and attention. Each snippet runs
# after PRELUDE and records values with emit(key, value); gen_layer_fixtures.py runs it under real PyTorch and
# stores what it recorded; test/python/torch/nn-rnn.test.ts and nn-attention.test.ts run the same code in the
# playground and compare: strings exactly, tensors emitted with exact=True bit for bit (parameters drawn at a
# seed), other tensors within float32 rounding.
#
# Optional per case: `expect` {key: value} overrides what 1.13 recorded where PyTorch 2.x says otherwise (with
# `note`); `reference` is code 1.13 runs instead of `code` (for scaled_dot_product_attention, which 1.13 lacks:
# its documented definition written out in matmul and softmax).
import textwrap

PRELUDE = textwrap.dedent(
    """\
    import json, math, torch
    import torch.nn as nn
    import torch.nn.functional as F
    OUT = {}
    def emit(key, v, exact=False):
        if isinstance(v, torch.Tensor):
            OUT[key] = {"shape": list(v.shape), "values": v.detach().reshape(-1).tolist(), "exact": exact}
        elif v is None or isinstance(v, (bool, int, float, str, list)):
            OUT[key] = v
        else:
            OUT[key] = str(v)
    def grad_fn(key, t):
        OUT[key] = None if t.grad_fn is None else type(t.grad_fn).__name__
    def params(prefix, m):
        OUT[prefix + ".names"] = [n for n, _ in m.named_parameters()]
        for n, p in m.named_parameters():
            emit(prefix + "." + n, p, exact=True)
    def grads(prefix, m):
        for n, p in m.named_parameters():
            emit(prefix + ".grad." + n, p.grad)
    def error(key, f):
        try:
            f()
        except Exception as e:
            OUT[key] = type(e).__name__ + ": " + str(e)
        else:
            OUT[key] = "no error"
    """
)
EPILOGUE = "print(json.dumps(OUT))\n"


def case(name, code, prefix="", **extra):
    c = dict(name=name, code=prefix + textwrap.dedent(code), **extra)
    if "reference" in c:
        c["reference"] = textwrap.dedent(c["reference"])
    return c


RNN_CASES = [
    case(
        "LSTM: parameters drawn at a seed, output and final states, gradients of every parameter and of h0/c0",
        """
        torch.manual_seed(0)
        m = nn.LSTM(3, 5)
        params("m", m)
        emit("repr", repr(m))
        x = torch.randn(6, 2, 3, requires_grad=True)
        h0 = torch.randn(1, 2, 5, requires_grad=True)
        c0 = torch.randn(1, 2, 5, requires_grad=True)
        out, (h, c) = m(x, (h0, c0))
        emit("out", out); emit("h", h); emit("c", c)
        grad_fn("out.grad_fn", out); grad_fn("h.grad_fn", h); grad_fn("c.grad_fn", c)
        (out.pow(2).sum() + h.sum() * 0.5 + c.sum() * 0.25).backward()
        grads("m", m)
        emit("x.grad", x.grad); emit("h0.grad", h0.grad); emit("c0.grad", c0.grad)
        """,
    ),
    case(
        "LSTM with two layers, bidirectional, batch_first",
        """
        torch.manual_seed(1)
        m = nn.LSTM(4, 3, num_layers=2, bidirectional=True, batch_first=True)
        params("m", m)
        emit("repr", repr(m))
        x = torch.randn(2, 5, 4, requires_grad=True)
        out, (h, c) = m(x)
        emit("out", out); emit("h", h); emit("c", c)
        grad_fn("out.grad_fn", out); grad_fn("h.grad_fn", h)
        (out.sin().sum() + h.sum() + c.sum()).backward()
        grads("m", m)
        emit("x.grad", x.grad)
        """,
    ),
    case(
        "LSTM without bias, and with proj_size",
        """
        torch.manual_seed(2)
        m = nn.LSTM(3, 4, bias=False)
        params("nobias", m)
        emit("nobias.repr", repr(m))
        x = torch.randn(4, 2, 3)
        out, (h, c) = m(x)
        emit("nobias.out", out)
        out.sum().backward()
        grads("nobias", m)
        m = nn.LSTM(3, 5, proj_size=2, num_layers=2)
        params("proj", m)
        emit("proj.repr", repr(m))
        out, (h, c) = m(x)
        emit("proj.out", out); emit("proj.h", h); emit("proj.c", c)
        (out.sum() + c.sum()).backward()
        grads("proj", m)
        """,
    ),
    case(
        "LSTM on an unbatched 2-D sequence, with and without initial states",
        """
        torch.manual_seed(3)
        m = nn.LSTM(2, 3, batch_first=True)
        x = torch.randn(4, 2)
        out, (h, c) = m(x)
        emit("out", out); emit("h", h); emit("c", c)
        grad_fn("out.grad_fn", out); grad_fn("h.grad_fn", h)
        h0 = torch.randn(1, 3); c0 = torch.randn(1, 3)
        out, (h, c) = m(x, (h0, c0))
        emit("out0", out); emit("h0", h); emit("c0", c)
        """,
    ),
    case(
        "RNN with tanh and relu, one and two layers, bidirectional",
        """
        torch.manual_seed(4)
        for name, kw in [("tanh", {}), ("relu", {"nonlinearity": "relu"}), ("deep", {"num_layers": 2, "bidirectional": True}),
                         ("bf", {"batch_first": True, "bias": False})]:
            m = nn.RNN(3, 4, **kw)
            params(name, m)
            emit(name + ".repr", repr(m))
            x = torch.randn(5, 2, 3, requires_grad=True)
            h0 = torch.randn(m.num_layers * (2 if m.bidirectional else 1), 5 if m.batch_first else 2, 4)
            out, h = m(x, h0)
            emit(name + ".out", out); emit(name + ".h", h)
            grad_fn(name + ".out.grad_fn", out); grad_fn(name + ".h.grad_fn", h)
            (out.pow(2).sum() + h.sum()).backward()
            grads(name, m)
            emit(name + ".x.grad", x.grad)
        """,
    ),
    case(
        "GRU: one layer, two bidirectional layers, unbatched",
        """
        torch.manual_seed(5)
        m = nn.GRU(3, 4)
        params("one", m)
        x = torch.randn(5, 2, 3, requires_grad=True)
        out, h = m(x)
        emit("one.out", out); emit("one.h", h)
        grad_fn("one.out.grad_fn", out); grad_fn("one.h.grad_fn", h)
        (out.pow(2).sum() + h.sum()).backward()
        grads("one", m)
        emit("one.x.grad", x.grad)
        m = nn.GRU(3, 2, num_layers=2, bidirectional=True)
        params("deep", m)
        emit("deep.repr", repr(m))
        out, h = m(x.detach())
        emit("deep.out", out); emit("deep.h", h)
        out.sum().backward()
        grads("deep", m)
        out, h = m(x.detach()[:, 0])
        emit("unbatched.out", out); emit("unbatched.h", h)
        grad_fn("unbatched.out.grad_fn", out)
        out, h = nn.GRU(3, 2, batch_first=True)(x.detach())
        emit("bf.out", out); grad_fn("bf.out.grad_fn", out)
        """,
    ),
    case(
        "dropout between layers in training draws PyTorch's masks; none in eval",
        """
        torch.manual_seed(6)
        m = nn.LSTM(3, 4, num_layers=3, dropout=0.5)
        emit("repr", repr(m))
        x = torch.randn(5, 2, 3)
        out, (h, c) = m(x)
        emit("train.out", out); emit("train.h", h)
        out.sum().backward()
        grads("train", m)
        m.eval()
        out, (h, c) = m(x)
        emit("eval.out", out)
        torch.manual_seed(7)
        g = nn.GRU(2, 3, num_layers=2, dropout=0.3)
        out, h = g(torch.randn(4, 3, 2))
        emit("gru.out", out)
        """,
    ),
    case(
        "cells: RNNCell (tanh, relu), LSTMCell, GRUCell; batched and unbatched; gradients",
        """
        torch.manual_seed(8)
        cells = {"rnn": nn.RNNCell(3, 4), "relu": nn.RNNCell(3, 4, nonlinearity="relu"), "lstm": nn.LSTMCell(3, 4),
                 "gru": nn.GRUCell(3, 4), "nobias": nn.GRUCell(3, 4, bias=False)}
        for name, m in cells.items():
            params(name, m)
            emit(name + ".repr", repr(m))
            x = torch.randn(2, 3, requires_grad=True)
            if name == "lstm":
                hx = (torch.randn(2, 4), torch.randn(2, 4))
                h, c = m(x, hx)
                emit(name + ".h", h); emit(name + ".c", c)
                grad_fn(name + ".h.grad_fn", h); grad_fn(name + ".c.grad_fn", c)
                (h.pow(2).sum() + c.sum()).backward()
                h1, c1 = m(x[0].detach())
                emit(name + ".unbatched.h", h1); emit(name + ".unbatched.c", c1)
                grad_fn(name + ".unbatched.grad_fn", h1)
            else:
                h = m(x, torch.randn(2, 4))
                emit(name + ".h", h)
                grad_fn(name + ".h.grad_fn", h)
                h.pow(2).sum().backward()
                h1 = m(x[0].detach())
                emit(name + ".unbatched.h", h1)
                grad_fn(name + ".unbatched.grad_fn", h1)
            grads(name, m)
            emit(name + ".x.grad", x.grad)
        """,
    ),
    case(
        "an LSTMCell loop over time matches the LSTM layer with the same weights",
        """
        torch.manual_seed(9)
        layer = nn.LSTM(3, 4)
        cell = nn.LSTMCell(3, 4)
        with torch.no_grad():
            cell.weight_ih.copy_(layer.weight_ih_l0); cell.weight_hh.copy_(layer.weight_hh_l0)
            cell.bias_ih.copy_(layer.bias_ih_l0); cell.bias_hh.copy_(layer.bias_hh_l0)
        x = torch.randn(5, 2, 3)
        out, _ = layer(x)
        h = c = torch.zeros(2, 4)
        steps = []
        for t in range(5):
            h, c = cell(x[t], (h, c))
            steps.append(h)
        emit("layer", out); emit("cells", torch.stack(steps))
        """,
    ),
    case(
        "the whole backward graph holds the nodes PyTorch's CPU path records (UnbindBackward0, UnsafeSplitBackward0, ...)",
        """
        import collections
        def node_names(t):
            seen, keep, out, stack = set(), [], collections.Counter(), [t.grad_fn]
            while stack:
                n = stack.pop()
                if n is None or id(n) in seen:
                    continue
                seen.add(id(n)); keep.append(n); out[type(n).__name__] += 1
                stack.extend(f for f, _ in n.next_functions)
            return dict(sorted(out.items()))
        torch.manual_seed(21)
        for name, m in [("lstm", nn.LSTM(2, 3, num_layers=2, bidirectional=True)), ("gru", nn.GRU(2, 3, batch_first=True)),
                        ("rnn", nn.RNN(2, 3, nonlinearity="relu")), ("proj", nn.LSTM(2, 4, proj_size=2)),
                        ("lstmcell", nn.LSTMCell(2, 3)), ("grucell", nn.GRUCell(2, 3)), ("rnncell", nn.RNNCell(2, 3))]:
            if name.endswith("cell"):
                out = m(torch.randn(2, 2))
            else:
                h0 = torch.zeros(m.num_layers * (2 if m.bidirectional else 1), 2 if not m.batch_first else 3, m.proj_size or 3,
                                 requires_grad=True)
                out = m(torch.randn(3, 2, 2), (h0, torch.zeros(h0.shape[0], h0.shape[1], 4)) if name == "proj" else
                        ((h0, torch.zeros_like(h0)) if name == "lstm" else h0))
            out = out[0] if isinstance(out, tuple) else out
            OUT[name] = node_names(out)
        """,
    ),
    case(
        "errors for wrong input and state sizes, and wrong arguments",
        """
        lstm = nn.LSTM(3, 4, num_layers=2)
        rnn = nn.RNN(3, 4)
        error("lstm.input_size", lambda: lstm(torch.randn(5, 2, 6)))
        error("lstm.h0", lambda: lstm(torch.randn(5, 2, 3), (torch.zeros(1, 2, 4), torch.zeros(2, 2, 4))))
        error("lstm.c0", lambda: lstm(torch.randn(5, 2, 3), (torch.zeros(2, 2, 4), torch.zeros(2, 3, 4))))
        error("lstm.hx.dims", lambda: lstm(torch.randn(5, 2, 3), (torch.zeros(2, 4), torch.zeros(2, 4))))
        error("lstm.unbatched.hx.dims", lambda: lstm(torch.randn(5, 3), (torch.zeros(2, 1, 4), torch.zeros(2, 1, 4))))
        error("rnn.input_size", lambda: rnn(torch.randn(5, 2, 2)))
        error("rnn.hx", lambda: rnn(torch.randn(5, 2, 3), torch.zeros(1, 3, 4)))
        error("rnn.hx.dims", lambda: rnn(torch.randn(5, 2, 3), torch.zeros(2, 4)))
        error("rnn.unbatched.hx.dims", lambda: rnn(torch.randn(5, 3), torch.zeros(1, 1, 4)))
        error("gru.hx", lambda: nn.GRU(3, 4, bidirectional=True)(torch.randn(5, 2, 3), torch.zeros(1, 2, 4)))
        error("rnn.double", lambda: rnn(torch.randn(5, 2, 3, dtype=torch.float64)))
        error("rnn.4d", lambda: rnn(torch.randn(5, 2, 3, 1)))
        error("lstm.4d", lambda: lstm(torch.randn(5, 2, 3, 1)))
        error("dropout.range", lambda: nn.LSTM(3, 4, dropout=1.5))
        error("nonlinearity", lambda: nn.RNN(3, 4, nonlinearity="sigmoid"))
        error("proj.rnn", lambda: nn.RNN(3, 4, proj_size=2))
        error("proj.big", lambda: nn.LSTM(3, 4, proj_size=4))
        error("cell.input_size", lambda: nn.LSTMCell(3, 4)(torch.randn(2, 5)))
        error("cell.batch", lambda: nn.GRUCell(3, 4)(torch.randn(2, 3), torch.zeros(3, 4)))
        error("cell.hidden", lambda: nn.RNNCell(3, 4)(torch.randn(2, 3), torch.zeros(2, 5)))
        error("cell.c", lambda: nn.LSTMCell(3, 4)(torch.randn(2, 3), (torch.zeros(2, 4), torch.zeros(2, 3))))
        error("cell.3d", lambda: nn.GRUCell(3, 4)(torch.randn(1, 2, 3)))
        error("lstmcell.3d", lambda: nn.LSTMCell(3, 4)(torch.randn(1, 2, 3)))
        """,
        expect={
            "rnn.4d": "ValueError: RNN: Expected input to be 2D or 3D, got 4D tensor instead",
            "lstm.4d": "ValueError: LSTM: Expected input to be 2D or 3D, got 4D instead",
            "nonlinearity": "ValueError: Unknown nonlinearity 'sigmoid'. Select from 'tanh' or 'relu'.",
            "cell.3d": "ValueError: GRUCell: Expected input to be 1D or 2D, got 3D instead",
            "lstmcell.3d": "ValueError: LSTMCell: Expected input to be 1D or 2D, got 3D instead",
            "rnn.double": "ValueError: input must have the type torch.float32, got type torch.float64",
        },
        note="PyTorch 2.x checks the input's rank and dtype in Python first, with these words (1.13 had 'input must "
        "have 3 dimensions', an assert in the cells and mm's dtype error), and names the two nonlinearities it takes",
    ),
    case(
        "nn.utils.rnn.pad_sequence pads to the longest, batch first or not",
        """
        from torch.nn.utils.rnn import pad_sequence
        a, b, c = torch.ones(4, 2), torch.full((2, 2), 2.0), torch.full((3, 2), 3.0)
        emit("tf", pad_sequence([a, b, c]))
        emit("bf", pad_sequence([a, b, c], batch_first=True, padding_value=-1.0))
        out, h = nn.GRU(2, 3, batch_first=True)(pad_sequence([a, b, c], batch_first=True))
        emit("shapes", [list(out.shape), list(h.shape)])
        """,
    ),
    case(
        "PackedSequence: pack_padded_sequence, an LSTM over it, pad_packed_sequence; sorted and unsorted lengths; gradients",
        """
        from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pack_sequence, unpack_sequence
        torch.manual_seed(22)
        x = torch.randn(5, 3, 2, requires_grad=True)
        p = pack_padded_sequence(x, [5, 3, 2])
        emit("data", p.data); grad_fn("data.grad_fn", p.data)
        OUT["batch_sizes"] = p.batch_sizes.tolist()
        OUT["repr"] = repr(pack_sequence([torch.ones(3), torch.ones(2)]))
        m = nn.LSTM(2, 4)
        params("m", m)
        out, (h, c) = m(p)
        emit("out.data", out.data); emit("h", h); emit("c", c)
        grad_fn("out.grad_fn", out.data); grad_fn("h.grad_fn", h)
        padded, lengths = pad_packed_sequence(out)
        emit("padded", padded); OUT["lengths"] = lengths.tolist(); grad_fn("padded.grad_fn", padded)
        (padded.pow(2).sum() + h.sum() + c.sum()).backward()
        grads("m", m)
        emit("x.grad", x.grad)
        xb = torch.randn(3, 4, 2, requires_grad=True)
        q = pack_padded_sequence(xb, torch.tensor([2, 4, 1]), batch_first=True, enforce_sorted=False)
        OUT["sorted"] = [q.sorted_indices.tolist(), q.unsorted_indices.tolist()]
        h0 = torch.randn(1, 3, 4, requires_grad=True)
        out, (h, c) = m(q, (h0, torch.zeros(1, 3, 4)))
        emit("u.h", h); emit("u.c", c); grad_fn("u.h.grad_fn", h)
        padded, lengths = pad_packed_sequence(out, batch_first=True, total_length=6, padding_value=-1.0)
        emit("u.padded", padded); OUT["u.lengths"] = lengths.tolist(); grad_fn("u.padded.grad_fn", padded)
        m.zero_grad()
        (padded.sin().sum() + h.sum()).backward()
        grads("u", m)
        emit("u.xb.grad", xb.grad); emit("u.h0.grad", h0.grad)
        emit("unpacked", torch.cat(unpack_sequence(pack_sequence([torch.ones(3, 2), 2 * torch.ones(1, 2)], enforce_sorted=False))))
        """,
    ),
    case(
        "PackedSequence through bidirectional two-layer GRU and RNN (with dropout in training), and packing errors",
        """
        from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence
        torch.manual_seed(23)
        x = torch.randn(4, 3, 2)
        p = pack_padded_sequence(x, [4, 4, 2])
        g = nn.GRU(2, 3, num_layers=2, bidirectional=True, dropout=0.3)
        params("g", g)
        out, h = g(p)
        emit("g.out", out.data); emit("g.h", h); grad_fn("g.out.grad_fn", out.data); grad_fn("g.h.grad_fn", h)
        (out.data.pow(2).sum() + h.sum()).backward()
        grads("g", g)
        r = nn.RNN(2, 3, bidirectional=True, nonlinearity="relu")
        out, h = r(pack_padded_sequence(x, [2, 4, 3], enforce_sorted=False), torch.randn(2, 3, 3))
        emit("r.out", out.data); emit("r.h", h)
        error("unsorted", lambda: pack_padded_sequence(x, [2, 4, 3]))
        error("count", lambda: pack_padded_sequence(x, [4, 2]))
        error("zero", lambda: pack_padded_sequence(x, [4, 2, 0]))
        error("total_length", lambda: pad_packed_sequence(p, total_length=2))
        error("hidden", lambda: g(p, torch.zeros(4, 2, 3)))
        """,
    ),
    case(
        "a warning for dropout with one layer",
        """
        import warnings
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            nn.GRU(2, 3, dropout=0.2)
        emit("warning", [str(x.message) for x in w])
        """,
    ),
]


# scaled_dot_product_attention's documented definition, for PyTorch 1.13 (which lacks the function): the math
# kernel's order (q and k each scaled by the square root of the scale), a boolean mask meaning "takes part", and
# rows where everything is masked giving zeros (PyTorch 2.5's safe softmax).
SDPA_REFERENCE = """
def sdpa(query, key, value, attn_mask=None, dropout_p=0.0, is_causal=False, scale=None):
    L, S = query.size(-2), key.size(-2)
    factor = math.sqrt(scale if scale is not None else 1.0 / math.sqrt(query.size(-1)))
    if is_causal:
        attn_mask = torch.ones(L, S, dtype=torch.bool).tril()
    if attn_mask is not None and attn_mask.dtype == torch.bool:
        attn_mask = torch.zeros(attn_mask.shape).masked_fill(attn_mask.logical_not(), float("-inf"))
    attn = (query * factor) @ (key.transpose(-2, -1) * factor)
    if attn_mask is not None:
        attn = attn + attn_mask
    w = attn.softmax(-1)
    if attn_mask is not None:
        w = w.masked_fill((attn == float("-inf")).all(-1, keepdim=True), 0.0)
    if dropout_p > 0.0:
        w = F.dropout(w, dropout_p, True)
    return w @ value
"""

SDPA_CODE = """
torch.manual_seed(10)
q = torch.randn(2, 3, 4, 8, requires_grad=True)
k = torch.randn(2, 3, 6, 8, requires_grad=True)
v = torch.randn(2, 3, 6, 5, requires_grad=True)
bool_mask = torch.rand(4, 6) > 0.3
bool_mask[:, 0] = True
float_mask = torch.randn(2, 1, 4, 6)
runs = {
    "plain": {},
    "bool": {"attn_mask": bool_mask},
    "float": {"attn_mask": float_mask},
    "scale": {"scale": 0.2},
}
for name, kw in runs.items():
    out = SDPA(q, k, v, **kw)
    emit(name, out)
    q.grad = k.grad = v.grad = None
    out.pow(2).sum().backward()
    emit(name + ".q.grad", q.grad); emit(name + ".k.grad", k.grad); emit(name + ".v.grad", v.grad)
sq = torch.randn(5, 5, 8)
emit("causal", SDPA(sq, sq, sq, is_causal=True))
emit("3d", SDPA(q.detach()[0], k.detach()[0], v.detach()[0]))
none = torch.ones(4, 6, dtype=torch.bool)
none[1] = False
emit("fully masked row", SDPA(q.detach(), k.detach(), v.detach(), attn_mask=none))
torch.manual_seed(11)
emit("dropout", SDPA(q.detach(), k.detach(), v.detach(), dropout_p=0.4))
emit("after dropout", torch.rand(3))
"""

MHA_PARTS = """
def run(prefix, m, q, k, v, **kw):
    out, w = m(q, k, v, **kw)
    emit(prefix + ".out", out); grad_fn(prefix + ".out.grad_fn", out)
    if w is not None:
        emit(prefix + ".w", w); grad_fn(prefix + ".w.grad_fn", w)
    else:
        emit(prefix + ".w", None)
    m.zero_grad()
    loss = out.pow(2).sum() + (0 if w is None else (w * torch.arange(float(w.numel())).reshape(w.shape)).sum())
    loss.backward()
    grads(prefix, m)
"""

ATTENTION_CASES = [
    case(
        "F.scaled_dot_product_attention: masks (bool, float), scale, causal, 3-D, a fully masked row, dropout",
        "SDPA = F.scaled_dot_product_attention\n" + SDPA_CODE,
        reference=SDPA_REFERENCE + "SDPA = sdpa\n" + SDPA_CODE,
    ),
    case(
        "MultiheadAttention: parameters at a seed, repr, output, averaged and per-head weights, gradients",
        """
        torch.manual_seed(12)
        m = nn.MultiheadAttention(8, 2)
        params("m", m)
        emit("repr", repr(m))
        x = torch.randn(5, 3, 8, requires_grad=True)
        run("self", m, x, x, x)
        emit("x.grad", x.grad)
        run("heads", m, x, x, x, average_attn_weights=False)
        run("noweights", m, x, x, x, need_weights=False)
        mem = torch.randn(7, 3, 8)
        run("cross", m, x, mem, mem)
        run("qkv", m, x, mem, torch.randn(7, 3, 8))
        run("unbatched", m, x[:, 0], mem[:, 0], mem[:, 0])
        """,
        prefix=MHA_PARTS,
        expect={"self.w.grad_fn": "MeanBackward1", "cross.w.grad_fn": "MeanBackward1", "qkv.w.grad_fn": "MeanBackward1",
                "unbatched.w.grad_fn": "SqueezeBackward1"},
        note="PyTorch 2.x averages the heads' weights with mean(dim=1) (1.13: sum(dim=1) / num_heads)",
    ),
    case(
        "MultiheadAttention: masks (key_padding_mask, attn_mask, bool and float, 2-D and 3-D) with and without weights",
        """
        torch.manual_seed(13)
        m = nn.MultiheadAttention(6, 3)
        x = torch.randn(4, 2, 6)
        kpm = torch.tensor([[False, False, True, False], [False, True, True, False]])
        causal = torch.triu(torch.ones(4, 4, dtype=torch.bool), 1)
        float_mask = torch.randn(6, 4, 4)
        for weights in (True, False):
            s = "w" if weights else "now"
            run(s + ".kpm", m, x, x, x, key_padding_mask=kpm, need_weights=weights)
            run(s + ".kpm.float", m, x, x, x, key_padding_mask=torch.zeros(2, 4).masked_fill(kpm, float("-inf")), need_weights=weights)
            run(s + ".causal", m, x, x, x, attn_mask=causal, need_weights=weights)
            run(s + ".both", m, x, x, x, attn_mask=causal, key_padding_mask=kpm, need_weights=weights)
            run(s + ".float3d", m, x, x, x, attn_mask=float_mask, need_weights=weights)
        """,
        prefix=MHA_PARTS,
        expect={k: "MeanBackward1" for k in ("w.kpm.w.grad_fn", "w.kpm.float.w.grad_fn", "w.causal.w.grad_fn", "w.both.w.grad_fn",
                                             "w.float3d.w.grad_fn")},
        note="PyTorch 2.x averages the heads' weights with mean(dim=1) (1.13: sum(dim=1) / num_heads)",
    ),
    case(
        "MultiheadAttention: batch_first, bias=False, kdim/vdim, add_bias_kv, add_zero_attn, dropout in training",
        """
        torch.manual_seed(14)
        m = nn.MultiheadAttention(4, 2, batch_first=True)
        x = torch.randn(3, 5, 4)
        run("bf", m, x, x, x)
        m = nn.MultiheadAttention(4, 1, bias=False)
        params("nobias", m)
        run("nobias", m, x, x, x)
        m = nn.MultiheadAttention(4, 2, kdim=3, vdim=5)
        params("kv", m)
        emit("kv.repr", repr(m))
        run("kv", m, x, torch.randn(6, 5, 3), torch.randn(6, 5, 5))
        m = nn.MultiheadAttention(4, 2, add_bias_kv=True, add_zero_attn=True)
        params("extra", m)
        run("extra", m, x, x, x, key_padding_mask=torch.zeros(5, 3, dtype=torch.bool), attn_mask=torch.zeros(3, 3, dtype=torch.bool))
        m = nn.MultiheadAttention(4, 2, dropout=0.5)
        emit("drop.repr", repr(m))
        torch.manual_seed(15)
        run("drop", m, x, x, x)
        m.eval()
        run("drop.eval", m, x, x, x)
        """,
        prefix=MHA_PARTS,
        expect={k: "MeanBackward1" for k in ("bf.w.grad_fn", "nobias.w.grad_fn", "kv.w.grad_fn", "extra.w.grad_fn", "drop.w.grad_fn",
                                             "drop.eval.w.grad_fn")},
        note="PyTorch 2.x averages the heads' weights with mean(dim=1) (1.13: sum(dim=1) / num_heads)",
    ),
    case(
        "MultiheadAttention errors",
        """
        m = nn.MultiheadAttention(8, 2)
        x = torch.randn(5, 3, 8)
        error("divisible", lambda: nn.MultiheadAttention(8, 3))
        error("embed", lambda: m(torch.randn(5, 3, 6), torch.randn(5, 3, 6), torch.randn(5, 3, 6)))
        error("kv", lambda: m(x, torch.randn(4, 3, 8), torch.randn(5, 3, 8)))
        error("rank", lambda: m(x, torch.randn(5, 8), torch.randn(5, 8)))
        error("mask2d", lambda: m(x, x, x, attn_mask=torch.zeros(5, 4)))
        error("mask3d", lambda: m(x, x, x, attn_mask=torch.zeros(2, 5, 5)))
        error("kpm", lambda: m(x, x, x, key_padding_mask=torch.zeros(3, 4, dtype=torch.bool)))
        error("kpm.dtype", lambda: m(x, x, x, key_padding_mask=torch.zeros(3, 5, dtype=torch.long)))
        error("query1d", lambda: m(torch.randn(8), torch.randn(8), torch.randn(8)))
        """,
        expect={
            "kpm": "AssertionError: Expected key_padded_mask.shape[1] to be 5, but got 4",
        },
        note="PyTorch 2.x checks the key_padding_mask's two sizes one by one, with these words",
    ),
]

TRANSFORMER_CASES = [
    case(
        "TransformerEncoderLayer: parameters at a seed, post-norm and pre-norm, relu and gelu, dropout in training, gradients",
        """
        torch.manual_seed(16)
        layer = nn.TransformerEncoderLayer(8, 2, dim_feedforward=16)
        params("post", layer)
        emit("post.repr", repr(layer))
        x = torch.randn(5, 3, 8, requires_grad=True)
        out = layer(x)
        emit("post.out", out); grad_fn("post.grad_fn", out)
        out.pow(2).sum().backward()
        grads("post", layer)
        emit("post.x.grad", x.grad)
        layer.eval()
        emit("post.eval", layer(x.detach()))
        torch.manual_seed(17)
        layer = nn.TransformerEncoderLayer(8, 4, dim_feedforward=12, dropout=0.2, activation="gelu", batch_first=True, norm_first=True)
        params("pre", layer)
        x = torch.randn(2, 6, 8)
        mask = torch.triu(torch.ones(6, 6, dtype=torch.bool), 1)
        kpm = torch.tensor([[False] * 6, [False] * 4 + [True] * 2])
        out = layer(x, src_mask=mask, src_key_padding_mask=kpm)
        emit("pre.out", out); grad_fn("pre.grad_fn", out)
        out.sum().backward()
        grads("pre", layer)
        """,
    ),
    case(
        "TransformerEncoder: copies of the layer, a final norm, masks, and the warning about nested tensors",
        """
        import warnings
        torch.manual_seed(18)
        layer = nn.TransformerEncoderLayer(6, 2, dim_feedforward=10, dropout=0.0)
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            enc = nn.TransformerEncoder(layer, 2, norm=nn.LayerNorm(6))
        emit("warnings", [str(x.message) for x in w])
        emit("repr", repr(enc))
        OUT["names"] = [n for n, _ in enc.named_parameters()]
        OUT["shared"] = enc.layers[0].linear1.weight is enc.layers[1].linear1.weight
        x = torch.randn(4, 2, 6)
        out = enc(x, mask=torch.triu(torch.full((4, 4), float("-inf")), 1))
        emit("out", out)
        out.pow(2).sum().backward()
        grads("enc", enc)
        """,
        expect={
            "warnings": ["enable_nested_tensor is True, but self.use_nested_tensor is False because "
                         "encoder_layer.self_attn.batch_first was not True(use batch_first for better inference performance)"],
        },
        note="PyTorch 2.x warns that it will not use nested tensors for this layer, and prints runs of identical "
        "ModuleList entries once ((0-1): 2 x ...)",
    ),
    case(
        "Transformer: encoder and decoder stacks at a seed (xavier on every matrix), a causal target mask, padding, gradients",
        """
        import warnings
        torch.manual_seed(19)
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            model = nn.Transformer(d_model=8, nhead=2, num_encoder_layers=2, num_decoder_layers=1, dim_feedforward=16, dropout=0.1)
        emit("warnings", [str(x.message) for x in w])
        params("t", model)
        emit("repr.decoder", repr(model.decoder.layers[0]))
        mask = nn.Transformer.generate_square_subsequent_mask(4)
        emit("mask", mask.masked_fill(mask == float("-inf"), -1.0))
        src = torch.randn(6, 2, 8)
        tgt = torch.randn(4, 2, 8)
        out = model(src, tgt, tgt_mask=mask, src_key_padding_mask=torch.tensor([[False] * 6, [False] * 5 + [True]]))
        emit("out", out)
        out.pow(2).sum().backward()
        grads("t", model)
        model.eval()
        emit("eval", model(src, tgt, tgt_mask=mask))
        error("batch", lambda: model(src, torch.randn(4, 3, 8)))
        error("features", lambda: model(src, torch.randn(4, 2, 6)))
        torch.manual_seed(20)
        layer = nn.TransformerDecoderLayer(6, 3, dim_feedforward=8, batch_first=True, norm_first=True, activation="gelu")
        params("dec", layer)
        y = layer(torch.randn(2, 3, 6), torch.randn(2, 5, 6), tgt_mask=nn.Transformer.generate_square_subsequent_mask(3))
        emit("dec.out", y)
        """,
        expect={
            "warnings": ["enable_nested_tensor is True, but self.use_nested_tensor is False because "
                         "encoder_layer.self_attn.batch_first was not True(use batch_first for better inference performance)"],
        },
        note="PyTorch 2.x warns that its encoder will not use nested tensors for this layer",
    ),
]
