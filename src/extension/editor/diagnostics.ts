/**
 * A run's problems in the editor (decided in diagnosticsModel.ts), the quick fix on a "diverged" warning
 * that runs Find where NaN first appears, and the one that applies Python's "Did you mean" suggestion. A new run of the document clears them; closing an untitled one too.
 */
import * as vscode from 'vscode';
import { CMD } from '../commands/ids';
import { PYTHON } from '../documents';
import { t } from '../l10n';
import type { RunRecord } from '../runs/runRecord';
import type { Services } from '../services';
import { DIAGNOSTIC_SOURCE, diagnosticsFor, suggestionFix, type DiagnosticSpec } from './diagnosticsModel';

function toDiagnostic(spec: DiagnosticSpec, doc: vscode.TextDocument | undefined): vscode.Diagnostic {
  const index = Math.max(0, spec.line - 1);
  let range = new vscode.Range(index, 0, index, Number.MAX_SAFE_INTEGER);
  if (doc && index < doc.lineCount) {
    const line = doc.lineAt(index);
    range = new vscode.Range(index, line.firstNonWhitespaceCharacterIndex, index, line.range.end.character);
  }
  const d = new vscode.Diagnostic(range, spec.message, spec.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = spec.code;
  return d;
}

function codeActions(doc: vscode.TextDocument, ctx: vscode.CodeActionContext): vscode.CodeAction[] {
  const actions: vscode.CodeAction[] = [];
  for (const d of ctx.diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE) continue;
    if (d.code === 'exception') {
      const suggested = suggestionAction(doc, d);
      if (suggested) actions.push(suggested);
    }
    if (d.code !== 'diverged') continue;
    const action = new vscode.CodeAction(t('Find where NaN first appears'), vscode.CodeActionKind.QuickFix);
    action.diagnostics = [d];
    action.isPreferred = true;
    action.command = { command: CMD.findNonFinite, title: t('Find where NaN first appears'), arguments: [doc.uri] };
    actions.push(action);
  }
  return actions;
}

/** Python's "Did you mean: 'loss'?" as a quick fix that makes the change on the error's line. */
function suggestionAction(doc: vscode.TextDocument, d: vscode.Diagnostic): vscode.CodeAction | null {
  const line = d.range.start.line;
  if (line >= doc.lineCount) return null;
  const fix = suggestionFix(d.message, doc.lineAt(line).text);
  if (!fix) return null;
  const action = new vscode.CodeAction(t("Change '{0}' to '{1}'", fix.wrong, fix.right), vscode.CodeActionKind.QuickFix);
  action.diagnostics = [d];
  action.isPreferred = true;
  action.edit = new vscode.WorkspaceEdit();
  action.edit.replace(doc.uri, new vscode.Range(line, fix.start, line, fix.end), fix.right);
  return action;
}

export function register(s: Services): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('autograd-playground');
  const show = (run: RunRecord): void => {
    if (s.runs.get(run.key) !== run) return;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === run.key);
    collection.set(vscode.Uri.parse(run.key), diagnosticsFor(run.file, run.events).map((spec) => toDiagnostic(spec, doc)));
  };
  return vscode.Disposable.from(
    collection,
    vscode.languages.registerCodeActionsProvider(
      PYTHON,
      { provideCodeActions: (doc, _range, ctx) => codeActions(doc, ctx) },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
    s.runs.listen({
      started: (run) => collection.delete(vscode.Uri.parse(run.key)),
      event: (run, e) => {
        if (e.type === 'error' || e.type === 'diverged' || e.type === 'warning') show(run);
      },
      ended: show,
      forgotten: (key) => collection.delete(vscode.Uri.parse(key)),
    }),
  );
}
