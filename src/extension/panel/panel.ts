/**
 * The graph panel's host side: one WebviewPanel beside the editor, showing the latest run (or the run of the
 * document the user switched to). The front end (dist/webview.js, media/panel.css) is built separately in
 * webview/; everything between the two is in src/protocol/panel.ts. The webview keeps its own state, so whenever it
 * (re)loads it says `ready` and gets the whole event list of the shown run again in an `init`.
 */
import * as vscode from 'vscode';
import { encodeNonFinite, type RunEvent } from '../../protocol/events';
import { baseName, PANEL_VIEW_TYPE, parseWebviewMessage, persistedLabel, type ExportRequest, type ExtensionToWebview, type PanelLayout, type PanelPauseConditions, type RunHistoryView } from '../../protocol/panel';
import { t } from '../l10n';
import { compactBatch, EventBatcher } from '../runs/eventBatcher';
import { RunHistory } from '../runs/runHistory';
import type { RunRecord } from '../runs/runRecord';
import { setConditions } from '../commands/debug';
import type { Services } from '../services';
import { saveExport, type SaveIo } from './exportSave';
import { makeNonce, panelHtml } from './panelHtml';

/** What the panel asks of the rest of the extension. */
export interface PanelHost {
  settings(): { graphNodeLimit: number; updateIntervalMs: number };
  stop(run: RunRecord): void;
  runAgain(run: RunRecord): void;
  revealLine(run: RunRecord, line: number): void;
  /** Save an exported chart or figure (the shown run's, or null when the panel shows a restored state). */
  exportFile(run: RunRecord | null, request: ExportRequest): void;
  /** The 1-based cursor line when the active editor shows this run's document, else null. */
  cursorLineFor(run: RunRecord): number | null;
  /** The last runs of the run's file, the run itself included. */
  history(run: RunRecord): RunHistoryView;
  /** Makes a run of the file (a HistoryRun id) its baseline, or unpins it (null); false when nothing changed. */
  pin(run: RunRecord, id: string | null): boolean;
  /** The debugger's buttons and console, for the shown run. */
  debug(run: RunRecord, action: 'pause' | 'step' | 'continue'): void;
  evaluate(run: RunRecord, code: string): void;
  pauseConditions(): PanelPauseConditions;
  setPauseConditions(c: PanelPauseConditions): void;
  /** The panel's layout kept for this workspace (context.workspaceState), or null when none is kept yet. */
  layout(): PanelLayout | null;
  setLayout(layout: PanelLayout): void;
}

/** The workspaceState key of the panel's layout. */
export const PANEL_LAYOUT_STATE_KEY = 'autogradPlayground.panelLayout';

