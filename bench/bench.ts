/**
 * `npm run bench`: engine and Python-path speed, each next to NumPy measured in the same run on the same
 * machine, reported as ratios (absolute times vary by machine; the ratios are what we track).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as A from '../src/engine/backward';
import { fromValues } from '../src/engine/creation';
import * as E from '../src/engine/ops/elementwise';
import * as LA from '../src/engine/ops/linalg';
import * as R from '../src/engine/ops/reduce';
import { Tensor } from '../src/engine/tensor';
import { openSession, PythonSession, startRun } from '../src/runtime/host/runner';
import { Standby } from '../src/runtime/host/standby';
import { isGraphElided } from '../src/protocol/events';
import { enableRelaxedSimd } from '../src/runtime/host/wasmFeatures';
import { boundarySection } from './boundary';
import { cnnSection } from './cnn';
import { kernelsSection } from './kernels';
import { lstmSection } from './lstm';
import { PROBE_LOOPS, printProbeCosts, probeOverhead } from './probeOverhead';
import { layoutSection } from './layout';

const SIZES_ELEMENTWISE = [1_000, 100_000, 1_000_000];
const SIZES_MATMUL = [64, 128, 256];

function randomTensor(shape: number[], requiresGrad = false): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) v[i] = Math.sin(i * 12.9898) * 0.5;
  const t = fromValues(v, shape, 'float32');
  t.requiresGrad = requiresGrad;
  return t;
}

/** Median seconds per call of f over `reps` timed batches of `inner` calls. */
function timeIt(f: () => unknown, inner: number, reps = 5): number {
  for (let i = 0; i < Math.min(inner, 50); i++) f();
  const samples: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < inner; i++) f();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e9 / inner);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

interface Measures {
  opUs: number;
  opGradUs?: number;
  addMelemPerS: Record<number, number>;
  matmulGflops: Record<number, number>;
}

function engineMeasures(): Measures {
  const a = randomTensor([2, 2]);
  const b = randomTensor([2, 2]);
  const ag = randomTensor([2, 2], true);
  const opUs = timeIt(() => E.add(a, b), 20000) * 1e6;
  const opGradUs = timeIt(() => E.add(ag, b), 20000) * 1e6;
  const addMelemPerS: Record<number, number> = {};
  for (const n of SIZES_ELEMENTWISE) {
    const x = randomTensor([n]);
    const y = randomTensor([n]);
    addMelemPerS[n] = n / timeIt(() => E.add(x, y), Math.max(3, Math.round(2e6 / n))) / 1e6;
  }
  const matmulGflops: Record<number, number> = {};
  for (const n of SIZES_MATMUL) {
    const x = randomTensor([n, n]);
    const y = randomTensor([n, n]);
    matmulGflops[n] = (2 * n ** 3) / timeIt(() => LA.matmul(x, y), Math.max(2, Math.round(2e7 / n ** 3)), 3) / 1e9;
  }
  return { opUs, opGradUs, addMelemPerS, matmulGflops };
}

/** A backward pass through a small training step, the unit a tutorial loop repeats. */
function engineTrainingStepUs(): number {
  const x = randomTensor([100, 5]);
  const y = randomTensor([100, 1]);
  const w = randomTensor([5, 1], true);
  const b = randomTensor([1], true);
  return (
    timeIt(() => {
      const loss = R.mean(E.powScalar(E.sub(E.add(LA.matmul(x, w), b), y), 2));
      A.backward(loss, null);
      w.grad = null;
      b.grad = null;
    }, 2000) * 1e6
  );
}

