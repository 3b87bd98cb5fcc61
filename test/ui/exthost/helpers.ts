/** Shared by the extension-host suites: the extension's test API, the test workspace, runs. */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
// Type-only: the suites talk to the running extension through what activate() returned, never to its code.
import type { RunSummary, TestApi } from '../../../src/extension/extension';

export type { RunSummary, TestApi };

/** Prefix of every line the suite prints: the runners relay these lines and leave the workbench's own logs out. */
export const LOG_MARK = 'AGP|';

/**
 * console.log for the suite: each line marked with LOG_MARK, which the code-server runner needs to tell the
 * suite's output from the workbench's. The desktop runner (testElectron.mjs) sets AGP_UI_PLAIN_LOG: there the
 * extension host's console goes straight to the terminal, unmarked.
 */
export function log(...args: unknown[]): void {
  const text = args.map((a) => (typeof a === 'string' ? a : String(a))).join(' ');
  if (process.env.AGP_UI_PLAIN_LOG) console.log(text);
  else console.log(text.split('\n').map((l) => `${LOG_MARK} ${l}`).join('\n'));
}

export const EXTENSION_ID = 'autograd-playground.autograd-playground';

export const COMMANDS = [
  'autogradPlayground.train',
  'autogradPlayground.trainWithPython',
  'autogradPlayground.stop',
  'autogradPlayground.showPanel',
  'autogradPlayground.openExample',
  'autogradPlayground.findNonFinite',
  'autogradPlayground.showNode',
  'autogradPlayground.tensors.sortByGradNorm',
  'autogradPlayground.tensors.sortByName',
  'autogradPlayground.pause',
  'autogradPlayground.step',
  'autogradPlayground.continue',
];

export function extension(): vscode.Extension<TestApi> {
  const ext = vscode.extensions.getExtension<TestApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed in this extension host`);
  return ext;
}

/** Activates the extension if needed and returns its test API. */
export async function api(): Promise<TestApi> {
  const ext = extension();
  const exported = ext.isActive ? ext.exports : await ext.activate();
  assert.ok(exported && typeof exported.whenDone === 'function', 'activate() did not return the test API');
  return exported;
}

/** The test workspace (a copy made by the runner: examples/, examples/expected/, scratch/). */
export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite must run with a workspace folder open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
}

/** Writes a script into the workspace's scratch/ folder (never into the repository). */
export async function writeScript(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri('scratch', name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

export async function openPython(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  assert.equal(doc.languageId, 'python', `${uri.fsPath} did not open as Python`);
  return vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.One });
}

/**
 * Train Model on `uri` and wait for the run to end. With `viaActiveEditor` the command gets no argument and
 * trains the active editor, as the keybinding and the editor-title button do; otherwise it gets the URI,
 * as the CodeLens does.
 */
export async function trainAndWait(uri: vscode.Uri, { viaActiveEditor = false } = {}): Promise<RunSummary> {
  const a = await api();
  const before = a.lastRun(uri)?.runId;
  if (viaActiveEditor) {
    await openPython(uri);
    await vscode.commands.executeCommand('autogradPlayground.train');
  } else {
    await vscode.commands.executeCommand('autogradPlayground.train', uri);
  }
  const started = a.lastRun(uri);
  assert.ok(started && started.runId !== before, 'Train Model did not start a run of the document');
  const done = await a.whenDone(uri);
  assert.ok(done, 'the run disappeared');
  assert.equal(done.runId, started.runId, 'another run of the document replaced the one started');
  return done;
}

/** Polls `check` until it returns a truthy value. */
export async function waitFor<T>(what: string, check: () => T | undefined | null | false, timeoutMs = 30000, everyMs = 20): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** The 0-based index of the first line of `doc` that starts with `prefix` (after indentation). */
export function lineStartingWith(doc: vscode.TextDocument, prefix: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.trimStart().startsWith(prefix)) return i;
  throw new Error(`no line starting with ${JSON.stringify(prefix)} in ${doc.uri.fsPath}`);
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
