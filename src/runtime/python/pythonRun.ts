/**
 * The real-Python backend: runs a script on a Python that has PyTorch, through the probe package
 * (src/probe/autograd_playground_probe, shipped as dist/probe/), and makes what it reports the same event
 * stream the playground's runtime emits. The probe writes its events to a pipe of their own (file descriptor
 * 3), so the script's stdout and stderr stay exactly its own; this side adds `start`, `end`, the output chunks
 * and each event's time.
 */
import { execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { decodeJson, type PauseConditions, type RunEvent, type RunEventType } from '../../protocol/events';
import { RunRecorder } from '../host/recorder';
import type { RunHandle, RuntimeSettings } from '../host/runner';
import { COMMANDS_FD, ProbeControl, conditionsJson } from './pythonControl';
import { fillPrints } from './probePrint';
import { expandSteps, isStepsLine } from './probeSteps';

/** What a Python interpreter told us about itself. */
export interface PythonInfo {
  /** sys.executable: the interpreter's real path, for messages. */
  executable: string;
  /** Python's version, e.g. '3.11.2'. */
  version: string;
  /** torch's installed version, or null when the interpreter has no torch. */
  torch: string | null;
}

export type PythonCheck =
  | { ok: true; info: PythonInfo }
  /** `executable`: the interpreter's real path (sys.executable), when it ran. */
  | { ok: false; reason: 'no-python' | 'no-torch'; message: string; executable?: string };

/** The module name the run starts with `python -m`. */
export const PROBE_MODULE = 'autograd_playground_probe';
/** The probe's events pipe, as a descriptor number in the child. */
const EVENTS_FD = 3;
/** How long a stopped script gets to unwind from KeyboardInterrupt (SIGINT) before it is killed. */
export const PYTHON_STOP_GRACE_MS = 3000;

// Asks without importing torch (which takes seconds): find_spec says whether it is there, its metadata which one.
const CHECK_SCRIPT = [
  'import importlib.util, json, platform, sys',
  'v = None',
  "if importlib.util.find_spec('torch') is not None:",
  '    try:',
  '        from importlib.metadata import version',
  "        v = version('torch')",
  '    except Exception:',
  "        v = 'unknown'",
  "print(json.dumps({'executable': sys.executable, 'version': platform.python_version(), 'torch': v}))",
].join('\n');

/** The interpreters tried, in order, when none is named. */
export function defaultPythons(): string[] {
  return process.platform === 'win32' ? ['python', 'python3'] : ['python3', 'python'];
}

/** The command that installs PyTorch for an interpreter, as the message shows it. */
export function installCommand(executable: string): string {
  const quoted = /\s/.test(executable) ? `"${executable}"` : executable;
  return `${quoted} -m pip install torch`;
}

/** Runs the check script with `python`: its info, or why it cannot run a script through the probe. */
export function checkPython(python: string): Promise<PythonCheck> {
  return new Promise((resolve) => {
    execFile(python, ['-c', CHECK_SCRIPT], { timeout: 30000, windowsHide: true }, (error, stdout) => {
      let info: PythonInfo | null;
      try {
        info = JSON.parse(stdout.trim().split('\n').pop() ?? '') as PythonInfo;
      } catch {
        info = null;
      }
      if (!info || typeof info.executable !== 'string') {
        const why = error && (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'was not found' : `did not run (${error ? error.message.split('\n')[0] : 'no answer'})`;
        resolve({ ok: false, reason: 'no-python', message: `the Python interpreter '${python}' ${why}` });
        return;
      }
      if (info.torch === null) {
        const exe = info.executable || python;
        resolve({
          ok: false,
          reason: 'no-torch',
          executable: exe,
          message: `the Python at ${exe} has no PyTorch (no module named 'torch'). Install it with:\n  ${installCommand(exe)}`,
        });
        return;
      }
      resolve({ ok: true, info });
    });
  });
}

/**
 * The first interpreter of `candidates` that runs (default: python3, then python on PATH); when none has
 * torch, the answer of the first one that ran.
 */
export async function findPython(candidates: string[] = defaultPythons()): Promise<{ python: string; check: PythonCheck }> {
  let first: { python: string; check: PythonCheck } | null = null;
  for (const python of candidates) {
    const check = await checkPython(python);
    if (check.ok) return { python, check };
    if (!first || (first.check.ok === false && first.check.reason === 'no-python' && check.reason === 'no-torch')) first = { python, check };
  }
  return first ?? { python: candidates[0] ?? 'python3', check: { ok: false, reason: 'no-python', message: 'no Python interpreter to try' } };
}

/**
 * The folder that holds the probe package: dist/probe beside the bundle, or src/probe when this file runs from
 * source (tests under tsx).
 */
export function probeRoot(): string {
  const candidates = [path.join(__dirname, 'probe'), path.resolve(__dirname, '..', '..', 'probe')];
  const found = candidates.find((p) => fs.existsSync(path.join(p, PROBE_MODULE, '__main__.py')));
  if (!found) throw new Error(`autograd-playground: the probe package is missing (looked in ${candidates.join(', ')}); run \`npm run build\``);
  return found;
}

export interface PythonRunOptions extends Pick<RuntimeSettings, 'graphNodeLimit' | 'graphIntervalMs' | 'trackLines' | 'instrument' | 'detectNonFinite'> {
  /** The interpreter to run (a path or a name on PATH); checkPython should have accepted it. */
  python: string;
  /** The script: the path Python runs (its `__file__`, its folder sys.path[0]), and events' name for it unless `name` says otherwise. */
  file: string;
  /** What events and the run's `start` call the script, when not `file` (an editor's untitled document). */
  name?: string;
  /** A file holding the text to run in place of `file`'s saved text (an editor's unsaved edits, a selection). */
  sourceFile?: string;
  /** sys.argv[1:]. */
  args?: string[];
  /** The working directory (default: this process's). */
  cwd?: string;
  /** 'inherit' lets the script read this process's stdin (the CLI); default 'ignore'. */
  stdin?: 'inherit' | 'ignore';
  onEvent?: (e: RunEvent) => void;
  /** As RunOptions.collect: default true. */
  collect?: boolean;
  /** How long Stop waits after SIGINT before killing (default PYTHON_STOP_GRACE_MS). */
  stopGraceMs?: number;
  /** The debugger's pause conditions when the run starts (default: none); the handle's `control` changes them. */
  pauseConditions?: PauseConditions;
}

/** The event types the probe sends; start and end are this side's, as the runner's are. */
const PROBE_TYPES: ReadonlySet<RunEventType> = new Set<RunEventType>([
  'backward', 'graph', 'error', 'warning', 'figure', 'variables', 'diverged', 'torch', 'paused', 'resumed', 'console',
]);

/** Runs the script with the probe; the result's exit code is Python's (128 + n when a signal n ended it). */
export function startPythonRun(opts: PythonRunOptions): RunHandle {
  const recorder = new RunRecorder(opts.name ?? opts.file, opts.onEvent, opts.collect, 'python');
  recorder.start();
  let root: string;
  try {
    root = probeRoot();
  } catch (e) {
    recorder.internalError((e as Error).message);
    recorder.finish('error');
    return { done: recorder.done, stop: () => undefined };
  }
  const oldPath = process.env.PYTHONPATH;
  const settings = {
    graphNodeLimit: opts.graphNodeLimit ?? 200,
    graphIntervalMs: Math.max(0, opts.graphIntervalMs ?? 0),
    trackLines: opts.trackLines ?? true,
    instrument: opts.instrument ?? true,
    detectNonFinite: opts.detectNonFinite ?? false,
    ...(opts.name !== undefined ? { name: opts.name } : {}),
    ...(opts.sourceFile !== undefined ? { source: opts.sourceFile } : {}),
    ...(opts.pauseConditions !== undefined ? { pause: conditionsJson(opts.pauseConditions) } : {}),
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // For `-m` only: the probe takes its folder out of sys.path and puts PYTHONPATH back before the script runs.
    PYTHONPATH: oldPath ? root + path.delimiter + oldPath : root,
    AUTOGRAD_PLAYGROUND_PYTHONPATH: oldPath ?? '',
    AUTOGRAD_PLAYGROUND_EVENTS_FD: String(EVENTS_FD),
    AUTOGRAD_PLAYGROUND_COMMANDS_FD: String(COMMANDS_FD),
    AUTOGRAD_PLAYGROUND_SETTINGS: JSON.stringify(settings),
    // Output reaches the console as it is printed, not when a pipe's buffer fills.
    PYTHONUNBUFFERED: '1',
    // Figures go to the panel: nothing opens a window (the probe's show() sends them).
    MPLBACKEND: 'Agg',
  };
  const child = spawn(opts.python, ['-m', PROBE_MODULE, opts.file, ...(opts.args ?? [])], {
    cwd: opts.cwd,
    env,
    stdio: [opts.stdin ?? 'ignore', 'pipe', 'pipe', 'pipe', 'pipe'],
    windowsHide: true,
  });
  let stopping = false;
  let killTimer: NodeJS.Timeout | null = null;
  let step = 0;
  let figures = 0;
  const control = new ProbeControl(child.stdio[COMMANDS_FD] as Writable);

  const push = (e: Record<string, unknown>): void => {
    e.t = recorder.elapsed();
    if (e.type === 'backward' && typeof e.step === 'number') step = Math.max(step, e.step);
    else if (e.type === 'graph') e.step = step;
    else if (e.type === 'figure') e.index = ++figures;
    // The interrupt that Stop sent is the stop, not the script's error (as the playground's runner has it).
    if (stopping && e.type === 'error' && e.errorType === 'KeyboardInterrupt') return;
    control.observe(e as unknown as RunEvent);
    recorder.push(e as unknown as RunEvent);
  };
  const output = (type: 'stdout' | 'stderr') => {
    const decoder = new StringDecoder('utf8');
    return {
      data: (chunk: Buffer): void => {
        const text = decoder.write(chunk);
        if (text) recorder.push({ type, t: recorder.elapsed(), text });
      },
      end: (): void => {
        const text = decoder.end();
        if (text) recorder.push({ type, t: recorder.elapsed(), text });
      },
    };
  };
  const out = output('stdout');
  const err = output('stderr');
  child.stdout?.on('data', out.data).on('end', out.end);
  child.stderr?.on('data', err.data).on('end', err.end);

  const events = child.stdio[EVENTS_FD] as NodeJS.ReadableStream | null;
  let pending = '';
  const eventLine = (line: string): void => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = decodeJson(line);
    } catch {
      err.data(Buffer.from(`autograd-playground: the probe sent a line that is not JSON: ${line.slice(0, 200)}\n`));
      return;
    }
    if (isStepsLine(value)) {
      for (const e of expandSteps(value)) push(e as unknown as Record<string, unknown>);
      return;
    }
    const type = (value as { type?: unknown } | null)?.type;
    if (typeof value !== 'object' || value === null || typeof type !== 'string' || !PROBE_TYPES.has(type as RunEventType)) return;
    // The events that carry tensor summaries, whose prints the probe may leave to us.
    if (type === 'graph' || type === 'backward' || type === 'variables') fillPrints(value);
    push(value as Record<string, unknown>);
  };
  const eventsDecoder = new StringDecoder('utf8');
  events?.on('data', (chunk: Buffer) => {
    pending += eventsDecoder.write(chunk);
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      eventLine(pending.slice(0, nl));
      pending = pending.slice(nl + 1);
    }
  });
  events?.on('end', () => {
    pending += eventsDecoder.end();
    if (pending) eventLine(pending);
    pending = '';
  });

  child.on('error', (e: NodeJS.ErrnoException) => {
    if (killTimer) clearTimeout(killTimer);
    control.end();
    recorder.internalError(e.code === 'ENOENT' ? `the Python interpreter '${opts.python}' was not found` : `could not start Python: ${e.message}`);
    recorder.finish('error', e.code === 'ENOENT' ? 127 : 1);
  });
  // 'close': the process ended and every pipe is read to its end, so no event comes after `end`.
  child.on('close', (code, signal) => {
    if (killTimer) clearTimeout(killTimer);
    control.end();
    const exitCode = code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1);
    recorder.finish(stopping ? 'stopped' : exitCode === 0 ? 'ok' : 'error', exitCode);
  });

  return {
    done: recorder.done,
    stop: () => {
      if (recorder.finished || stopping) return;
      stopping = true;
      // KeyboardInterrupt first, so the script unwinds (its output flushed, the last graph and its variables
      // sent); killed if it does not end within the grace period.
      child.kill('SIGINT');
      killTimer = setTimeout(() => child.kill('SIGKILL'), opts.stopGraceMs ?? PYTHON_STOP_GRACE_MS);
    },
    control,
  };
}
