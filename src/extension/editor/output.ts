/** The "Autograd Playground" output channel: each run's start and outcome, and everything its script prints. */
import * as vscode from 'vscode';
import { t } from '../l10n';
import type { RunRecord } from '../runs/runRecord';
import type { Services } from '../services';
import { revealsOutput } from './outputReveal';
import { formatDuration } from '../textFormat';

function outcome(run: RunRecord): string {
  const took = formatDuration(run.elapsedMs(Date.now()));
  if (run.status === 'finished') return t('■ {0}: finished in {1}', run.label, took);
  if (run.status === 'stopped') return t('■ {0}: stopped after {1}', run.label, took);
  return t('■ {0}: failed with {1} after {2}', run.label, run.error?.errorType ?? 'Error', took);
}

export function register(s: Services): vscode.Disposable {
  const output = vscode.window.createOutputChannel('Autograd Playground');
  let firstRun = true;
  return vscode.Disposable.from(
    output,
    s.runs.listen({
      started: (run) => {
        const time = new Date(run.startedAt).toLocaleTimeString(vscode.env.language);
        output.appendLine(
          run.detectNonFinite ? t('▶ {0}: run {1} started at {2}, stopping at the first NaN or inf', run.label, run.runId, time) : t('▶ {0}: run {1} started at {2}', run.label, run.runId, time),
        );
        if (revealsOutput(s.settings.current.revealOutput, 'start', firstRun)) output.show(true);
        firstRun = false;
      },
      event: (_run, e) => {
        if (e.type === 'stdout' || e.type === 'stderr') output.append(e.text);
      },
      ended: (run) => {
        output.appendLine(outcome(run));
        if (run.status === 'failed' && revealsOutput(s.settings.current.revealOutput, 'failed', false)) output.show(true);
      },
    }),
  );
}
