/**
 * Gradient annotations (setting showGradientAnnotations): `w.grad = tensor([...])` after the line that made
 * each named leaf, while the document still has the text that ran (they would point at the wrong lines after).
 */
import * as vscode from 'vscode';
import { gradientAnnotations } from '../hover/hoverText';
import type { Services } from '../services';
import type { RunClock } from './runClock';

export function register(s: Services, clock: RunClock): vscode.Disposable {
  const decoration = vscode.window.createTextEditorDecorationType({
    after: { margin: '0 0 0 2em', color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  const update = (): void => {
    for (const editor of vscode.window.visibleTextEditors) {
      const doc = editor.document;
      const run = s.runs.get(doc.uri.toString());
      if (!s.settings.current.showGradientAnnotations || !run || doc.version !== run.docVersion) {
        editor.setDecorations(decoration, []);
        continue;
      }
      const options: vscode.DecorationOptions[] = [];
      for (const a of gradientAnnotations(run.lastBackward)) {
        if (a.line < 1 || a.line > doc.lineCount) continue;
        const end = doc.lineAt(a.line - 1).range.end;
        options.push({ range: new vscode.Range(end, end), renderOptions: { after: { contentText: a.text } } });
      }
      editor.setDecorations(decoration, options);
    }
  };
  return vscode.Disposable.from(
    decoration,
    s.runs.listen({ ended: update }),
    clock.onTick(() => {
      if (s.settings.current.showGradientAnnotations) update();
    }),
    s.settings.onDidChange(update),
    vscode.window.onDidChangeVisibleTextEditors(update),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (s.settings.current.showGradientAnnotations && e.contentChanges.length && s.runs.get(e.document.uri.toString())) update();
    }),
  );
}
