/**
 * `npm run bench -- --only kernels`: the engine's kernels (issue 13, item 4) against real PyTorch run on one
 * thread on the same machine, each line with issue 13's target. Engine lines are measured twice in one
 * process: with the WebAssembly kernels and with the JavaScript loops they replace (`withoutWasm`), so the
 * "before" column needs no other build. Python-path lines (training loops through Pyodide) have no such
 * switch: compare them with a run of this section on the commit before.
 */
import * as A from '../src/engine/backward';
import { fromValues } from '../src/engine/creation';
import * as E from '../src/engine/ops/elementwise';
import * as LA from '../src/engine/ops/linalg';
import * as LO from '../src/engine/ops/loss';
import { Tensor } from '../src/engine/tensor';
import { engineWasm, withoutWasm } from '../src/engine/wasm/instance';
import { openSession } from '../src/runtime/host/runner';
import { PY_TIMER, runTorch, torchPython } from './torchReference';

function filled(shape: number[], requiresGrad = false): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) v[i] = Math.sin(i * 12.9898) * 0.5;
  const t = fromValues(v, shape, 'float32');
  t.requiresGrad = requiresGrad;
  return t;
}

/** Median seconds per call over `reps` batches, each long enough (≥ minMs) to time. */
function seconds(f: () => unknown, reps = 5, minMs = 60): number {
  f();
  let inner = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < inner; i++) f();
    if (performance.now() - t0 >= minMs / 4) break;
    inner *= 2;
  }
  const samples: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    for (let i = 0; i < inner; i++) f();
    samples.push((performance.now() - t0) / 1e3 / inner);
  }
  return samples.sort((a, b) => a - b)[Math.floor(reps / 2)];
}

const MATMUL = [64, 256, 512];

/** Each kernel line's call, keyed as the PyTorch script keys them. */
function engineCalls(): Record<string, () => unknown> {
  const calls: Record<string, () => unknown> = {};
  for (const n of MATMUL) {
    const x = filled([n, n]);
    const y = filled([n, n]);
    calls[`mm${n}`] = () => LA.matmul(x, y);
  }
  const a = filled([1000, 1000]);
  const v = filled([1000]);
  calls.mv = () => LA.mv(a, v);
  const p = filled([1_000_000]);
  const q = filled([1_000_000]);
  calls.add = () => E.add(p, q);
  calls.exp = () => E.exp(p);
  calls.sigmoid = () => E.sigmoid(p);
  const X = filled([1000, 20]);
  const Y = filled([1000, 1]);
  const w1 = filled([64, 20], true);
  const b1 = filled([64], true);
  const w2 = filled([1, 64], true);
  const b2 = filled([1], true);
  calls.mlp = () => {
    const loss = LO.mseLoss(LA.linear(E.relu(LA.linear(X, w1, b1)), w2, b2), Y);
    A.backward(loss, null);
    for (const t of [w1, b1, w2, b2]) t.grad = null;
  };
  return calls;
}

/**
 * Seconds per call with the WebAssembly kernels and without, alternating three times per line so that JIT
 * warm-up and the garbage collector's state weigh on both sides alike; medians.
 */
function engineSeconds(): { after: Record<string, number>; before: Record<string, number> } {
  const after: Record<string, number> = {};
  const before: Record<string, number> = {};
  const med = (xs: number[]): number => xs.sort((x, y) => x - y)[1];
  for (const [key, call] of Object.entries(engineCalls())) {
    const on: number[] = [];
    const off: number[] = [];
    for (let i = 0; i < 3; i++) {
      on.push(seconds(call, 3));
      off.push(withoutWasm(() => seconds(call, 3)));
    }
    after[key] = med(on);
    before[key] = med(off);
  }
  return { after, before };
}

