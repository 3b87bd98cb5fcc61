/**
 * `npm run bench -- --only boundary`: the same Python, timed inside the script, through the playground and
 * through real PyTorch (one thread) in the same run (issue 13, items 1 and 5): per-op costs from Python (the
 * boundary), elementwise and matrix products called from Python, and training steps. Each line prints both
 * times, their ratio and the target where it has one.
 */
import { openSession } from '../src/runtime/host/runner';
import { PY_TIMER, runTorch, torchPython } from './torchReference';

const SOURCE = `
import json, time, torch
torch.manual_seed(0)
${PY_TIMER}
out = {}
a = torch.randn(3); b = torch.randn(3)
ag = torch.randn(3, requires_grad=True)
out["add"] = t(lambda: a + b)
out["add_grad"] = t(lambda: ag + b)
s0 = a.sum()
out["item"] = t(lambda: s0.item())
out["shape"] = t(lambda: a.shape)
lst = [i * 0.5 for i in range(1000)]
out["tensor_list"] = t(lambda: torch.tensor(lst))
big = torch.randn(1000)
idx = list(range(0, 160, 10))
out["index_list"] = t(lambda: big[idx])
out["tolist"] = t(lambda: big.tolist())
for n in (1000, 1000000):
    p = torch.randn(n); q = torch.randn(n)
    out[f"add{n}"] = t(lambda: p + q)
    out[f"exp{n}"] = t(lambda: p.exp())
    out[f"sigmoid{n}"] = t(lambda: p.sigmoid())
for n in (64, 256, 512):
    x = torch.randn(n, n); y = torch.randn(n, n)
    out[f"mm{n}"] = t(lambda: x @ y, 3)
m = torch.randn(1000, 1000); v = torch.randn(1000)
out["mv"] = t(lambda: m @ v)
for rows, cols in ((100, 5), (10000, 50)):
    X = torch.randn(rows, cols); Y = torch.randn(rows, 1)
    w = torch.zeros(cols, 1, requires_grad=True); bb = torch.zeros(1, requires_grad=True)
    def lin():
        loss = ((X @ w + bb - Y) ** 2).mean()
        loss.backward()
        with torch.no_grad():
            w.sub_(0.01 * w.grad); bb.sub_(0.01 * bb.grad)
            w.grad.zero_(); bb.grad.zero_()
    out[f"linreg{rows}"] = t(lin)
X = torch.randn(256, 10); Y = torch.randn(256, 1)
mlp = torch.nn.Sequential(torch.nn.Linear(10, 64), torch.nn.ReLU(), torch.nn.Linear(64, 1))
opt = torch.optim.Adam(mlp.parameters(), lr=1e-3)
def full():
    opt.zero_grad(); torch.nn.functional.mse_loss(mlp(X), Y).backward(); opt.step()
out["mlp_full"] = t(full)
loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X, Y), batch_size=32, shuffle=True)
def epoch():
    for xb, yb in loader:
        opt.zero_grad(); torch.nn.functional.mse_loss(mlp(xb), yb).backward(); opt.step()
out["mlp_batches"] = t(epoch, 3) / len(loader)
print(json.dumps(out))
`;

interface Line { key: string; label: string; target?: number }

const LINES: Line[] = [
  { key: 'add', label: 'a + b (3 elements)', target: 1.5 },
  { key: 'add_grad', label: 'a + b, a requires grad', target: 1.5 },
  { key: 'item', label: 'x.item()', target: 2 },
  { key: 'shape', label: 'x.shape', target: 2 },
  { key: 'tensor_list', label: 'torch.tensor(list of 1,000)' },
  { key: 'index_list', label: 'x[list of 16]' },
  { key: 'tolist', label: 'x.tolist() (1,000)' },
  { key: 'add1000', label: 'add 1e3' },
  { key: 'exp1000', label: 'exp 1e3' },
  { key: 'sigmoid1000', label: 'sigmoid 1e3' },
  { key: 'add1000000', label: 'add 1e6', target: 2 },
  { key: 'exp1000000', label: 'exp 1e6', target: 2 },
  { key: 'sigmoid1000000', label: 'sigmoid 1e6', target: 2 },
  { key: 'mm64', label: 'matmul 64' },
  { key: 'mm256', label: 'matmul 256', target: 4 },
  { key: 'mm512', label: 'matmul 512' },
  { key: 'mv', label: 'matrix-vector 1000x1000' },
  { key: 'linreg100', label: 'linear-regression step 100x5' },
  { key: 'linreg10000', label: 'linear-regression step 10,000x50' },
  { key: 'mlp_full', label: 'MLP step, Adam, full batch of 256' },
  { key: 'mlp_batches', label: 'MLP step, Adam, DataLoader batch of 32' },
];

const fmtTime = (s: number): string => (s >= 1e-3 ? `${(s * 1e3).toPrecision(3)} ms` : `${(s * 1e6).toPrecision(3)} us`);

export async function boundarySection(): Promise<void> {
  console.log('\n== from Python, side by side with PyTorch (one thread), the same script timed inside (issue 13) ==');
  const session = await openSession();
  let ours: Record<string, number>;
  try {
    const r = await session.run(SOURCE, 'bench_boundary.py', { instrument: false });
    if (r.status !== 'ok') throw new Error(r.stderr);
    ours = JSON.parse(r.stdout) as Record<string, number>;
  } finally {
    await session.close();
  }
  const python = torchPython();
  const theirs = python ? (JSON.parse(runTorch(python, SOURCE)) as Record<string, number>) : undefined;
  if (!theirs) console.log('PyTorch not found (python3 with torch, e.g. Debian\'s python3-torch): ratios skipped');
  console.log(`${'line'.padEnd(42)}${'ours'.padStart(11)}${'PyTorch'.padStart(11)}${'ratio'.padStart(10)}   target (ratio)`);
  for (const l of LINES) {
    const o = ours[l.key];
    const p = theirs?.[l.key];
    const ratio = p === undefined || !(p > 0) ? '' : `${(o / p).toFixed(2)}x`;
    const target = l.target === undefined ? '' : `≤ ${l.target}x${ratio ? (o / p! <= l.target ? ' met' : ' not met') : ''}`;
    console.log(`${l.label.padEnd(42)}${fmtTime(o).padStart(11)}${(p === undefined ? '-' : fmtTime(p)).padStart(11)}${ratio.padStart(10)}   ${target}`);
  }
}
