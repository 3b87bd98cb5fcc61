/**
 * What the real-Python backend's suites share: finding a Python with PyTorch (they skip, saying why, where
 * there is none), and running a script directly or through the probe in a scratch copy of its folder (the
 * examples' savefig writes files).
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeEvent, encodeEvent, type RunEvent } from '../../src/protocol/events';
import { checkPython, startPythonRun } from '../../src/runtime/python/pythonRun';

/**
 * The interpreter the suites use: $AUTOGRAD_PLAYGROUND_TEST_PYTHON, else the first of Debian's /usr/bin/python3
 * (CI installs python3-torch there), python3 and python that has torch; null when none has.
 */
let found: Promise<string | null> | null = null;
export function torchPython(): Promise<string | null> {
  found ??= (async () => {
    const named = process.env.AUTOGRAD_PLAYGROUND_TEST_PYTHON;
    for (const python of named ? [named] : ['/usr/bin/python3', 'python3', 'python']) {
      const check = await checkPython(python);
      if (check.ok) return check.info.executable;
    }
    return null;
  })();
  return found;
}

export const NO_TORCH =
  'no Python with PyTorch found (tried $AUTOGRAD_PLAYGROUND_TEST_PYTHON, /usr/bin/python3, python3, python): the real-Python backend suites are skipped';

/** A scratch folder holding a copy of `files` (name → text); removed by the caller. */
export function scratch(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agp-python-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

/**
 * The current suite's setup: skipped, saying why, where no Python has PyTorch; else `files` copied into a scratch
 * folder, removed after the suite. The returned fields are set once the suite's `before` has run.
 */
export function torchSuite(files: Record<string, string>): { python: string; dir: string } {
  const suite = { python: '', dir: '' };
  before(async function () {
    const python = await torchPython();
    if (!python) {
      console.log(`      ${NO_TORCH}`);
      this.skip();
    }
    suite.python = python!;
    suite.dir = scratch(files);
  });
  after(() => {
    if (suite.dir) fs.rmSync(suite.dir, { recursive: true, force: true });
  });
  return suite;
}

export interface Direct {
  code: number;
  stdout: string;
  stderr: string;
}

export function runDirect(python: string, file: string, cwd: string): Promise<Direct> {
  return new Promise((resolve) => {
    execFile(python, [file], { cwd, env: { ...process.env, MPLBACKEND: 'Agg' }, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

export interface Probed extends Direct {
  events: RunEvent[];
}

/**
 * Through the probe, as the CLI runs it; every event is re-encoded and decoded with the protocol's decoder, as
 * an events file would be read.
 */
export async function runProbed(python: string, file: string, cwd: string, graphIntervalMs = 0): Promise<Probed> {
  const handle = startPythonRun({ python, file, cwd, graphIntervalMs });
  const result = await handle.done;
  return {
    code: result.exitCode,
    stdout: result.stdout,
    stderr: result.stderr,
    events: result.events.map((e) => decodeEvent(encodeEvent(e))),
  };
}

/** Runs `jobs` with at most `n` at a time (the examples each start a Python that imports torch). */
export async function inBatches<T>(jobs: Array<() => Promise<T>>, n: number): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, jobs.length) }, async () => {
      while (next < jobs.length) {
        const i = next++;
        out[i] = await jobs[i]();
      }
    }),
  );
  return out;
}
