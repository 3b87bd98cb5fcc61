/**
 * `npm run bench -- --only cnn`: a small CNN's training step (two 3x3 conv layers with ReLU and 2x2 max pooling,
 * then a linear layer, on 32 synthetic 28x28 images), forward and backward, through the Python path and the
 * engine's TypeScript API, next to real PyTorch in the same run, on all its threads and on one (issue 14's
 * target: at most 3x PyTorch's one-thread time).
 */
import * as A from '../src/engine/backward';
import { fromValues } from '../src/engine/creation';
import * as CV from '../src/engine/ops/conv';
import * as E from '../src/engine/ops/elementwise';
import * as LA from '../src/engine/ops/linalg';
import * as LO from '../src/engine/ops/loss';
import * as PO from '../src/engine/ops/pool';
import * as V from '../src/engine/ops/views';
import { Tensor } from '../src/engine/tensor';
import { openSession } from '../src/runtime/host/runner';
import { runTorch, torchPython } from './torchReference';

const STEPS = 20;

/** The step and its timing, the same text for the playground and for PyTorch. */
const CNN_SCRIPT = (threads: string): string => `
import json, time, torch, torch.nn as nn, torch.nn.functional as F
${threads}
torch.manual_seed(0)
X = torch.randn(32, 1, 28, 28); Y = torch.randint(0, 10, (32,))
model = nn.Sequential(nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(),
                      nn.MaxPool2d(2), nn.Flatten(), nn.Linear(16 * 7 * 7, 10))
def step():
    model.zero_grad()
    F.cross_entropy(model(X), Y).backward()
def forward():
    with torch.no_grad():
        model(X)
out = {}
for name, f in (("step", step), ("forward", forward)):
    for _ in range(3): f()
    times = []
    for _ in range(${STEPS}):
        t0 = time.perf_counter(); f(); times.append(time.perf_counter() - t0)
    times.sort()
    out[name] = times[len(times) // 2] * 1e3
print(json.dumps(out))
`;

interface CnnTimes {
  step: number;
  forward: number;
}

function torchTimes(threads: string): CnnTimes | string {
  const python = torchPython();
  if (python === null) return 'no PyTorch found';
  return JSON.parse(runTorch(python, CNN_SCRIPT(threads), 'default')) as CnnTimes;
}

function randomTensor(shape: number[], requiresGrad = false): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) v[i] = Math.sin(i * 12.9898) * 0.1;
  const t = fromValues(v, shape, 'float32');
  t.requiresGrad = requiresGrad;
  return t;
}

/** The same network on the engine's TypeScript API: what the Python layer adds is the difference. */
function engineStepMs(): number {
  const x = randomTensor([32, 1, 28, 28]);
  const y = fromValues(Array.from({ length: 32 }, (_, i) => i % 10), [32], 'int64');
  const w1 = randomTensor([8, 1, 3, 3], true);
  const b1 = randomTensor([8], true);
  const w2 = randomTensor([16, 8, 3, 3], true);
  const b2 = randomTensor([16], true);
  const w3 = randomTensor([10, 16 * 7 * 7], true);
  const b3 = randomTensor([10], true);
  const conv = { stride: [1, 1], padding: [1, 1], dilation: [1, 1], transposed: false, outputPadding: [0, 0], groups: 1 };
  const pool = { kernel: [2, 2] as [number, number], stride: [2, 2] as [number, number], padding: [0, 0] as [number, number], dilation: [1, 1] as [number, number], ceilMode: false };
  const step = (): void => {
    const a = PO.maxPool2d(E.relu(CV.convolution(x, w1, b1, conv)), pool)[0];
    const b = PO.maxPool2d(E.relu(CV.convolution(a, w2, b2, conv)), pool)[0];
    const logits = LA.linear(V.flatten(b, 1), w3, b3);
    A.backward(LO.crossEntropy(logits, y, null, 'mean', -100, 0), null);
    for (const p of [w1, b1, w2, b2, w3, b3]) p.grad = null;
  };
  for (let i = 0; i < 3; i++) step();
  const times: number[] = [];
  for (let i = 0; i < STEPS; i++) {
    const t0 = performance.now();
    step();
    times.push(performance.now() - t0);
  }
  times.sort((p, q) => p - q);
  return times[Math.floor(times.length / 2)];
}

function fmt(x: number): string {
  return x >= 100 ? x.toFixed(0) : x.toFixed(2);
}

export async function cnnSection(): Promise<void> {
  console.log(`\n== small CNN training step (2 conv layers + max pooling + linear, batch 32 of 28x28, median of ${STEPS}) ==`);
  // As the extension runs scripts: backward events, whole graphs at most every 100 ms; and without events.
  const session = await openSession({ graphIntervalMs: 100 });
  let ours: CnnTimes;
  let quiet: CnnTimes;
  let first: CnnTimes;
  try {
    const run = async (instrument: boolean): Promise<CnnTimes> => {
      const r = await session.run(CNN_SCRIPT(''), 'bench_cnn.py', { instrument });
      if (r.status !== 'ok') throw new Error(r.stderr);
      return JSON.parse(r.stdout) as CnnTimes;
    };
    // The session's first run pays for V8 compiling CPython's hot WebAssembly functions with its optimising
    // tier (about a second of running): reported on its own, and kept out of the two compared below.
    first = await run(false);
    ours = await run(true);
    quiet = await run(false);
  } finally {
    await session.close();
  }
  const engine = engineStepMs();
  const all = torchTimes('');
  const one = torchTimes('torch.set_num_threads(1)');
  const against = (x: number, ref: CnnTimes | string, key: keyof CnnTimes, label: string): string =>
    typeof ref === 'string' ? '' : `, ${fmt(x / ref[key])}x PyTorch's ${label} time`;
  console.log(`ours, Python path with the panel's events: ${fmt(ours.step)} ms/step forward+backward${against(ours.step, one, 'step', 'one-thread')}${against(ours.step, all, 'step', 'all-threads')}`);
  console.log(`ours, Python path without events: ${fmt(quiet.step)} ms/step${against(quiet.step, one, 'step', 'one-thread')}`);
  console.log(`ours, the same in a fresh interpreter (its first run): ${fmt(first.step)} ms/step${against(first.step, one, 'step', 'one-thread')}`);
  console.log(`ours, Python path: ${fmt(ours.forward)} ms forward under no_grad${against(ours.forward, one, 'forward', 'one-thread')}`);
  console.log(`ours, engine API:  ${fmt(engine)} ms/step forward+backward${against(engine, one, 'step', 'one-thread')}`);
  if (typeof one === 'string' || typeof all === 'string') console.log(`PyTorch: ${typeof one === 'string' ? one : all}`);
  else {
    console.log(`PyTorch, one thread:  ${fmt(one.step)} ms/step, ${fmt(one.forward)} ms forward`);
    console.log(`PyTorch, all threads: ${fmt(all.step)} ms/step, ${fmt(all.forward)} ms forward`);
  }
  console.log("target (issue 14): the Python path's step at most 3x PyTorch's one-thread time");
}
