/**
 * The interpreter the Python extension (ms-python.python) has selected for a document's workspace, through
 * its public environments API. Everything is feature-tested: without that extension, with an older one, or
 * when it fails, the answer is undefined and the next source of an interpreter decides (runs/interpreter.ts).
 */
import * as vscode from 'vscode';

const PYTHON_EXTENSION_ID = 'ms-python.python';
/** Activating the Python extension can take a while on a cold start; past this, it is not waited for. */
const ACTIVATION_TIMEOUT_MS = 15000;

interface EnvironmentPath {
  id?: unknown;
  path?: unknown;
}

interface ResolvedEnvironment {
  executable?: { uri?: { fsPath?: unknown } };
}

interface EnvironmentsApi {
  getActiveEnvironmentPath(resource?: vscode.Uri): EnvironmentPath | undefined;
  resolveEnvironment(environment: EnvironmentPath | string): Promise<ResolvedEnvironment | undefined>;
}

function environmentsOf(exports: unknown): EnvironmentsApi | undefined {
  const env = (exports as { environments?: Partial<EnvironmentsApi> } | null | undefined)?.environments;
  if (!env || typeof env.getActiveEnvironmentPath !== 'function' || typeof env.resolveEnvironment !== 'function') return undefined;
  return env as EnvironmentsApi;
}

function within<T>(ms: number, promise: Thenable<T>): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    Promise.resolve(promise).then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}

/** The executable path of the Python extension's interpreter for `resource`; undefined when there is none to ask. */
export async function pythonExtensionInterpreter(resource: vscode.Uri | undefined): Promise<string | undefined> {
  const ext = vscode.extensions.getExtension(PYTHON_EXTENSION_ID);
  if (!ext) return undefined;
  const exports: unknown = ext.isActive ? ext.exports : await within(ACTIVATION_TIMEOUT_MS, ext.activate());
  const env = environmentsOf(exports);
  if (!env) return undefined;
  // An untitled document has no workspace folder of its own: the extension's answer for the workspace then.
  const scope = resource && resource.scheme === 'file' ? resource : undefined;
  const active = env.getActiveEnvironmentPath(scope);
  if (!active) return undefined;
  const resolved = await within(ACTIVATION_TIMEOUT_MS, env.resolveEnvironment(active));
  const exe = resolved?.executable?.uri?.fsPath;
  if (typeof exe === 'string' && exe) return exe;
  // An environment it cannot resolve may still be an interpreter path (its `path` is one for plain interpreters).
  return typeof active.path === 'string' && active.path && /python[\d.]*(\.exe)?$/i.test(active.path) ? active.path : undefined;
}
