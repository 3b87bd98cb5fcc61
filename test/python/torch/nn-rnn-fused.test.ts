/**
 * torch._VF's recurrent layers and cells run in one engine call each (engine/ops/recurrent.ts); the host's NaN
 * finder makes them run op by op from Python instead (torch/_VF.py's step functions). Both must give the same
 * graph, node for node in creation order (grad_fn names, edges, source lines, module calls), and the same
 * numbers bit for bit: forward values, gradients of inputs, states and parameters, and the backward events.
 */
import { strict as assert } from 'node:assert';
import type { RunEvent } from '../../../src/protocol/events';
import { openSession, type PythonSession } from '../../../src/runtime/host/runner';

const SCRIPT = `
import torch
import torch.nn as nn

def hexes(t):
    return [float(v).hex() for v in t.detach().reshape(-1).tolist()]

def graph(roots):
    """Every node reachable from roots, in creation order (node ids), with name, line, module call, edges."""
    seen, stack = {}, [r.grad_fn for r in roots if r.grad_fn is not None]
    while stack:
        n = stack.pop()
        if n is None or hash(n) in seen:
            continue
        seen[hash(n)] = n
        stack.extend(m for m, _ in n.next_functions)
    order = sorted(seen)
    index = {k: i for i, k in enumerate(order)}
    out = []
    for k in order:
        n = seen[k]
        line, call = n._n.line, n._n.moduleCall
        out.append([n.name(), line if isinstance(line, int) else None, str(call.className) if call else None,
                    [None if m is None else [index[hash(m)], nr] for m, nr in n.next_functions]])
    return out

def report(label, outputs, params, inputs):
    print(label, [hexes(t) for t in outputs])
    print(label, graph(outputs))
    loss = sum((t.float() * (i + 1)).pow(2).sum() for i, t in enumerate(outputs))
    loss.backward()
    print(label, [hexes(p.grad) for p in params], [None if x.grad is None else hexes(x.grad) for x in inputs])

torch.manual_seed(0)
m = nn.LSTM(3, 5)
x = torch.randn(6, 2, 3, requires_grad=True)
h0 = torch.randn(1, 2, 5, requires_grad=True)
c0 = torch.randn(1, 2, 5, requires_grad=True)
out, (h, c) = m(x, (h0, c0))
report("lstm", [out, h, c], list(m.parameters()), [x, h0, c0])

m = nn.LSTM(4, 6, num_layers=2, bidirectional=True, batch_first=True, proj_size=3)
x = torch.randn(2, 5, 4, requires_grad=True)
out, (h, c) = m(x)
report("lstm2", [out, h, c], list(m.parameters()), [x])

m = nn.LSTM(2, 3, bias=False)
x = torch.randn(4, 2, requires_grad=True)
out, (h, c) = m(x)
report("lstm-nobias", [out, h, c], list(m.parameters()), [x])

m = nn.GRU(3, 4, num_layers=2, bidirectional=True, dropout=0.5)
x = torch.randn(5, 2, 3, requires_grad=True)
out, h = m(x)
report("gru", [out, h], list(m.parameters()), [x])

for nl in ("tanh", "relu"):
    m = nn.RNN(3, 4, nonlinearity=nl, num_layers=2, batch_first=True)
    x = torch.randn(2, 5, 3, requires_grad=True)
    h0 = torch.randn(2, 2, 4, requires_grad=True)
    out, h = m(x, h0)
    report("rnn-" + nl, [out, h], list(m.parameters()), [x, h0])

m = nn.LSTM(3, 4).double()
x = torch.randn(3, 2, 3, dtype=torch.float64, requires_grad=True)
out, (h, c) = m(x)
report("lstm-double", [out, h, c], list(m.parameters()), [x])

cells = [nn.LSTMCell(3, 4), nn.GRUCell(3, 4), nn.RNNCell(3, 4), nn.RNNCell(3, 4, nonlinearity="relu")]
for cell in cells:
    x = torch.randn(5, 2, 3, requires_grad=True)
    state = None
    outs = []
    for t in range(5):
        state = cell(x[t], state)
        outs.append(state[0] if isinstance(state, tuple) else state)
    report(type(cell).__name__, outs, list(cell.parameters()), [x])
`;

function withoutTimes(events: RunEvent[]): unknown[] {
  return events.filter((e) => e.type === 'backward' || e.type === 'graph').map((e) => ({ ...e, t: undefined }));
}

describe('torch._VF: a recurrent layer in one engine call is the op-by-op loop', function () {
  this.timeout(300000);
  let fused: PythonSession;
  let opByOp: PythonSession;
  before(async () => {
    [fused, opByOp] = await Promise.all([openSession(), openSession({ detectNonFinite: true })]);
  });
  after(async () => {
    await Promise.all([fused.close(), opByOp.close()]);
  });

  it('the same values, gradients, graph and backward events as the op-by-op loop', async () => {
    const [a, b] = await Promise.all([fused.run(SCRIPT, 'rnn.py'), opByOp.run(SCRIPT, 'rnn.py')]);
    assert.equal(a.status, 'ok', a.stderr);
    assert.equal(b.status, 'ok', b.stderr);
    const la = a.stdout.trim().split('\n');
    const lb = b.stdout.trim().split('\n');
    assert.equal(la.length, 3 * 11);
    for (let i = 0; i < la.length; i++) assert.equal(la[i], lb[i], `line ${i + 1} (${la[i].split(' ')[0]})`);
    // Every node carries the line of the module call (or the cell call) in the script.
    assert.match(la[1], /\['StackBackward0', 39, 'LSTM'/);
    assert.deepEqual(withoutTimes(a.events), withoutTimes(b.events));
  });
});