export class PanelController implements vscode.Disposable {
  private panel: vscode.WebviewPanel | null = null;
  private panelSubscriptions: vscode.Disposable[] = [];
  /** The webview has said `ready` since it last (re)loaded; until then nothing is posted (it would be lost). */
  private webviewReady = false;
  private shown: RunRecord | null = null;
  private readonly batcher: EventBatcher;
  private lastCursorLine: number | null | undefined = undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly host: PanelHost,
  ) {
    this.batcher = new EventBatcher((events) => this.sendEvents(events), host.settings().updateIntervalMs);
  }

  /** Registers the serializer that brings the panel back after a window reload. */
  registerSerializer(): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => {
        this.restoredLabel = persistedLabel(state);
        this.attach(panel);
      },
    });
  }

  get isOpen(): boolean {
    return this.panel !== null;
  }

  get shownRun(): RunRecord | null {
    return this.shown;
  }

  /** Opens the panel beside the editor (or reveals it), showing `run` if given. */
  show(run?: RunRecord | null, preserveFocus = true): void {
    if (run !== undefined && run !== null) this.setShownRun(run);
    if (this.panel) {
      this.panel.reveal(undefined, preserveFocus);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      PANEL_VIEW_TYPE,
      this.title(),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus },
      this.webviewOptions(),
    );
    this.attach(panel);
  }

  /** Shows another run (e.g. the user focused another document's editor); the webview gets a fresh `init`. */
  setShownRun(run: RunRecord | null): void {
    if (run === this.shown) return;
    this.shown = run;
    this.batcher.reset();
    if (this.panel) this.panel.title = this.title();
    this.sendInit();
  }

  /** A run started: the panel follows the latest run. */
  runStarted(run: RunRecord): void {
    this.shown = run;
    this.batcher.reset();
    this.lastCursorLine = undefined;
    if (!this.panel) return;
    this.panel.title = this.title();
    this.post({ type: 'runStarted', run: run.info, history: this.host.history(run) });
    this.cursorMoved();
  }

  runEvent(run: RunRecord, event: RunEvent): void {
    if (run !== this.shown || !this.panel || !this.webviewReady) return;
    this.batcher.push(event);
  }

  /** The shown run's file has new history (a run of it ended, its baseline changed). */
  historyChanged(run: RunRecord): void {
    if (run !== this.shown || !this.panel || !this.webviewReady) return;
    this.post({ type: 'history', runId: run.runId, history: this.host.history(run) });
  }

  /** Re-reads the settings the panel uses. */
  settingsChanged(): void {
    this.batcher.setInterval(this.host.settings().updateIntervalMs);
    this.sendInit();
  }

  /** The editor cursor may have moved, or another editor became active. */
  cursorMoved(): void {
    if (!this.panel || !this.webviewReady || !this.shown) return;
    const line = this.host.cursorLineFor(this.shown);
    if (line === this.lastCursorLine) return;
    this.lastCursorLine = line;
    this.post({ type: 'cursorLine', line });
  }

  showNode(nodeId: number): void {
    this.show(undefined, false);
    // A freshly created panel is not ready yet; its `init` comes first and the node request is kept for after it.
    if (this.webviewReady) this.post({ type: 'showNode', nodeId });
    else this.pendingNode = nodeId;
  }

  private pendingNode: number | null = null;

  dispose(): void {
    this.batcher.dispose();
    this.panel?.dispose();
    this.detach();
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist'), vscode.Uri.joinPath(this.extensionUri, 'media')],
      // The webview restores itself from its own state on `ready`; keeping it alive while hidden would cost memory for nothing.
      retainContextWhenHidden: false,
    };
  }

  /** The label the panel showed before a window reload, until a run of this session is shown. */
  private restoredLabel: string | null = null;

  private title(): string {
    const label = this.shown?.label ?? this.restoredLabel;
    return label ? t('Autograd: {0}', label) : t('Autograd Playground');
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.detach();
    this.panel = panel;
    this.webviewReady = false;
    panel.title = this.title();
    panel.webview.options = this.webviewOptions();
    panel.webview.html = this.html(panel.webview);
    this.panelSubscriptions.push(
      panel.webview.onDidReceiveMessage((data: unknown) => this.onMessage(data)),
      panel.onDidChangeViewState(() => {
        // A hidden webview is torn down (no retainContextWhenHidden); it says `ready` again when shown.
        if (!panel.visible) {
          this.webviewReady = false;
          this.batcher.reset();
        }
      }),
      panel.onDidDispose(() => {
        if (this.panel === panel) {
          this.detach();
          this.panel = null;
        }
      }),
    );
  }

  private detach(): void {
    for (const d of this.panelSubscriptions) d.dispose();
    this.panelSubscriptions = [];
    this.webviewReady = false;
    this.batcher.reset();
  }

  private html(webview: vscode.Webview): string {
    return panelHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'panel.css')).toString(),
      lang: vscode.env.language,
      title: t('Autograd Playground'),
      loadingText: t('Loading the graph panel…'),
    });
  }

  /** A message as the webview posts it (the extension-host tests drive the panel's buttons and console through this). */
  receive(data: unknown): void {
    this.onMessage(data);
  }

  private onMessage(data: unknown): void {
    const msg = parseWebviewMessage(data);
    if (!msg) {
      // An export the protocol refuses (over EXPORT_MAX_CHARS, a bad name) is said, not dropped unseen.
      if (typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'export') {
        void vscode.window.showErrorMessage(t('Could not save the export: the panel sent a file that is too large or not valid.'));
      }
      return;
    }
    const run = this.shown;
    switch (msg.type) {
      case 'ready':
        this.webviewReady = true;
        this.lastCursorLine = undefined;
        this.sendInit();
        this.cursorMoved();
        if (this.pendingNode !== null) {
          this.post({ type: 'showNode', nodeId: this.pendingNode });
          this.pendingNode = null;
        }
        return;
      case 'stop':
        if (run) this.host.stop(run);
        return;
      case 'runAgain':
        if (run) this.host.runAgain(run);
        return;
      case 'revealLine':
        if (run) this.host.revealLine(run, msg.line);
        return;
      case 'export':
        this.host.exportFile(run, msg);
        return;
      case 'pinRun':
        if (run && this.host.pin(run, msg.id)) this.historyChanged(run);
        return;
      case 'pause':
      case 'step':
      case 'continue':
        if (run) this.host.debug(run, msg.type);
        return;
      case 'evaluate':
        if (run) this.host.evaluate(run, msg.code);
        return;
      case 'pauseConditions':
        this.host.setPauseConditions(msg.conditions);
        return;
      case 'layout':
        this.host.setLayout(msg.layout);
        return;
    }
  }

  private sendInit(): void {
    if (!this.panel || !this.webviewReady) return;
    // Everything of the shown run so far goes in the init; what the batcher holds is part of it already.
    this.batcher.reset();
    const run = this.shown;
    this.post({
      type: 'init',
      // The runtime bundle for the display language (English text → translation); the panel's strings are in it.
      l10n: { ...(vscode.l10n.bundle ?? {}) },
      settings: { graphNodeLimit: this.host.settings().graphNodeLimit, debug: this.host.pauseConditions() },
      run: run ? run.info : null,
      events: run ? compactBatch(run.events, run.diverged?.step ?? null) : [],
      history: run ? this.host.history(run) : null,
      layout: this.host.layout(),
    });
  }

  private sendEvents(events: RunEvent[]): void {
    if (!this.shown || events.length === 0) return;
    this.post({ type: 'events', runId: this.shown.runId, events });
  }

  private post(message: ExtensionToWebview): void {
    if (!this.panel || !this.webviewReady) return;
    // JSON transport: non-finite numbers travel as strings (see src/protocol/panel.ts).
    void this.panel.webview.postMessage(encodeNonFinite(message));
  }
}

