/**
 * A document run on a real Python (the python backend): the script runs where `python script.py` would run it,
 * in its own folder with that folder as the working directory. The user's files are never written: text that
 * differs from the saved file (unsaved edits, Train Model on a selection) goes to a temporary file the probe
 * reads in its place, and an untitled document (an example) runs from a temporary folder of its own. Both are
 * removed when the run ends. No `vscode` here (tested under mocha).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RunRecorder } from '../../runtime/host/recorder';
import type { RunHandle, RunOptions } from '../../runtime/host/runner';
import { startPythonRun } from '../../runtime/python/pythonRun';

export interface PythonScriptOptions extends Pick<RunOptions, 'file' | 'cwd' | 'graphNodeLimit' | 'graphIntervalMs' | 'onEvent' | 'collect' | 'pauseConditions' | 'detectNonFinite'> {
  /** The interpreter (runs/interpreter.ts chose it, and checked that it has torch). */
  python: string;
  /** The document's text as the editor has it. */
  source: string;
}

/** What a run needs on disk, and what to remove after it. */
export interface ScriptFiles {
  /** The path Python runs (its __file__ and sys.path[0]'s folder). */
  script: string;
  cwd: string;
  /** A file holding the text to run instead of `script`'s saved text; undefined when they are the same. */
  sourceFile?: string;
  /** What events call the script, when not `script`. */
  name?: string;
  /** The temporary folder to remove when the run ends. */
  temp?: string;
}

/** A file name for an untitled document's script: its own name, made a `.py` file name. */
function scriptName(file: string): string {
  const base = (file.split(/[\\/]/).pop() || 'script').replace(/[^\w.-]+/g, '_');
  return base.endsWith('.py') ? base : `${base}.py`;
}

function readSaved(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Lays out the files of a run of `file` (a saved file when `cwd` is given) with `source` as its text. */
export function scriptFiles(file: string, source: string, cwd: string | undefined): ScriptFiles {
  if (cwd !== undefined) {
    if (readSaved(file) === source) return { script: file, cwd };
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'autograd-playground-'));
    const sourceFile = path.join(temp, scriptName(file));
    fs.writeFileSync(sourceFile, source, 'utf8');
    return { script: file, cwd, sourceFile, temp };
  }
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'autograd-playground-'));
  const script = path.join(temp, scriptName(file));
  fs.writeFileSync(script, source, 'utf8');
  return { script, cwd: temp, name: file, temp };
}

export function startPythonScript(opts: PythonScriptOptions): RunHandle {
  let files: ScriptFiles;
  try {
    files = scriptFiles(opts.file, opts.source, opts.cwd);
  } catch (e) {
    // Nowhere to write the text: the run fails as one that cannot start does, saying why.
    const recorder = new RunRecorder(opts.file, opts.onEvent, opts.collect, 'python');
    recorder.internalError(`could not write the script for Python: ${(e as Error).message}`);
    recorder.finish('error');
    return { done: recorder.done, stop: () => undefined };
  }
  const handle = startPythonRun({
    python: opts.python,
    file: files.script,
    name: files.name,
    sourceFile: files.sourceFile,
    cwd: files.cwd,
    graphNodeLimit: opts.graphNodeLimit,
    graphIntervalMs: opts.graphIntervalMs,
    pauseConditions: opts.pauseConditions,
    detectNonFinite: opts.detectNonFinite,
    onEvent: opts.onEvent,
    collect: opts.collect,
  });
  if (files.temp) {
    const temp = files.temp;
    void handle.done.finally(() => fs.rmSync(temp, { recursive: true, force: true }));
  }
  return handle;
}
