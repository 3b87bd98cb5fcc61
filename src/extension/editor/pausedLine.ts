/**
 * The line a paused run waits at, marked in its editor as a debugger marks the current line: the stack frame
 * highlight over the line and an arrow in the gutter's overview ruler. Cleared when the run goes on or ends.
 */
import * as vscode from 'vscode';
import type { RunRecord } from '../runs/runRecord';
import type { Services } from '../services';

export function register(s: Services): vscode.Disposable {
  const decoration = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('editor.stackFrameHighlightBackground'),
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.infoForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Full,
  });
  const show = (editor: vscode.TextEditor): void => {
    const run: RunRecord | undefined = s.runs.get(editor.document.uri.toString());
    const line = run?.paused?.line ?? null;
    if (line === null || line < 1 || line > editor.document.lineCount) {
      editor.setDecorations(decoration, []);
      return;
    }
    editor.setDecorations(decoration, [editor.document.lineAt(line - 1).range]);
  };
  const refresh = (): void => {
    for (const editor of vscode.window.visibleTextEditors) show(editor);
  };
  return vscode.Disposable.from(
    decoration,
    s.runs.listen({
      ended: refresh,
      forgotten: refresh,
      event: (_run, e) => {
        if (e.type === 'paused' || e.type === 'resumed') refresh();
      },
    }),
    vscode.window.onDidChangeVisibleTextEditors(refresh),
  );
}