const PY_BENCH = (track: boolean) => `
import time, json, torch
def t(f, inner, reps=5):
    for _ in range(min(inner, 50)): f()
    s = []
    for _ in range(reps):
        t0 = time.perf_counter()
        for _ in range(inner): f()
        s.append((time.perf_counter() - t0) / inner)
    s.sort(); return s[len(s)//2]
a = torch.rand(2, 2); b = torch.rand(2, 2)
ag = torch.rand(2, 2, requires_grad=True)
out = {"track": ${track ? 'True' : 'False'}}
out["opUs"] = t(lambda: a + b, 5000) * 1e6
out["opGradUs"] = t(lambda: ag + b, 5000) * 1e6
out["add"] = {}
for n in ${JSON.stringify(SIZES_ELEMENTWISE)}:
    x = torch.rand(n); y = torch.rand(n)
    out["add"][n] = n / t(lambda: x + y, max(3, round(2e6 / n))) / 1e6
out["mm"] = {}
for n in ${JSON.stringify(SIZES_MATMUL)}:
    x = torch.rand(n, n); y = torch.rand(n, n)
    out["mm"][n] = 2 * n**3 / t(lambda: x @ y, max(2, round(2e7 / n**3)), 3) / 1e9
X = torch.rand(100, 5); Y = torch.rand(100, 1)
w = torch.rand(5, 1, requires_grad=True); bb = torch.rand(1, requires_grad=True)
def step():
    loss = ((X @ w + bb - Y) ** 2).mean()
    loss.backward()
    w.grad = None; bb.grad = None
out["stepUs"] = t(step, 300) * 1e6
print(json.dumps(out))
`;

const NUMPY_BENCH = `
import time, json
import numpy as np
def t(f, inner, reps=5):
    for _ in range(min(inner, 50)): f()
    s = []
    for _ in range(reps):
        t0 = time.perf_counter()
        for _ in range(inner): f()
        s.append((time.perf_counter() - t0) / inner)
    s.sort(); return s[len(s)//2]
a = np.random.rand(2, 2).astype(np.float32); b = np.random.rand(2, 2).astype(np.float32)
out = {"version": np.__version__, "opUs": t(lambda: a + b, 20000) * 1e6, "add": {}, "mm": {}}
for n in ${JSON.stringify(SIZES_ELEMENTWISE)}:
    x = np.random.rand(n).astype(np.float32); y = np.random.rand(n).astype(np.float32)
    out["add"][n] = n / t(lambda: x + y, max(3, round(2e6 / n))) / 1e6
for n in ${JSON.stringify(SIZES_MATMUL)}:
    x = np.random.rand(n, n).astype(np.float32); y = np.random.rand(n, n).astype(np.float32)
    out["mm"][n] = 2 * n**3 / t(lambda: x @ y, max(2, round(2e7 / n**3)), 3) / 1e9
print(json.dumps(out))
`;

const LINE_COST_BENCH = `
import sys, time, json, torch
C = sys.modules['_playground.bridge']  # the script's own imports of _playground are refused (guard.py)
a = torch.rand(2, 2, requires_grad=True); b = torch.rand(2, 2)
def run(n=3000):
    t0 = time.perf_counter()
    for _ in range(n):
        a + b
    return (time.perf_counter() - t0) / n * 1e6
on, off = [], []
for i in range(10):
    for flag in ((True, False) if i % 2 else (False, True)):
        C.TRACK_LINES = flag
        (on if flag else off).append(run())
C.TRACK_LINES = True
on.sort(); off.sort()
print(json.dumps({"on": (on[4] + on[5]) / 2, "off": (off[4] + off[5]) / 2}))
`;

/** Tutorial training loops timed inside the script: the house-price model of examples/07, and examples/05's from scratch. */
const EVENT_LOOPS: Record<string, string> = {
  'nn.Linear(5, 1), MSELoss, SGD (examples/07)': `
import time, torch, torch.nn as nn
torch.manual_seed(0)
X = torch.randn(200, 5); y = X @ torch.tensor([[3.0], [1.5], [-2.0], [-1.0], [0.5]]) + 10.0
model = nn.Linear(5, 1); crit = nn.MSELoss(); opt = torch.optim.SGD(model.parameters(), lr=0.05)
t0 = time.perf_counter()
for epoch in range(400):
    opt.zero_grad()
    loss = crit(model(X), y)
    loss.backward()
    opt.step()
print((time.perf_counter() - t0) * 1e3)
`,
  'w, b by hand, torch.no_grad() updates (examples/05)': `
import time, torch
torch.manual_seed(42)
X = torch.randn(100, 1); y = 3 * X + 2 + 0.1 * torch.randn(100, 1)
w = torch.zeros(1, 1, requires_grad=True); b = torch.zeros(1, requires_grad=True)
t0 = time.perf_counter()
for epoch in range(400):
    loss = ((X @ w + b - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
        b -= 0.1 * b.grad
        w.grad.zero_()
        b.grad.zero_()
print((time.perf_counter() - t0) * 1e3)
`,
};

