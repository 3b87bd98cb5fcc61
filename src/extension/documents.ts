/** The documents runs are made from: which one a command means, how a run names it, going to one of its lines. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { baseName } from '../protocol/panel';
import type { RunDocument, RunManager } from './runs/runManager';
import type { RunRecord } from './runs/runRecord';
import type { Services } from './services';

/**
 * Saved and untitled Python files (the schemes whose text Train Model runs); a bare language selector would also
 * match git:/output views and makes VS Code log "uses a document selector without scheme".
 */
export const PYTHON: vscode.DocumentSelector = [
  { language: 'python', scheme: 'file' },
  { language: 'python', scheme: 'untitled' },
];

/** A command's argument when it is a document's URI (CodeLens, menus), else undefined (the palette). */
export function asUri(arg: unknown): vscode.Uri | undefined {
  return arg instanceof vscode.Uri ? arg : undefined;
}

/** The document a command means: the one of `uri`, else the active editor's. */
export async function resolveDocument(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  if (!uri) return vscode.window.activeTextEditor?.document;
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ?? (await vscode.workspace.openTextDocument(uri));
}

export function runDocument(doc: vscode.TextDocument, exampleNames: ReadonlyMap<string, string>): RunDocument {
  const key = doc.uri.toString();
  const example = exampleNames.get(key);
  // Tracebacks name the file the way Python would: its path, or for an untitled document its name.
  const file = example ?? (doc.uri.scheme === 'file' ? doc.uri.fsPath : doc.uri.path || doc.fileName);
  const run: RunDocument = { key, file, label: baseName(file), version: doc.version, text: doc.getText() };
  // A saved file reads the files beside it (and the rest of its workspace folder) and runs in its own folder;
  // an untitled document, examples included, has no folder.
  if (doc.uri.scheme === 'file' && example === undefined) {
    run.cwd = path.dirname(doc.uri.fsPath);
    run.root = vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.fsPath ?? run.cwd;
  }
  return run;
}

/** The run the status bar describes and Show Graph Panel shows: the active document's, else the one started last. */
export function focusedRun(runs: RunManager): RunRecord | null {
  const active = vscode.window.activeTextEditor?.document.uri.toString();
  return (active !== undefined ? runs.get(active) : undefined) ?? runs.latest;
}

export async function revealLine(key: string, line: number): Promise<void> {
  const uri = vscode.Uri.parse(key);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  // A closed untitled document is gone; opening its URI would make a new, empty one.
  if (!open && uri.scheme === 'untitled') return;
  const doc = open ?? (await vscode.workspace.openTextDocument(uri));
  const index = Math.min(Math.max(0, line - 1), doc.lineCount - 1);
  const text = doc.lineAt(index);
  const range = new vscode.Range(index, text.firstNonWhitespaceCharacterIndex, index, text.range.end.character);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document === doc);
  const editor = await vscode.window.showTextDocument(doc, {
    viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
    selection: new vscode.Range(range.start, range.start),
    preserveFocus: false,
  });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** An untitled document cannot come back: when it closes, its run (and with it its problems) and example name go. */
export function register(s: Services): vscode.Disposable {
  return vscode.workspace.onDidCloseTextDocument((doc) => {
    if (!doc.isUntitled) return;
    const key = doc.uri.toString();
    s.exampleNames.delete(key);
    s.runs.forget(key);
  });
}