const TORCH_KERNELS = `
import json, time, torch
torch.set_num_threads(1)
${PY_TIMER}
def filled(*shape, grad=False):
    n = 1
    for d in shape: n *= d
    v = torch.sin(torch.arange(n, dtype=torch.float64) * 12.9898).mul(0.5).float().reshape(shape)
    return v.requires_grad_(grad)
out = {}
for n in ${JSON.stringify(MATMUL)}:
    x = filled(n, n); y = filled(n, n)
    out[f"mm{n}"] = t(lambda: x @ y, 3)
a = filled(1000, 1000); v = filled(1000)
out["mv"] = t(lambda: a @ v)
p = filled(1000000); q = filled(1000000)
out["add"] = t(lambda: p + q)
out["exp"] = t(lambda: p.exp())
out["sigmoid"] = t(lambda: p.sigmoid())
X = filled(1000, 20); Y = filled(1000, 1)
w1 = filled(64, 20, grad=True); b1 = filled(64, grad=True); w2 = filled(1, 64, grad=True); b2 = filled(1, grad=True)
F = torch.nn.functional
def mlp():
    loss = F.mse_loss(F.linear(F.relu(F.linear(X, w1, b1)), w2, b2), Y)
    loss.backward()
    for p_ in (w1, b1, w2, b2): p_.grad = None
out["mlp"] = t(mlp)
print(json.dumps(out))
`;

/** Training loops as scripts run them, timed inside the script (imports excluded); each prints milliseconds. */
const LOOPS: Record<string, string> = {
  'seed-style loop (make_regression, generator batches of 32, SGD on w.data), 5 epochs': `
import time, torch
from sklearn.datasets import make_regression
Xn, yn = make_regression(n_samples=1000, n_features=10, noise=0.1, random_state=0)
X = torch.tensor(Xn, dtype=torch.float32); y = torch.tensor(yn, dtype=torch.float32).reshape(-1, 1)
def batches(bs=32):
    for i in range(0, len(X), bs):
        yield X[i:i + bs], y[i:i + bs]
w = torch.zeros(10, 1, requires_grad=True); b = torch.zeros(1, requires_grad=True)
t0 = time.perf_counter()
for epoch in range(5):
    for xb, yb in batches():
        loss = ((xb @ w + b - yb) ** 2).mean()
        loss.backward()
        w.data -= 0.01 * w.grad.data
        b.data -= 0.01 * b.grad.data
        w.grad.zero_(); b.grad.zero_()
print((time.perf_counter() - t0) * 1e3)
`,
  "two-layer net (PyTorch's example: 64x1000 @ 1000x100 @ 100x10), 50 steps": `
import time, torch
torch.manual_seed(0)
x = torch.randn(64, 1000); y = torch.randn(64, 10)
w1 = torch.randn(1000, 100, requires_grad=True); w2 = torch.randn(100, 10, requires_grad=True)
t0 = time.perf_counter()
for step in range(50):
    loss = (x.mm(w1).clamp(min=0).mm(w2) - y).pow(2).sum()
    loss.backward()
    with torch.no_grad():
        w1 -= 1e-6 * w1.grad; w2 -= 1e-6 * w2.grad
        w1.grad.zero_(); w2.grad.zero_()
print((time.perf_counter() - t0) * 1e3)
`,
};

const fmt = (x: number, digits = 2): string => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(digits + 1));

interface Line {
  key: string;
  label: string;
  /** From seconds per call to the unit printed. */
  unit: string;
  value: (s: number) => number;
  higherIsBetter: boolean;
  target?: string;
}