interface PyMeasures {
  opUs: number;
  opGradUs: number;
  add: Record<string, number>;
  mm: Record<string, number>;
  stepUs: number;
}

async function pythonMeasures(session: PythonSession, track: boolean): Promise<PyMeasures> {
  const r = await session.run(PY_BENCH(track), 'bench.py');
  if (r.status !== 'ok') throw new Error(r.stderr);
  return JSON.parse(r.stdout) as PyMeasures;
}

function numpyMeasures(): (PyMeasures & { version: string }) | string {
  try {
    const out = execFileSync('python3', ['-c', NUMPY_BENCH], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(out) as PyMeasures & { version: string };
  } catch (e) {
    return `NumPy not available (${(e as Error).message.split('\n')[0]}); ratios against NumPy are skipped`;
  }
}

const MEMORY_FROM = 5_000;
const MEMORY_STEPS = 30_000;

/** A small MLP's loop printing live bytes per step between MEMORY_FROM and the end; `probe` defines memory(). */
const MEMORY_LOOP = (probe: string): string => `
import json, time, torch, torch.nn as nn
${probe}
torch.manual_seed(0)
X = torch.randn(32, 4); Y = torch.randn(32, 1)
model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1))
crit = nn.MSELoss(); opt = torch.optim.SGD(model.parameters(), lr=0.01)
t0 = time.perf_counter()
for step in range(1, ${MEMORY_STEPS} + 1):
    opt.zero_grad()
    loss = crit(model(X), Y)
    loss.backward()
    opt.step()
    if step == ${MEMORY_FROM}: m0 = memory()
m1 = memory()
print(json.dumps({"perStep": (m1 - m0) / (${MEMORY_STEPS} - ${MEMORY_FROM}), "total": m1, "stepUs": (time.perf_counter() - t0) / ${MEMORY_STEPS} * 1e6}))
`;

/** Ours: the worker's JavaScript heap, tensor data and WebAssembly memory after a forced GC. */
const OUR_PROBE = `import sys\nmemory = sys.modules['_playground_host'].memory`;
/** PyTorch's: the process's resident set after Python's collector (PyTorch frees tensors by reference count). */
const TORCH_PROBE = `import gc, os
def memory():
    gc.collect()
    with open('/proc/self/statm') as f:
        return int(f.read().split()[1]) * os.sysconf('SC_PAGE_SIZE')`;

interface MemoryMeasure {
  perStep: number;
  total: number;
  stepUs: number;
}

function torchMemory(): MemoryMeasure | string {
  const reasons: string[] = [];
  for (const python of ['python3', '/usr/bin/python3']) {
    try {
      execFileSync(python, ['-c', 'import torch'], { stdio: 'ignore' });
    } catch {
      reasons.push(`${python}: no torch`);
      continue;
    }
    const out = execFileSync(python, ['-c', MEMORY_LOOP(TORCH_PROBE)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(out) as MemoryMeasure;
  }
  return `no PyTorch found (${reasons.join('; ')})`;
}

async function memorySection(): Promise<void> {
  console.log(`\n== memory per training step (small MLP, steps ${MEMORY_FROM}..${MEMORY_STEPS}, after a forced GC) ==`);
  const session = await openSession();
  try {
    const r = await session.run(MEMORY_LOOP(OUR_PROBE), 'bench_memory.py');
    if (r.status !== 'ok') throw new Error(r.stderr);
    const ours = JSON.parse(r.stdout) as MemoryMeasure;
    console.log(`ours:    ${fmt(ours.perStep)} bytes/step retained (${fmt(ours.total / 2 ** 20)} MiB live at the end, ${fmt(ours.stepUs)} us/step)`);
  } finally {
    await session.close();
  }
  const torch = torchMemory();
  if (typeof torch === 'string') console.log(`PyTorch: ${torch}`);
  else console.log(`PyTorch: ${fmt(torch.perStep)} bytes/step of resident memory (${fmt(torch.total / 2 ** 20)} MiB at the end, ${fmt(torch.stepUs)} us/step)`);
}

const STARTUP_SCRIPTS: { label: string; source: string; reference: string; against: string }[] = [
  { label: "import torch; print('first')", source: "import torch\nprint('first')\n", reference: "import torch; print('first')", against: "PyTorch's" },
  { label: "print('first')", source: "print('first')\n", reference: "print('first')", against: "the interpreter's" },
];
const COLD_RUNS = 5;
const WARM_RUNS = 10;
const REFERENCE_RUNS = 5;

/** Milliseconds from the call: the script's first stdout event, and its end event. */
interface StartTimes {
  firstMs: number;
  endMs: number;
}

const medianOf = (xs: number[]): number => xs.slice().sort((x, y) => x - y)[Math.floor(xs.length / 2)];

/**
 * One run as the CLI starts it (a fresh worker) or, given a loaded standby, as Train Model does: events taken as
 * they arrive, nothing kept.
 */
async function timedStart(source: string, standby?: Standby, snapshotDir?: string): Promise<StartTimes> {
  if (standby) await standby.whenReady();
  let firstMs = NaN;
  let endMs = NaN;
  let stderr = '';
  const t0 = performance.now();
  const { done } = startRun({
    file: 'bench_startup.py',
    source,
    standby,
    snapshotDir,
    collect: false,
    onEvent: (e) => {
      const ms = performance.now() - t0;
      if (e.type === 'stdout' && Number.isNaN(firstMs)) firstMs = ms;
      else if (e.type === 'stderr') stderr += e.text;
      else if (e.type === 'end') endMs = ms;
    },
  });
  const r = await done;
  if (r.status !== 'ok' || Number.isNaN(firstMs)) throw new Error(`startup script failed (${r.status}): ${stderr}`);
  return { firstMs, endMs };
}

/** Milliseconds from creating a worker to its 'ready' (openSession resolves then). */
async function readyMs(snapshotDir?: string): Promise<number> {
  const t0 = performance.now();
  const session = await openSession({ snapshotDir });
  const ms = performance.now() - t0;
  await session.close();
  return ms;
}

function medianTimes(runs: StartTimes[]): StartTimes {
  return { firstMs: medianOf(runs.map((r) => r.firstMs)), endMs: medianOf(runs.map((r) => r.endMs)) };
}

/** The first Python that imports torch (Debian's has it where the one on PATH may not), with its versions. */
function torchPython(): { python: string; versions: string } | string {
  const reasons: string[] = [];
  for (const python of ['/usr/bin/python3', 'python3']) {
    try {
      const versions = execFileSync(python, ['-c', 'import sys, torch; print(f"CPython {sys.version.split()[0]}, PyTorch {torch.__version__}")'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
      return { python, versions };
    } catch {
      reasons.push(`${python}: no torch`);
    }
  }
  return `no PyTorch found (${reasons.join('; ')}); ratios against PyTorch are skipped`;
}

/** Median wall milliseconds of a whole `python -c code` process, after one untimed run that fills the file cache. */
function processMs(python: string, code: string): number {
  const once = (): number => {
    const t0 = performance.now();
    execFileSync(python, ['-c', code], { stdio: ['ignore', 'pipe', 'pipe'] });
    return performance.now() - t0;
  };
  once();
  return medianOf(Array.from({ length: REFERENCE_RUNS }, once));
}

async function startupSection(): Promise<void> {
  console.log(`\n== startup (from the call to the script's first print, arriving as a stdout event) ==`);
  // The variants alternate so that a busy machine's drift falls on both alike; one untimed cold start first,
  // as the reference gets one, so neither side pays for a cold file cache.
  await timedStart(STARTUP_SCRIPTS[1].source);
  // The memory snapshot (snapshot.ts) as the extension keeps it, made here once by a first start.
  const snapshotDir = fs.mkdtempSync(path.join(os.tmpdir(), 'autograd-playground-bench-'));
  const made = await readyMs(snapshotDir);
  const snapshotBytes = fs.readdirSync(snapshotDir).reduce((n, f) => n + fs.statSync(path.join(snapshotDir, f)).size, 0);
  const cold: StartTimes[][] = STARTUP_SCRIPTS.map(() => []);
  const fromSnapshot: StartTimes[][] = STARTUP_SCRIPTS.map(() => []);
  const ready: number[] = [];
  const readySnapshot: number[] = [];
  try {
    for (let i = 0; i < COLD_RUNS; i++) {
      ready.push(await readyMs());
      readySnapshot.push(await readyMs(snapshotDir));
      for (let v = 0; v < STARTUP_SCRIPTS.length; v++) {
        cold[v].push(await timedStart(STARTUP_SCRIPTS[v].source));
        fromSnapshot[v].push(await timedStart(STARTUP_SCRIPTS[v].source, undefined, snapshotDir));
      }
    }
  } finally {
    fs.rmSync(snapshotDir, { recursive: true, force: true });
  }
  const warm: StartTimes[][] = STARTUP_SCRIPTS.map(() => []);
  const standby = new Standby();
  try {
    for (let i = 0; i < WARM_RUNS; i++) {
      for (let v = 0; v < STARTUP_SCRIPTS.length; v++) warm[v].push(await timedStart(STARTUP_SCRIPTS[v].source, standby));
    }
  } finally {
    await standby.dispose();
  }

  const found = torchPython();
  const reference = typeof found === 'string' ? undefined : STARTUP_SCRIPTS.map((s) => processMs(found.python, s.reference));
  // A warm start is thousands of times quicker than a process: two significant digits, not two decimals.
  const ratioText = (r: number): string => (r < 0.01 ? r.toPrecision(2) : fmt(r));
  const against = (ours: number, v: number): string => (reference ? `  (${ratioText(ours / reference[v])}x ${STARTUP_SCRIPTS[v].against} time)` : '');
  const width = Math.max(...STARTUP_SCRIPTS.map((s) => s.label.length)) + 2;
  const line = (times: StartTimes, v: number): string =>
    `  ${(STARTUP_SCRIPTS[v].label + ':').padEnd(width)} first line ${fmt(times.firstMs)} ms, end ${fmt(times.endMs)} ms${against(times.firstMs, v)}`;

  console.log(`cold: startRun, a fresh worker per run (Pyodide, the playground's packages, the script); median of ${COLD_RUNS} runs:`);
  STARTUP_SCRIPTS.forEach((_, v) => console.log(line(medianTimes(cold[v]), v)));
  console.log(`cold, Pyodide started from its memory snapshot (startRun's snapshotDir, as the extension and the CLI start it); median of ${COLD_RUNS} runs:`);
  STARTUP_SCRIPTS.forEach((_, v) => console.log(line(medianTimes(fromSnapshot[v]), v)));
  console.log(
    `worker created → ready (Pyodide loaded, _playground.run imported), median of ${COLD_RUNS}: ${fmt(medianOf(ready))} ms plain, ` +
      `${fmt(medianOf(readySnapshot))} ms from the snapshot (${fmt(snapshotBytes / 2 ** 20)} MiB; the start that made it: ${fmt(made)} ms)`,
  );
  console.log(`warm: startRun taking a loaded standby interpreter, as Train Model does; median of ${WARM_RUNS} runs:`);
  STARTUP_SCRIPTS.forEach((_, v) => console.log(line(medianTimes(warm[v]), v)));
  if (typeof found === 'string' || !reference) console.log(`PyTorch: ${found}`);
  else {
    console.log(`reference: ${found.python} (${found.versions}), whole process to exit, median of ${REFERENCE_RUNS} runs:`);
    STARTUP_SCRIPTS.forEach((s, v) => console.log(`  ${(`python3 -c "${s.reference}":`).padEnd(width + 14)} ${fmt(reference[v])} ms`));
    console.log("ratios: our first line against the same script's whole process on that Python");
  }
  console.log('Train Model gets the warm figure when its standby has loaded (2 s after the previous run or activation), else a share of the cold one.');
}

function fmt(x: number, digits = 2): string {
  return x >= 100 ? x.toFixed(0) : x.toFixed(digits);
}

function ratio(ours: number, ref: number | undefined, higherIsBetter: boolean): string {
  if (ref === undefined) return '';
  const r = higherIsBetter ? ref / ours : ours / ref;
  return `  (${fmt(r)}x NumPy's time)`;
}

/** `npm run bench -- --only events,lines` runs just those sections (engine, kernels, boundary, python, cnn, events, lines, memory, startup, lstm, probe, layout). */
function sectionsWanted(): (name: string) => boolean {
  const i = process.argv.indexOf('--only');
  if (i < 0) return () => true;
  const names = new Set((process.argv[i + 1] ?? '').split(','));
  return (name) => names.has(name);
}

async function main(): Promise<void> {
  const want = sectionsWanted();
  // As the worker does, before the engine's first product compiles its WebAssembly kernels.
  enableRelaxedSimd();
  if (want('engine') || want('python')) await speedSections(want);
  if (want('kernels')) await kernelsSection();
  if (want('boundary')) await boundarySection();
  if (want('cnn')) await cnnSection();
  if (want('events')) await eventStreamSection();
  if (want('lines')) await lineCostSection();
  if (want('memory')) await memorySection();
  if (want('startup')) await startupSection();
  if (want('lstm')) await lstmSection();
  if (want('probe')) await probeSection();
  if (want('layout')) layoutSection();
}

/** The real-Python backend's probe on three training loops (bench/probeOverhead.ts), where a Python has torch. */
async function probeSection(): Promise<void> {
  console.log('\n## The python backend\'s probe: examples/07\'s loop (3000 steps), an MLP with Adam (1000 steps) and a LeNet-shaped CNN (300 steps), fastest of 5');
  const found = torchPython();
  if (typeof found === 'string') {
    console.log(`skipped: ${found}`);
    return;
  }
  console.log(`${found.python}: ${found.versions}`);
  for (const loop of PROBE_LOOPS) {
    console.log(loop);
    printProbeCosts(await probeOverhead(found.python, 5, loop));
  }
}

async function speedSections(want: (name: string) => boolean): Promise<void> {
  const np = numpyMeasures();
  const npm = typeof np === 'string' ? undefined : np;
  if (typeof np === 'string') console.log(np);
  else console.log(`reference: NumPy ${np.version} on python3, same machine, same run`);

  if (want('engine')) engineSection(npm);
  if (want('python')) await pythonSection(npm);
}

function engineSection(npm: PyMeasures | undefined): void {
  console.log('\n== engine (TypeScript API) ==');
  const eng = engineMeasures();
  console.log(`small op (2x2 add):            ${fmt(eng.opUs)} us/op${ratio(eng.opUs, npm?.opUs, false)}`);
  console.log(`small op recording autograd:   ${fmt(eng.opGradUs!)} us/op`);
  for (const n of SIZES_ELEMENTWISE) {
    console.log(`add float32 n=${String(n).padEnd(9)}       ${fmt(eng.addMelemPerS[n])} Melem/s${ratio(eng.addMelemPerS[n], npm?.add[n], true)}`);
  }
  for (const n of SIZES_MATMUL) {
    console.log(`matmul float32 ${n}x${n}:          ${fmt(eng.matmulGflops[n])} GFLOP/s${ratio(eng.matmulGflops[n], npm?.mm[n], true)}`);
  }
  console.log(`training step (100x5 linear, forward+backward): ${fmt(engineTrainingStepUs())} us`);
}

async function pythonSection(npm: PyMeasures | undefined): Promise<void> {
  console.log('\n== Python path (Pyodide -> engine) ==');
  const session = await openSession();
  try {
    const withLines = await pythonMeasures(session, true);
    console.log(`small op (2x2 a + b):          ${fmt(withLines.opUs)} us/op${ratio(withLines.opUs, npm?.opUs, false)}`);
    console.log(`small op recording autograd:   ${fmt(withLines.opGradUs)} us/op`);
    for (const n of SIZES_ELEMENTWISE) {
      console.log(`add float32 n=${String(n).padEnd(9)}       ${fmt(withLines.add[n])} Melem/s${ratio(withLines.add[n], npm?.add[n], true)}`);
    }
    for (const n of SIZES_MATMUL) {
      console.log(`matmul float32 ${n}x${n}:          ${fmt(withLines.mm[n])} GFLOP/s${ratio(withLines.mm[n], npm?.mm[n], true)}`);
    }
    console.log(`training step from Python:     ${fmt(withLines.stepUs)} us`);
  } finally {
    await session.close();
  }
}

async function eventStreamSection(): Promise<void> {
  // The panel's event stream against none, as the extension runs scripts: whole graphs at most once per update
  // interval (its default, 100 ms). One interpreter runs each loop with and without events, in alternating
  // order, and each pair gives a ratio: two interpreters JIT-compile differently by a few percent, and a shared
  // machine drifts between runs, and neither belongs to the cost being measured.
  const session = await openSession({ graphIntervalMs: 100 });
  const pairs = 21;
  const warmUp = 3;
  const median = (xs: number[]): number => xs.slice().sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  try {
    console.log(`\n== cost of the event stream (400 training steps, one interpreter, ${pairs} runs each way, alternating) ==`);
    for (const [label, source] of Object.entries(EVENT_LOOPS)) {
      const on: number[] = [];
      const off: number[] = [];
      const ratios: number[] = [];
      let events = 0;
      let graphs = 0;
      for (let i = 0; i < warmUp + pairs; i++) {
        const first = i % 2 === 0;
        const timed = async (instrument: boolean): Promise<number> => {
          const r = await session.run(source, 'loop.py', { instrument });
          if (r.status !== 'ok') throw new Error(r.stderr);
          if (instrument) {
            events = r.events.filter((e) => e.type === 'backward').length;
            graphs = r.events.filter((e) => (e.type === 'backward' && !isGraphElided(e.graph)) || e.type === 'graph').length;
          }
          return Number(r.stdout);
        };
        const a = await timed(first);
        const b = await timed(!first);
        if (i < warmUp) continue;
        const [withEvents, without] = first ? [a, b] : [b, a];
        on.push(withEvents);
        off.push(without);
        ratios.push(withEvents / without);
      }
      const pct = (r: number): string => `${fmt((r - 1) * 100, 1)}%`;
      console.log(`${label}:`);
      console.log(`  with backward events (${events} per run, ${graphs} with the whole graph): median ${fmt(median(on))} ms, best ${fmt(Math.min(...on))} ms`);
      console.log(`  without events:                                  median ${fmt(median(off))} ms, best ${fmt(Math.min(...off))} ms`);
      console.log(`  overhead: ${pct(median(ratios))} (median of the ${pairs} pairs), ${pct(Math.min(...on) / Math.min(...off))} by best runs (target: under 10%)`);
    }
  } finally {
    await session.close();
  }
}

async function lineCostSection(): Promise<void> {
  // Same interpreter, alternating the switch, so warm-up and GC state affect both sides alike.
  const session2 = await openSession();
  try {
    const r = await session2.run(LINE_COST_BENCH, 'bench_lines.py');
    if (r.status !== 'ok') throw new Error(r.stderr);
    const m = JSON.parse(r.stdout) as { on: number; off: number };
    console.log('\n== cost of source locations (Python path, same session, alternating) ==');
    console.log(`op recording autograd, with line tracking:    ${fmt(m.on)} us/op`);
    console.log(`op recording autograd, without line tracking: ${fmt(m.off)} us/op`);
    console.log(`overhead: ${fmt(m.on - m.off)} us/op (${fmt(((m.on - m.off) / m.off) * 100, 1)}%)`);
  } finally {
    await session2.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
