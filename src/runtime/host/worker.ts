/**
 * Worker-thread entry (bundled to dist/worker.js): owns one Pyodide interpreter and runs scripts in it, one at
 * a time, on request from runner.ts. Python runs on this thread so that a busy script never blocks the
 * extension host, and so that the main thread can always kill it (see RunHandle.stop).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parentPort, resourceLimits, workerData } from 'node:worker_threads';
import { type PyodideAPI } from 'pyodide';
import pythonFiles, { binaryFiles, bytecode } from 'virtual:python-files';
import { createBinding, type BindingHost } from '../bridge/binding';
import { decodeJson, type RunEvent, type RunEventType, type RunStatus } from '../../protocol/events';
import { keptRefsReleaser, retainedBytes } from './keptRefs';
import type { EmFS } from './memoryOverlay';
import { enterScriptFolder, type PythonFolderHooks } from './scriptFolder';
import { snapshotFile, startPyodide } from './snapshot';
import { StepPacker } from './stepPacking';
import { enableRelaxedSimd } from './wasmFeatures';
import { PausePoint } from './pausePoint';
import { CONTROL_CELLS, CONTROL_INTERRUPT, CONTROL_STOP, type WorkerInit, type WorkerMessage, type WorkerRequest, type WorkerSettings } from './workerProtocol';

/** Where the embedded Python tree lives in Pyodide's file system; it is put first on sys.path. */
export const PYTHON_LIB_DIR = '/playground/lib';

interface Driver {
  /** A Python tuple (status, exit code). */
  run(file: string, source: string): { toJs(): unknown; destroy(): void };
  user_location(): unknown;
}

interface CurrentRun {
  runId: number;
  file: string;
  clockStart: number;
  step: number;
  /** Figure events so far; numbers them 1, 2, … per run even though pyplot's state outlives a run. */
  figures: number;
}

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');
const init = workerData as WorkerInit;
// Before the engine compiles its WebAssembly kernels (lazily, at the first product that uses them).
enableRelaxedSimd();
const control = new Int32Array(init.control, 0, CONTROL_CELLS);
/** The debugger's side of the control cells: pause checks, the wait, the console slot. */
const pausePoint = new PausePoint(init.control);

let current: CurrentRun | null = null;

function post(msg: WorkerMessage): void {
  port!.postMessage(msg);
}

function now(): number {
  return performance.timeOrigin + performance.now();
}

function elapsed(run: CurrentRun): number {
  return Math.max(0, Math.round((now() - run.clockStart) * 1000) / 1000);
}

/**
 * Backward events that carry no graph (most steps of a fast loop; see graphReporter.ts), packed and not yet
 * posted: posting costs more than such a step, so while steps come faster than HOLD_MS apart they wait up to
 * HOLD_MS and go out together (stepPacking.ts). A step that comes later than that after the one before goes
 * out at once, so a slow loop shows each step as it happens. Any other event posts them first, so the order
 * of events is kept.
 */
const held = new StepPacker();
let heldSince = 0;
let lastStepAt = -Infinity;
const HOLD_MS = 20;

function postEvent(run: CurrentRun, event: RunEvent): void {
  postHeld(run);
  post({ kind: 'event', runId: run.runId, event });
}

/** The binding's packed steps (GraphReporterHost.openStep): stamped here, held with the others. */
function openStep(line: number, loss: number | null, rootId: number, nodeCount: number, leafCount: number): StepPacker | null {
  const run = current;
  if (!run) return null;
  if (held.size === 0) heldSince = performance.now();
  held.openStep(elapsed(run), ++run.step, run.file, line, loss, rootId, nodeCount, leafCount);
  return held;
}

/** GraphReporterHost.closeStep: the step opened last has all its leaves. */
function closeStep(): void {
  const now = performance.now();
  const slow = now - lastStepAt >= HOLD_MS;
  lastStepAt = now;
  if (current && (slow || now - heldSince >= HOLD_MS)) postHeld(current);
}

function postHeld(run: CurrentRun): void {
  if (held.size === 0) return;
  post({ kind: 'steps', runId: run.runId, steps: held.take() });
}

/** Called now and then while the script computes, so held steps do not wait for the next event to go out. */
function postHeldIfDue(): void {
  if (current && held.size > 0 && performance.now() - heldSince >= HOLD_MS) postHeld(current);
}

