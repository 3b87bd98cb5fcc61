/** Open Example: one of the bundled examples/*.py as a new untitled document. */
import * as vscode from 'vscode';
import { t } from '../l10n';
import type { Services } from '../services';
import { CMD } from './ids';

async function openExample(s: Services): Promise<void> {
  const dir = vscode.Uri.joinPath(s.extensionUri, 'examples');
  let names: string[];
  try {
    names = (await vscode.workspace.fs.readDirectory(dir))
      .filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.py'))
      .map(([name]) => name)
      .sort();
  } catch {
    names = [];
  }
  if (!names.length) {
    void vscode.window.showWarningMessage(t('No examples were found in this installation.'));
    return;
  }
  const items: Array<vscode.QuickPickItem & { file: string; source: string }> = [];
  for (const name of names) {
    const source = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, name)));
    const first = /^#\s*(.+)$/m.exec(source);
    items.push({ label: name, detail: first ? first[1] : undefined, file: name, source });
  }
  const pick = await vscode.window.showQuickPick(items, { placeHolder: t('Open an example (as a new untitled file: your files are not touched)'), matchOnDetail: true });
  if (!pick) return;
  // An untitled copy: editable for experiments, and saving it asks where, so nothing of the user's is overwritten.
  const doc = await vscode.workspace.openTextDocument({ language: 'python', content: pick.source });
  s.exampleNames.set(doc.uri.toString(), pick.file);
  await vscode.window.showTextDocument(doc, { preview: false });
}

export function register(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand(CMD.openExample, () => openExample(s));
}
