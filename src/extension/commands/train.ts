/** Train Model: runs the document's text (a run of it still going is stopped first), and Run again from the panel. */
import * as vscode from 'vscode';
import { baseName } from '../../protocol/panel';
import { asUri, resolveDocument, runDocument } from '../documents';
import { t } from '../l10n';
import type { RunRecord } from '../runs/runRecord';
import { selectedLines, selectionSource } from '../runs/selectionSource';
import type { Services } from '../services';
import { CMD } from './ids';

export async function train(s: Services, uri?: vscode.Uri, detectNonFinite = false): Promise<RunRecord | undefined> {
  const doc = await resolveDocument(uri);
  if (!doc) {
    void vscode.window.showWarningMessage(t('Open a Python file to train a model.'));
    return undefined;
  }
  if (doc.languageId !== 'python') {
    void vscode.window.showWarningMessage(t('Train Model runs Python scripts; {0} is not a Python file.', baseName(doc.fileName)));
    return undefined;
  }
  const settings = s.settings.current;
  const run = runDocument(doc, s.exampleNames);
  // Train Model with a selection in the document's editor runs the selected lines only (a fresh interpreter,
  // the document's line numbers).
  const editor = vscode.window.activeTextEditor;
  const lines = editor && editor.document === doc ? selectedLines(editor.selection.start, editor.selection.end) : null;
  if (lines) {
    run.text = selectionSource(run.text, lines);
    run.label = t('{0} (lines {1}–{2})', run.label, lines.start + 1, lines.end + 1);
  }
  return s.runs.start(run, {
    graphNodeLimit: settings.graphNodeLimit,
    graphIntervalMs: settings.updateIntervalMs,
    detectNonFinite,
  });
}

/** The panel's Run again: the same document, the same kind of run. */
export async function runAgain(s: Services, run: RunRecord): Promise<void> {
  const uri = vscode.Uri.parse(run.key);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === run.key);
  if (!open && uri.scheme === 'untitled') {
    void vscode.window.showWarningMessage(t('{0} is no longer open.', run.label));
    return;
  }
  await train(s, uri, run.detectNonFinite);
}

export function register(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand(CMD.train, (arg?: unknown) => train(s, asUri(arg)));
}