/** Turns raw bytes written to a Python stream into stdout/stderr events, one per write. */
function makeWriter(type: 'stdout' | 'stderr'): { write(buffer: Uint8Array): number; flush(): void } {
  const decoder = new TextDecoder('utf-8');
  const send = (text: string): void => {
    if (text.length === 0) return;
    if (current) postEvent(current, { type, t: elapsed(current), text });
    // Output outside a run (e.g. a warning while loading) still goes somewhere visible.
    else (type === 'stdout' ? process.stdout : process.stderr).write(text);
  };
  return {
    write(buffer: Uint8Array): number {
      send(decoder.decode(buffer, { stream: true }));
      return buffer.length;
    },
    flush(): void {
      send(decoder.decode());
    },
  };
}

function pyodideDir(): string {
  // Resolved at run time, not bundled: pyodide ships a .wasm and the stdlib zip next to its JS.
  return path.dirname(require.resolve('pyodide/package.json'));
}

/** The parts of Pyodide's emscripten module that guardCStack calls (exported by pyodide.asm, not typed). */
interface StackApi {
  _emscripten_stack_get_base(): number;
  _emscripten_stack_get_end(): number;
  _PyThreadState_Get(): number;
  _PyUnstable_ThreadState_SetStackProtection(tstate: number, start: number, size: number): number;
}

/**
 * Measured bytes of the thread's JS stack per byte of emscripten's stack, for C recursion through the eval
 * loop: ~9 for `Module.__call__` (8 KiB vs 896 B per level) and `__getattr__` (3.7 KiB vs 448 B). Twice that,
 * for paths that spend more JS stack per C frame (Pyodide's JS call trampolines use none of emscripten's).
 */
const JS_BYTES_PER_C_STACK_BYTE = 16;

/**
 * CPython 3.14 raises RecursionError when C recursion nears the end of the stack it measures, which here is
 * emscripten's stack in wasm memory (10 MiB). But every wasm frame also takes room on the thread's JS stack,
 * several times more, so the JS stack overflowed first: V8's RangeError, which Pyodide can only treat as fatal.
 * Telling CPython its C stack is the share of emscripten's that the JS stack can carry makes its own check fire
 * first. (Freeing a long chain of objects can recurse without moving emscripten's stack pointer at all, so
 * that is bounded by capping the recursion limit instead: _playground/recursion.py.)
 */
function guardCStack(py: PyodideAPI): void {
  const m = (py as unknown as { _module: StackApi })._module;
  const jsStackBytes = (resourceLimits.stackSizeMb ?? 4) * 1024 * 1024;
  const top = m._emscripten_stack_get_base();
  const size = Math.min(top - m._emscripten_stack_get_end(), Math.floor(jsStackBytes / JS_BYTES_PER_C_STACK_BYTE));
  if (m._PyUnstable_ThreadState_SetStackProtection(m._PyThreadState_Get(), top - size, size) !== 0) {
    throw new Error(`could not set Python's stack protection (${size} bytes)`);
  }
}

/**
 * The Python tree and, in each `__pycache__`, its bytecode compiled at build time (scripts/pyc.mjs): the
 * import system takes the `.pyc` files once it has checked them against the sources' hashes.
 */
function writePythonFiles(py: PyodideAPI): void {
  const write = (rel: string, data: string | Uint8Array): void => {
    const target = `${PYTHON_LIB_DIR}/${rel}`;
    py.FS.mkdirTree(target.slice(0, target.lastIndexOf('/')));
    py.FS.writeFile(target, data, { encoding: typeof data === 'string' ? 'utf8' : 'binary' });
  };
  for (const [rel, source] of Object.entries(pythonFiles)) write(rel, source);
  for (const [rel, base64] of Object.entries(binaryFiles)) write(rel, Buffer.from(base64, 'base64'));
  for (const [rel, pyc] of Object.entries(bytecode)) write(rel, Buffer.from(pyc, 'base64'));
}

/** The extension's version, from the package.json above dist/ (the VSIX's root, or the repository). */
function extensionVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
}