const LINES: Line[] = [
  ...MATMUL.map((n): Line => ({
    key: `mm${n}`, label: `matmul float32 ${n}x${n}`, unit: 'GFLOP/s', value: (s) => (2 * n ** 3) / s / 1e9, higherIsBetter: true,
    target: n === 256 ? '≥ 25% of PyTorch' : undefined,
  })),
  { key: 'mv', label: 'matrix-vector 1000x1000', unit: 'ms', value: (s) => s * 1e3, higherIsBetter: false },
  { key: 'add', label: 'add float32 1e6', unit: 'Melem/s', value: (s) => 1 / s, higherIsBetter: true, target: '≥ 50% of PyTorch' },
  { key: 'exp', label: 'exp float32 1e6', unit: 'Melem/s', value: (s) => 1 / s, higherIsBetter: true, target: '≥ 50% of PyTorch' },
  { key: 'sigmoid', label: 'sigmoid float32 1e6', unit: 'Melem/s', value: (s) => 1 / s, higherIsBetter: true, target: '≥ 50% of PyTorch' },
  { key: 'mlp', label: 'MLP step 1000x20→64→1 (fwd+bwd)', unit: 'ms', value: (s) => s * 1e3, higherIsBetter: false },
];

export async function kernelsSection(): Promise<void> {
  const w = engineWasm();
  console.log('\n== engine kernels: WebAssembly against the JavaScript loops and one-thread PyTorch (issue 13, item 4) ==');
  console.log(w ? `WebAssembly kernels loaded; relaxed_madd ${w.fusedMadd ? 'fuses (float32 matmul in WebAssembly)' : 'does not fuse (float32 matmul stays in JavaScript)'}` : 'WebAssembly kernels unavailable: both columns are the JavaScript loops');
  const python = torchPython();
  const torch = python ? (JSON.parse(runTorch(python, TORCH_KERNELS)) as Record<string, number>) : undefined;
  if (!python) console.log('PyTorch not found (python3 with torch, e.g. Debian\'s python3-torch): ratios skipped');
  const { after, before } = engineSeconds();
  const ratio = (ours: number, ref: number | undefined): string => (ref === undefined ? '' : `${fmt(ours / ref)}x PyTorch's time`);
  console.log(`${'line'.padEnd(34)}${'JS loops'.padStart(14)}${'WebAssembly'.padStart(14)}${'PyTorch'.padStart(12)}   ratio (before → after)      target`);
  for (const l of LINES) {
    const b = l.value(before[l.key]);
    const a = l.value(after[l.key]);
    const t = torch ? l.value(torch[l.key]) : undefined;
    const share = (x: number): string => (t === undefined ? '' : l.higherIsBetter ? `${fmt((x / t) * 100)}%` : ratio(x, t));
    const r = t === undefined ? '' : l.higherIsBetter ? `${share(b)} → ${share(a)} of PyTorch` : `${fmt(b / t)}x → ${fmt(a / t)}x its time`;
    console.log(`${l.label.padEnd(34)}${`${fmt(b)} ${l.unit}`.padStart(14)}${`${fmt(a)} ${l.unit}`.padStart(14)}${(t === undefined ? '-' : `${fmt(t)}`).padStart(12)}   ${r.padEnd(28)}${l.target ?? ''}`);
  }
  const session = await openSession();
  try {
    for (const [label, source] of Object.entries(LOOPS)) {
      const ours: number[] = [];
      // A first run, not counted, lets V8 finish compiling CPython's hot functions with its optimising tier.
      if (label === Object.keys(LOOPS)[0]) await session.run(source, 'loop.py', { instrument: false });
      for (let i = 0; i < 3; i++) {
        const r = await session.run(source, 'loop.py', { instrument: false });
        if (r.status !== 'ok') throw new Error(r.stderr);
        ours.push(Number(r.stdout));
      }
      const theirs = python ? [0, 1, 2].map(() => Number(runTorch(python, source))) : [];
      const med = (xs: number[]): number => xs.slice().sort((x, y) => x - y)[Math.floor(xs.length / 2)];
      const target = label.startsWith('seed') ? '≤ 1.0x' : '≤ 2x';
      const vs = theirs.length ? `, PyTorch ${fmt(med(theirs))} ms: ${fmt(med(ours) / med(theirs))}x its time (target ${target})` : '';
      console.log(`${label}: ${fmt(med(ours))} ms (median of 3, no events)${vs}`);
    }
  } finally {
    await session.close();
  }
}