/**
 * The panel as the editor drives it: it follows the run that starts and the editor the user switches to,
 * hears the cursor line (the graph highlights that line's nodes) and the settings it uses.
 */
export function register(s: Services, actions: Pick<PanelHost, 'runAgain' | 'revealLine' | 'layout' | 'setLayout'>): { panel: PanelController; subscription: vscode.Disposable } {
  const panel = new PanelController(s.extensionUri, {
    settings: () => ({ graphNodeLimit: s.settings.current.graphNodeLimit, updateIntervalMs: s.settings.current.updateIntervalMs }),
    stop: (run) => s.runs.stop(run.key),
    runAgain: actions.runAgain,
    revealLine: actions.revealLine,
    layout: actions.layout,
    setLayout: actions.setLayout,
    exportFile: (run, request) => void saveExport(request, exportIo(run)),
    debug: (run, action) => {
      if (action === 'pause') s.runs.pause(run.key);
      else if (action === 'step') s.runs.step(run.key);
      else s.runs.resume(run.key);
    },
    // The answer reaches the panel as the run's `console` event; a request the run cannot take is said there too.
    evaluate: (run, code) => {
      s.runs.evaluate(run.key, code).catch((e: unknown) => {
        void vscode.window.showInformationMessage(t('The console runs code only while the run is paused ({0}).', e instanceof Error ? e.message : String(e)));
      });
    },
    pauseConditions: () => {
      const { nonFinite, atStep, gradNormAbove } = s.runs.pauseConditions;
      return { nonFinite, atStep, gradNormAbove };
    },
    setPauseConditions: (c) => setConditions(s, c),
    cursorLineFor: (run) => {
      const editor = vscode.window.activeTextEditor;
      return editor && editor.document.uri.toString() === run.key ? editor.selection.active.line + 1 : null;
    },
    history: (run) => s.history.view(run.key, RunHistory.idOf(run)),
    pin: (run, id) => s.history.pin(run.key, id),
  });
  const subscription = vscode.Disposable.from(
    panel,
    panel.registerSerializer(),
    s.runs.listen({
      started: (run) => {
        panel.runStarted(run);
        panel.show(run, true);
      },
      event: (run, e) => panel.runEvent(run, e),
      ended: (run) => panel.historyChanged(run),
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      const run = editor ? s.runs.get(editor.document.uri.toString()) : undefined;
      if (run && panel.isOpen) panel.setShownRun(run);
      panel.cursorMoved();
    }),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.textEditor === vscode.window.activeTextEditor) panel.cursorMoved();
    }),
    s.settings.onDidChange(() => panel.settingsChanged()),
  );
  return { panel, subscription };
}

/** Where exports go: next to the run's script when it is a file, else in the first workspace folder. */
function exportIo(run: RunRecord | null): SaveIo<vscode.Uri> {
  return {
    defaultUri: (fileName) => {
      const doc = run ? vscode.Uri.parse(run.key) : null;
      if (doc && doc.scheme !== 'untitled') return vscode.Uri.joinPath(doc, '..', fileName);
      const folder = vscode.workspace.workspaceFolders?.[0];
      return folder ? vscode.Uri.joinPath(folder.uri, fileName) : undefined;
    },
    showSaveDialog: (options) => vscode.window.showSaveDialog(options),
    writeFile: (uri, bytes) => vscode.workspace.fs.writeFile(uri, bytes),
    saved: (uri) => {
      vscode.window.setStatusBarMessage(t('Saved {0}', baseName(uri.path)), 8000);
    },
    failed: (message) => void vscode.window.showErrorMessage(message),
  };
}
