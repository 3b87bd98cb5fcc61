/**
 * The VS Code side, wired: each command and editor feature is a part with its own register() (commands/,
 * editor/, panel/), and they meet only in the RunManager's notifications and the Services below. What can be
 * decided without VS Code lives in modules that do not import it (runs/, hover/, editor/diagnosticsModel.ts,
 * panel/panelHtml.ts), so the decisions are tested under mocha.
 */
import * as vscode from 'vscode';
import * as debug from './commands/debug';
import * as findNonFinite from './commands/findNonFinite';
import * as openExample from './commands/openExample';
import * as showNode from './commands/showNode';
import * as showPanel from './commands/showPanel';
import * as stop from './commands/stop';
import * as train from './commands/train';
import * as documents from './documents';
import * as annotations from './editor/annotations';
import * as codeLens from './editor/codeLens';
import * as contextKeys from './editor/contextKeys';
import * as diagnostics from './editor/diagnostics';
import * as hovers from './editor/hovers';
import * as output from './editor/output';
import * as pausedLine from './editor/pausedLine';
import { RunClock } from './editor/runClock';
import * as statusBar from './editor/statusBar';
import { setTranslator } from './l10n';
import * as panelPart from './panel/panel';
import { parsePanelLayout } from '../protocol/panel';
import { startRun } from '../runtime/host/runner';
import { STANDBY_PRELOAD, Standby } from '../runtime/host/standby';
import { HISTORY_STATE_KEY, RunHistory } from './runs/runHistory';
import { RunManager } from './runs/runManager';
import type { Services } from './services';
import { SettingsStore } from './settings';
import { testApi, type TestApi } from './testApi';
import * as tensorsView from './views/tensorsView';

export type { RunSummary, TensorItem, TestApi } from './testApi';

let active: vscode.Disposable | null = null;

export function activate(context: vscode.ExtensionContext): TestApi {
  setTranslator((message, ...args) => vscode.l10n.t(message, ...args));
  // Loaded from activation on, so that Train Model finds Python already started.
  // Pyodide's memory snapshot, made by the first start of this version and loaded by the next ones.
  const snapshotDir = context.globalStorageUri.fsPath;
  const standby = new Standby(STANDBY_PRELOAD, snapshotDir);
  const runs = new RunManager((opts) => startRun({ ...opts, standby, snapshotDir }));
  const settings = new SettingsStore();
  const history = new RunHistory({
    get: () => context.workspaceState.get(HISTORY_STATE_KEY),
    set: (value) => void context.workspaceState.update(HISTORY_STATE_KEY, value),
  });
  // The history hears a run start and end before the panel, which sends it.
  const historySubscription = runs.listen({ started: (run) => history.started(run), ended: (run) => history.ended(run) });
  const s: Services = { extensionUri: context.extensionUri, runs, history, settings, exampleNames: new Map() };
  const clock = new RunClock(runs);
  // Parts that follow runs hear them in this order: the output channel first, as the user reads it.
  const outputPart = output.register(s);
  const { panel, subscription: panelSubscription } = panelPart.register(s, {
    runAgain: (run) => void train.runAgain(s, run),
    revealLine: (run, line) => void documents.revealLine(run.key, line),
    // Checked again on the way out: the workspace may hold what an older or newer version wrote.
    layout: () => parsePanelLayout(context.workspaceState.get(panelPart.PANEL_LAYOUT_STATE_KEY)),
    setLayout: (layout) => void context.workspaceState.update(panelPart.PANEL_LAYOUT_STATE_KEY, layout),
  });
  const tensors = tensorsView.register(s);
  active = vscode.Disposable.from(
    // Runs are stopped (and stop notifying) before the parts showing them go.
    runs,
    historySubscription,
    { dispose: () => void standby.dispose() },
    clock,
    settings,
    outputPart,
    panelSubscription,
    train.register(s),
    stop.register(s),
    debug.register(s),
    pausedLine.register(s),
    showPanel.register(s, panel),
    openExample.register(s),
    findNonFinite.register(s),
    showNode.register(s, panel),
    diagnostics.register(s),
    statusBar.register(s, clock),
    codeLens.register(s),
    contextKeys.register(s),
    hovers.register(s),
    annotations.register(s, clock),
    documents.register(s),
    tensors.subscription,
  );
  context.subscriptions.push(active);
  return testApi(runs, standby, tensors.provider, panel);
}

export function deactivate(): void {
  active?.dispose();
  active = null;
}
