// Bytecode for everything the worker imports, compiled at build time by the very CPython that will run it
// (Pyodide's, loaded here in Node), so that no start of a worker compiles Python source:
//
// - dist/python_stdlib.zip: Pyodide's standard library zip with a `.pyc` beside every `.py`. zipimport takes
//   `name.pyc` before `name.py`; the sources stay, so tracebacks into the standard library still show their
//   lines. The `.pyc` files are unchecked hash-based ones: zipimport uses them as they are, since the zip is
//   made as a whole and never changes afterwards.
// - the playground's own packages (src/python): one checked hash-based `.pyc` per file, to be written into
//   `__pycache__` beside the sources in the worker's file system. Checked: the import system hashes the source
//   and compiles it after all should the two ever disagree.
//
// Compiling the standard library takes a few seconds, so both are cached: dist/python_stdlib.zip carries the
// key of its inputs in its zip comment, and dist/pyc-cache.json holds each package file's bytecode under the
// hash of its source. Pyodide is loaded only when something must be compiled.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const pyodideDir = dirname(require.resolve('pyodide/package.json'));
const pyodideVersion = JSON.parse(readFileSync(join(pyodideDir, 'package.json'), 'utf8')).version;

/** Bumped when what this file writes changes other than through the Python code below (part of each key). */
const FORMAT = 1;

/** Where the worker puts src/python in Pyodide's file system (PYTHON_LIB_DIR in worker.ts). */
export const PYTHON_LIB_DIR = '/playground/lib';

const sha256 = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
};

/** One interpreter per build, loaded on first need. */
let interpreter = null;
function pyodide() {
  interpreter ??= import('pyodide').then(({ loadPyodide }) => loadPyodide({ indexURL: pyodideDir + '/' }));
  return interpreter;
}

/** The zip comment of `file` (read from its end-of-central-directory record), or null. */
function zipComment(file) {
  if (!existsSync(file)) return null;
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const tailSize = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailSize);
    readSync(fd, tail, 0, tailSize, size - tailSize);
    for (let i = tailSize - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50 && i + 22 + tail.readUInt16LE(i + 20) === tailSize) {
        return tail.subarray(i + 22).toString('latin1');
      }
    }
    return null;
  } finally {
    closeSync(fd);
  }
}

const STDLIB_SCRIPT = `
import _imp, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

def precompile(src_path, out_path, archive, comment):
    src = zipfile.ZipFile(src_path)
    with zipfile.ZipFile(out_path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            out.writestr(info, data)
            if not info.filename.endswith(".py"):
                continue
            # The file name zipimport would give the code it compiled itself: tracebacks name the same file.
            code = compile(data, archive + "/" + info.filename, "exec", dont_inherit=True)
            pyc = _code_to_hash_pyc(code, _imp.source_hash(_imp.pyc_magic_number_token, data), checked=False)
            entry = zipfile.ZipInfo(info.filename + "c", info.date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(entry, bytes(pyc))
        out.comment = comment.encode("ascii")
precompile
`;

/**
 * Writes `out` (dist/python_stdlib.zip) unless it is already the precompiled form of Pyodide's zip. Returns
 * its key (a hash of the inputs), which also names what a memory snapshot of an interpreter started on it
 * depends on.
 */
export async function precompileStdlib(out) {
  const source = join(pyodideDir, 'python_stdlib.zip');
  const key = `autograd-playground-stdlib ${sha256(String(FORMAT), STDLIB_SCRIPT, pyodideVersion, readFileSync(source))}`;
  if (zipComment(out) === key) return { key, compiled: false };
  const py = await pyodide();
  const [major, minor] = py.runPython('import sys; sys.version_info[:2]').toJs();
  py.FS.mkdirTree('/build');
  py.FS.writeFile('/build/in.zip', readFileSync(source));
  const precompile = py.runPython(STDLIB_SCRIPT);
  // The path Pyodide gives the standard library zip (installStdlib in pyodide.js), which becomes co_filename.
  precompile('/build/in.zip', '/build/out.zip', `/lib/python${major}${minor}.zip`, key);
  precompile.destroy();
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, py.FS.readFile('/build/out.zip'));
  renameSync(tmp, out);
  return { key, compiled: true };
}

const PACKAGES_SCRIPT = `
import _imp, sys
from importlib._bootstrap_external import _code_to_hash_pyc
from importlib.util import cache_from_source

def compile_file(path, data):
    data = data.to_bytes()
    code = compile(data, path, "exec", dont_inherit=True)
    pyc = _code_to_hash_pyc(code, _imp.source_hash(_imp.pyc_magic_number_token, data), checked=True)
    return cache_from_source(path), bytes(pyc)
compile_file
`;

const packagesFormat = sha256(String(FORMAT), PACKAGES_SCRIPT, PYTHON_LIB_DIR);

/**
 * Bytecode for `files` (path under src/python → source text), as the worker writes it: path of the `.pyc`
 * relative to PYTHON_LIB_DIR → its bytes in base64. Cached in `cacheFile` by each file's path and source.
 */
export async function compilePackages(files, cacheFile) {
  let cache = {};
  try {
    const stored = JSON.parse(readFileSync(cacheFile, 'utf8'));
    if (stored.format === packagesFormat && stored.pyodide === pyodideVersion) cache = stored.files;
  } catch {
    // No cache yet, or an unreadable one: compile everything.
  }
  const next = {};
  const bytecode = {};
  let compiled = 0;
  let compileFile = null;
  for (const [rel, text] of Object.entries(files)) {
    if (!rel.endsWith('.py')) continue;
    const key = sha256(rel, text);
    let entry = cache[key];
    if (!entry) {
      compileFile ??= (await pyodide()).runPython(PACKAGES_SCRIPT);
      // The bytes the worker writes (UTF-8), which the import system hashes to check the .pyc.
      const proxy = compileFile(`${PYTHON_LIB_DIR}/${rel}`, new TextEncoder().encode(text));
      const [pycPath, pyc] = proxy.toJs();
      proxy.destroy();
      if (!pycPath.startsWith(`${PYTHON_LIB_DIR}/`)) throw new Error(`unexpected bytecode path ${pycPath}`);
      entry = { path: pycPath.slice(PYTHON_LIB_DIR.length + 1), pyc: Buffer.from(pyc).toString('base64') };
      compiled++;
    }
    next[key] = entry;
    bytecode[entry.path] = entry.pyc;
  }
  compileFile?.destroy();
  if (compiled > 0 || Object.keys(next).length !== Object.keys(cache).length) {
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ format: packagesFormat, pyodide: pyodideVersion, files: next }));
    renameSync(tmp, cacheFile);
  }
  return { bytecode, compiled };
}
