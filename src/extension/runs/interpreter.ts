/**
 * Which Python the python backend runs: the interpreter the Python extension has selected for the document's
 * workspace when it names one, else the `autogradPlayground.pythonPath` setting, else python3/python on PATH.
 * The first source that names an interpreter decides: one without torch is reported, not skipped, since
 * running another Python than the one the user chose would surprise them. No `vscode` here (the Python
 * extension's answer is handed in), so the order is tested under mocha with stubs.
 */
import type { PythonCheck } from '../../runtime/python/pythonRun';

export type InterpreterSource = 'pythonExtension' | 'setting' | 'path';

export interface InterpreterSources {
  /** The Python extension's interpreter for the document (an executable path); undefined when it is not installed or names none. */
  pythonExtension(): Promise<string | undefined>;
  /** The autogradPlayground.pythonPath setting; '' when unset. */
  pythonPath: string;
  check(python: string): Promise<PythonCheck>;
  /** The first of python3/python on PATH that runs (runtime/python's findPython). */
  findOnPath(): Promise<{ python: string; check: PythonCheck }>;
}

export interface InterpreterChoice {
  python: string;
  source: InterpreterSource;
  check: PythonCheck;
}

export async function chooseInterpreter(sources: InterpreterSources): Promise<InterpreterChoice> {
  let fromExtension: string | undefined;
  try {
    fromExtension = await sources.pythonExtension();
  } catch {
    // Another extension's failure is not the user's problem here: the next source decides.
    fromExtension = undefined;
  }
  if (fromExtension) return { python: fromExtension, source: 'pythonExtension', check: await sources.check(fromExtension) };
  if (sources.pythonPath) return { python: sources.pythonPath, source: 'setting', check: await sources.check(sources.pythonPath) };
  const found = await sources.findOnPath();
  return { ...found, source: 'path' };
}