async function main(): Promise<void> {
  const options = {
    indexURL: pyodideDir() + path.sep,
    // Pyodide's standard library with its bytecode (scripts/pyc.mjs), built beside this bundle.
    stdLibURL: path.join(__dirname, 'python_stdlib.zip'),
    env: { PYTHONDONTWRITEBYTECODE: '1' },
  };
  const { py } = await startPyodide(options, init.snapshotDir ? snapshotFile(init.snapshotDir, options, extensionVersion()) : undefined);
  guardCStack(py);
  const out = makeWriter('stdout');
  const err = makeWriter('stderr');
  py.setStdout({ write: (b: Uint8Array) => out.write(b) });
  py.setStderr({ write: (b: Uint8Array) => err.write(b) });
  // No one can type into a run; input() gets EOFError instead of blocking forever.
  py.setStdin({ stdin: () => null });
  py.setInterruptBuffer(new Int32Array(init.control, CONTROL_INTERRUPT * Int32Array.BYTES_PER_ELEMENT, 1));

  writePythonFiles(py);
  py.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(PYTHON_LIB_DIR)})`);

  let driver: Driver | null = null;
  const flushPythonStreams = py.runPython(
    'import sys\ndef _flush():\n    for s in (sys.stdout, sys.stderr):\n        try: s.flush()\n        except Exception: pass\n_flush',
  ) as () => void;

  /** Python calls this with a JSON string or a dict; the binding calls it with a plain object. */
  const emit = (payload: unknown): void => {
    const run = current;
    if (!run) return;
    const event = completeEvent(run, toEventObject(py, payload), driver);
    // Print output written before the event must reach the consumer before it.
    flushPythonStreams();
    postEvent(run, event);
  };
  const bindingHost: BindingHost = {
    emit,
    openStep,
    closeStep,
    graphNodeLimit: init.settings.graphNodeLimit,
    graphIntervalMs: init.settings.graphIntervalMs,
    tick: postHeldIfDue,
    releaseKept: keptRefsReleaser(),
    detectNonFinite: init.settings.detectNonFinite,
    instrument: init.settings.instrument,
    pauseCheck: (probe) => (current ? pausePoint.check(current.step, probe) : 0),
  };
  /** Posts a debugger event of the current run, after what Python printed and the steps held back. */
  const postPauseEvent = (event: RunEvent): void => {
    const run = current;
    if (!run) return;
    flushPythonStreams();
    event.t = elapsed(run);
    postEvent(run, event);
  };
  // One object for the worker's life: Python holds a proxy to it, and each run's settings are written into it.
  const settings: WorkerSettings = { ...init.settings };
  py.registerJsModule('_playground_host', {
    settings,
    binding: createBinding(bindingHost),
    emit,
    stopRequested: (): boolean => Atomics.load(control, CONTROL_STOP) !== 0,
    /** The script pauses (_playground.pause): sends the `paused` event; `line` -1 when unknown. */
    pause_enter: (at: string, line: number): void => {
      if (!current) return;
      postPauseEvent({ type: 'paused', t: 0, step: current.step, file: current.file, line: line >= 0 ? line : null, at: at === 'step' ? 'step' : 'backward', reason: pausePoint.reason });
    },
    /** Sleeps until the main thread says what to do: PAUSE_CONTINUE, PAUSE_STOP, or a console request's id. */
    pause_wait: (): number => pausePoint.wait(),
    /** The code of the console request pause_wait returned. */
    pause_code: (): string => pausePoint.code,
    console_result: (id: number, code: string, output: string, error: boolean): void => {
      postPauseEvent({ type: 'console', t: 0, id, code, output, error });
    },
    pause_leave: (): void => postPauseEvent({ type: 'resumed', t: 0 }),
    /** ms since the current run started, on the same clock as events' `t`. */
    now: (): number => (current ? elapsed(current) : 0),
    /** Live bytes after a forced GC (keptRefs.ts): what tests and the bench measure memory per step with. */
    memory: (): number => {
      bindingHost.releaseKept?.(true);
      const m = retainedBytes();
      return m.heap + m.external;
    },
  });
  driver = py.pyimport('_playground.run') as unknown as Driver;
  const runDriver = driver;
  const folderHooks = py.pyimport('_playground.folders') as unknown as PythonFolderHooks;
  for (const name of init.preload ?? []) (py.pyimport(name) as { destroy(): void }).destroy();

  port!.on('message', (req: WorkerRequest) => {
    if (req.kind !== 'run') return;
    Atomics.store(control, CONTROL_STOP, 0);
    Atomics.store(control, CONTROL_INTERRUPT, 0);
    pausePoint.reset();
    const run: CurrentRun = { runId: req.runId, file: req.file, clockStart: req.clockStart, step: 0, figures: 0 };
    Object.assign(settings, req.settings, { trackLines: init.settings.trackLines });
    bindingHost.graphNodeLimit = settings.graphNodeLimit;
    bindingHost.graphIntervalMs = settings.graphIntervalMs;
    bindingHost.detectNonFinite = settings.detectNonFinite;
    bindingHost.instrument = settings.instrument;
    lastStepAt = -Infinity;
    current = run;
    let status: RunStatus;
    // Undefined where the runner's rule (0 for 'ok', else 1) gives the code.
    let exitCode: number | undefined;
    let broken = false;
    const folder = enterScriptFolder(py.FS as unknown as EmFS, folderHooks, req, (text) => postEvent(run, { type: 'stderr', t: elapsed(run), text }));
    try {
      const proxy = runDriver.run(req.file, req.source);
      const [result, code] = proxy.toJs() as [unknown, unknown];
      proxy.destroy();
      status = result === 'ok' || result === 'stopped' ? result : 'error';
      if (typeof code === 'number') exitCode = code;
    } catch (e) {
      // User errors are handled in Python; what lands here left the interpreter unusable: os._exit() (which
      // Pyodide turns into a fatal error) or a bug in the driver. Either way this worker must be replaced.
      broken = true;
      const exit = /exit\((-?\d+)\)/.exec(e instanceof Error ? e.message : '');
      if (Atomics.load(control, CONTROL_STOP) !== 0) status = 'stopped';
      else if (exit) {
        // The low byte, as a POSIX exit keeps it: os._exit(256) exits 0.
        exitCode = Number(exit[1]) & 0xff;
        status = exitCode === 0 ? 'ok' : 'error';
      } else {
        status = 'error';
        postEvent(run, { type: 'stderr', t: elapsed(run), text: `autograd-playground internal error: ${errorText(e)}\n` });
      }
    }
    folder.leave(!broken);
    out.flush();
    err.flush();
    postHeld(run);
    current = null;
    post({ kind: 'done', runId: run.runId, status, exitCode, broken });
  });
  post({ kind: 'ready' });
}

/**
 * The event types Python (hooks.emit) and the binding (backward reports) may send; start, diverged and end are
 * the runner's own. Typed, so that renaming or removing a type in events.ts fails the type check here.
 */
const EMITTED_TYPES: ReadonlySet<RunEventType> = new Set<RunEventType>(['backward', 'graph', 'error', 'warning', 'stdout', 'stderr', 'figure', 'variables']);

/** emit() accepts a JSON string (from Python) or an object (a Python dict, or a JS object from the binding). */
function toEventObject(py: PyodideAPI, payload: unknown): Record<string, unknown> {
  let value: unknown = payload;
  if (typeof payload === 'string') {
    value = decodeJson(payload);
  } else if (payload instanceof py.ffi.PyProxy) {
    const proxy = payload as InstanceType<typeof py.ffi.PyProxy> & { toJs(o: object): unknown };
    value = proxy.toJs({ dict_converter: Object.fromEntries, create_pyproxies: false });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError('_playground_host.emit: expected an event object');
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !EMITTED_TYPES.has(type as RunEventType)) {
    throw new TypeError(`_playground_host.emit: cannot emit event type ${JSON.stringify(type)}`);
  }
  return value as Record<string, unknown>;
}

/** Fills what only the host knows (t, step) or can find out cheaply (the user's file and line). */
function completeEvent(run: CurrentRun, e: Record<string, unknown>, driver: Driver | null): RunEvent {
  e.t = elapsed(run);
  if (e.type === 'backward' || e.type === 'graph') {
    if (e.type === 'graph') e.step = run.step; // it completes the latest backward event
    else if (typeof e.step === 'number') run.step = Math.max(run.step, e.step);
    else e.step = ++run.step;
    // The binding passes -1 when line tracking is off.
    if ((typeof e.line !== 'number' || e.line < 0) && driver) {
      const loc = driver.user_location() as { toJs(): unknown; destroy(): void };
      const [file, line] = loc.toJs() as [string | undefined, number | undefined];
      loc.destroy();
      if (typeof e.file !== 'string' && typeof file === 'string') e.file = file;
      e.line = typeof line === 'number' ? line : null;
    }
    if (typeof e.file !== 'string') e.file = run.file;
  } else if (e.type === 'figure') {
    e.index = ++run.figures;
  } else if (e.type === 'variables' && e.at === 'backward') {
    // Read right after the latest backward event went out.
    e.step = run.step;
  }
  return e as unknown as RunEvent;
}

function errorText(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

main().catch((e: unknown) => post({ kind: 'fatal', message: errorText(e) }));
