/**
 * Find where NaN first appears (the quick fix of a "diverged" warning): runs the document again, stopping at
 * the first operation whose result is NaN or inf, and goes to its line.
 */
import * as vscode from 'vscode';
import { isNonFiniteMessage } from '../../protocol/nonFiniteMessage';
import { asUri, revealLine } from '../documents';
import { t } from '../l10n';
import type { Services } from '../services';
import { CMD } from './ids';
import { train } from './train';

async function findNonFinite(s: Services, uri?: vscode.Uri): Promise<void> {
  // On the run's own backend (the setting's before any run): the playground's engine stops at the operation,
  // and on a real PyTorch the probe's NaN finder does (src/probe/autograd_playground_probe/finite.py).
  const key = (uri ?? vscode.window.activeTextEditor?.document.uri)?.toString();
  const backend = (key !== undefined ? s.runs.get(key)?.backend : undefined) ?? s.settings.current.backend;
  const record = await train(s, uri, true, backend);
  if (!record) return;
  await s.runs.whenDone(record.key);
  if (s.runs.get(record.key) !== record) return; // superseded by another run of the document
  const err = record.error;
  if (err && isNonFiniteMessage(err.message) && err.line !== null) {
    await revealLine(record.key, err.line);
  } else if (record.status === 'finished') {
    void vscode.window.showInformationMessage(t('No operation produced NaN or inf in this run.'));
  } else if (record.status === 'failed' && err) {
    void vscode.window.showWarningMessage(t('The run stopped at another error before any NaN or inf appeared: {0}: {1}', err.errorType, err.message));
  }
}

export function register(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand(CMD.findNonFinite, (arg?: unknown) => findNonFinite(s, asUri(arg)));
}
