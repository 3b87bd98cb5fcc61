// Memory that does not grow with steps: a training loop's tensors must be freed as it goes, not kept until the
// run ends (the engine's WeakRefs would keep them for the whole script without the host's release; keptRefs.ts).
import { strict as assert } from 'node:assert';
import { openSession, type PythonSession } from '../../../src/runtime/host/runner';

/** A small MLP's training loop; prints live bytes after a forced GC at step `from` and at the end. */
const LOOP = (from: number, steps: number): string => `
import sys, json, torch, torch.nn as nn
memory = sys.modules['_playground_host'].memory
torch.manual_seed(0)
X = torch.randn(32, 4); Y = torch.randn(32, 1)
model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1))
crit = nn.MSELoss(); opt = torch.optim.SGD(model.parameters(), lr=0.01)
marks = {}
for step in range(1, ${steps} + 1):
    opt.zero_grad()
    loss = crit(model(X), Y)
    loss.backward()
    opt.step()
    if step in (${from}, ${steps}):
        marks[step] = memory()
print(json.dumps({"perStep": (marks[${steps}] - marks[${from}]) / (${steps} - ${from}), "loss": loss.item()}))
`;

describe('memory per training step', function () {
  this.timeout(120000);
  let session: PythonSession;
  before(async () => {
    session = await openSession();
  });
  after(async () => {
    await session.close();
  });

  it('keeps under 1 KB per step of a small MLP after a forced GC', async () => {
    const r = await session.run(LOOP(5000, 15000), 'mlp_memory.py');
    assert.equal(r.status, 'ok', r.stderr);
    const { perStep, loss } = JSON.parse(r.stdout) as { perStep: number; loss: number };
    assert.ok(Number.isFinite(loss));
    assert.ok(perStep < 1024, `${perStep.toFixed(0)} bytes retained per step`);
  });
});
