/**
 * Train Model: runs the document's text (a run of it still going is stopped first) on the backend the
 * `autogradPlayground.backend` setting names; Train Model with Python runs it on Python whatever the setting;
 * Run again from the panel repeats the run's kind.
 */
import * as vscode from 'vscode';
import type { RunBackend } from '../../protocol/events';
import { baseName } from '../../protocol/panel';
import { checkPython, findPython, installCommand } from '../../runtime/python/pythonRun';
import { asUri, resolveDocument, runDocument } from '../documents';
import { t } from '../l10n';
import { showError } from '../notices';
import { pythonExtensionInterpreter } from '../pythonExtension';
import { chooseInterpreter, type InterpreterChoice } from '../runs/interpreter';
import { readSettings } from '../settings';
import type { RunRecord } from '../runs/runRecord';
import { selectedLines, selectionSource } from '../runs/selectionSource';
import type { Services } from '../services';
import { CMD } from './ids';

/** The interpreter a python-backend run of `doc` takes, or undefined after telling the user why there is none. */
async function interpreterFor(s: Services, doc: vscode.TextDocument): Promise<string | undefined> {
  const choice: InterpreterChoice = await chooseInterpreter({
    pythonExtension: () => pythonExtensionInterpreter(doc.uri),
    // Read now rather than from the store: the one setting a command needs, as the user last wrote it.
    pythonPath: readSettings().pythonPath,
    check: checkPython,
    findOnPath: () => findPython(),
  });
  const check = choice.check;
  if (check.ok) return choice.python;
  if (check.reason === 'no-torch') {
    const exe = check.executable ?? choice.python;
    const command = installCommand(exe);
    const copy = t('Copy Install Command');
    void showError(t('The Python at {0} has no PyTorch (no module named \'torch\'). Install it with: {1}', exe, command), copy).then((picked) => {
      if (picked === copy) void vscode.env.clipboard.writeText(command);
    });
  } else if (choice.source === 'path') {
    void showError(t('No Python was found on PATH (tried python3 and python). Install Python with PyTorch, or set autogradPlayground.pythonPath to an interpreter that has it.'));
  } else {
    void showError(t('The Python interpreter {0} could not be run. Check autogradPlayground.pythonPath, or the interpreter the Python extension has selected.', choice.python));
  }
  return undefined;
}

export async function train(s: Services, uri?: vscode.Uri, detectNonFinite = false, backend?: RunBackend): Promise<RunRecord | undefined> {
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
  const onPython = (backend ?? settings.backend) === 'python';
  const python = onPython ? await interpreterFor(s, doc) : undefined;
  if (onPython && python === undefined) return undefined;
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
    ...(python !== undefined ? { python } : {}),
  });
}

/** The panel's Run again: the same document, the same kind of run, on the same backend. */
export async function runAgain(s: Services, run: RunRecord): Promise<void> {
  const uri = vscode.Uri.parse(run.key);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === run.key);
  if (!open && uri.scheme === 'untitled') {
    void vscode.window.showWarningMessage(t('{0} is no longer open.', run.label));
    return;
  }
  await train(s, uri, run.detectNonFinite, run.backend);
}

export function register(s: Services): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(CMD.train, (arg?: unknown) => train(s, asUri(arg))),
    vscode.commands.registerCommand(CMD.trainWithPython, (arg?: unknown) => train(s, asUri(arg), false, 'python')),
  );
}
