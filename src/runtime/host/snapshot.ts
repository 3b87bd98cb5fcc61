/**
 * Pyodide's memory snapshot of a started interpreter (loadPyodide's `_makeSnapshot` / `_loadSnapshot`): the
 * wasm memory of CPython right after loadPyodide, saved once and copied into later workers instead of
 * starting CPython again. Worker-side; the runner only says in which folder it is kept.
 *
 * The snapshot holds Python only as loadPyodide leaves it, before the worker adds anything: no playground
 * module, no JavaScript object of ours (Pyodide can only restore references to JavaScript objects it can name
 * again), no run. What lives outside the wasm memory is set up again by every worker anyway: the file system
 * (the standard library zip, our Python tree), the streams, the interrupt buffer, `_playground_host`, the stack
 * guard. What a snapshot would otherwise share between workers is renewed below (`random`'s seed).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadPyodide, version as pyodideVersion, type PyodideAPI } from 'pyodide';

type LoadOptions = NonNullable<Parameters<typeof loadPyodide>[0]>;

/** Bumped when what goes into a snapshot changes without the inputs of snapshotFile's key changing. */
const SNAPSHOT_FORMAT = 1;
const PREFIX = 'pyodide-snapshot-';
const SUFFIX = '.bin';

/** How the interpreter was started, for tests and the bench. */
export type SnapshotUse = 'none' | 'loaded' | 'made';

/**
 * The snapshot's file in `dir`. Its name is a hash of everything the saved memory depends on: the extension's
 * version, Pyodide's (whose build id Pyodide checks itself as well), the standard library zip the interpreter
 * was started on (its zip comment, the key of its inputs written by scripts/pyc.mjs: zipimport's cached table
 * of contents is part of the memory) and the load options.
 */
export function snapshotFile(dir: string, options: LoadOptions, extensionVersion: string): string {
  const stdlib = options.stdLibURL ? zipComment(options.stdLibURL) : '';
  const key = createHash('sha256')
    .update(JSON.stringify([SNAPSHOT_FORMAT, extensionVersion, pyodideVersion, stdlib, options.env ?? {}, options.args ?? []]))
    .digest('hex')
    .slice(0, 24);
  return path.join(dir, `${PREFIX}${extensionVersion}-${pyodideVersion}-${key}${SUFFIX}`);
}

/**
 * loadPyodide, from the snapshot in `file` when there is one that loads; otherwise a plain start that saves
 * a new snapshot there (replacing one that failed, and removing those of other versions). Without `file`,
 * just loadPyodide.
 */
export async function startPyodide(options: LoadOptions, file?: string): Promise<{ py: PyodideAPI; snapshot: SnapshotUse }> {
  if (!file) return { py: await loadPyodide(options), snapshot: 'none' };
  const saved = readIfPresent(file);
  if (saved) {
    try {
      const py = await loadPyodide({ ...options, _loadSnapshot: saved });
      afterSnapshotLoad(py);
      return { py, snapshot: 'loaded' };
    } catch {
      // Made by another build of Pyodide, or damaged: made again below.
    }
  }
  const py = await loadPyodide({ ...options, _makeSnapshot: true });
  save(file, py.makeMemorySnapshot());
  return { py, snapshot: 'made' };
}

/**
 * Undoes what the snapshot would otherwise share. Each loadPyodide puts '' first on sys.path again (the saved
 * memory had it already). `random`'s module-level generator was seeded from the system when the snapshot was
 * made; CPython seeds it once per process, so every worker gets a fresh seed. (String hashing's secret is
 * fixed per snapshot: it cannot change once strings are hashed. It only changes set and dict iteration order,
 * which CPython never promises anyway.)
 */
function afterSnapshotLoad(py: PyodideAPI): void {
  py.runPython("import sys, random\nif sys.path[:2] == ['', '']:\n    del sys.path[0]\nrandom.seed()\ndel sys, random");
}

function readIfPresent(file: string): Uint8Array | null {
  try {
    return fs.readFileSync(file);
  } catch {
    return null;
  }
}

/** Written under a temporary name and renamed, so that a worker never reads a half-written snapshot. */
function save(file: string, bytes: Uint8Array): void {
  const dir = path.dirname(file);
  const tmp = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
    for (const name of fs.readdirSync(dir)) {
      if (name.startsWith(PREFIX) && name.endsWith(SUFFIX) && name !== path.basename(file)) fs.rmSync(path.join(dir, name), { force: true });
    }
  } catch {
    // A folder that cannot be written only makes the next start slower. Nothing is printed: the worker's stderr
    // is the command line's, where a script's output must be Python's alone.
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // There was no folder to write it in.
    }
  }
}

/** The comment at the end of a zip file (its end-of-central-directory record), or '' when there is none. */
function zipComment(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const tail = Buffer.alloc(Math.min(size, 22 + 0xffff));
    fs.readSync(fd, tail, 0, tail.length, size - tail.length);
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50 && i + 22 + tail.readUInt16LE(i + 20) === tail.length) return tail.subarray(i + 22).toString('latin1');
    }
    return '';
  } finally {
    fs.closeSync(fd);
  }
}
