/**
 * The VS Code side: Train Model / Stop Training / Show Graph Panel / Open Example, the output channel, the
 * status bar item, diagnostics with the "Find where NaN first appears" quick fix, hovers on tensors, the
 * CodeLens, gradient annotations and the graph panel. What can be decided without VS Code lives in modules
 * that do not import it (runManager, runState, hoverText, diagnosticsModel, eventBatcher, panelHtml), so
 * the decisions are tested under mocha; this file only wires them to the editor.
 */
import * as vscode from 'vscode';
import type { RunEvent, VariableInfo } from '../protocol/events';
import { isNonFiniteMessage } from '../protocol/nonFiniteMessage';
import { DEFAULT_GRAPH_NODE_LIMIT } from '../runtime/host/runner';
import { DIAGNOSTIC_SOURCE, diagnosticsFor, type DiagnosticSpec } from './diagnosticsModel';
import {
  backwardHover,
  gradientAnnotations,
  importsTorch,
  lookupVariable,
  missingGradHover,
  nameAt,
  variableHover,
  variablesFromGraph,
} from './hoverText';
import { setTranslator, t } from './l10n';
import { PanelController } from './panel';
import { RunManager, type RunDocument } from './runManager';
import { statusText, type RunRecord } from './runState';
import { formatDuration } from './textFormat';

const CMD = {
  train: 'autogradPlayground.train',
  stop: 'autogradPlayground.stop',
  showPanel: 'autogradPlayground.showPanel',
  openExample: 'autogradPlayground.openExample',
  findNonFinite: 'autogradPlayground.findNonFinite',
  showNode: 'autogradPlayground.showNode',
} as const;

const CONTEXT_ACTIVE_RUNNING = 'autogradPlayground.activeRunning';
const CONTEXT_ANY_RUNNING = 'autogradPlayground.anyRunning';

interface Settings {
  graphNodeLimit: number;
  updateIntervalMs: number;
  showGradientAnnotations: boolean;
}

function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration('autogradPlayground');
  const limit = Math.round(Number(c.get<number>('graphNodeLimit', DEFAULT_GRAPH_NODE_LIMIT)));
  const interval = Math.round(Number(c.get<number>('updateIntervalMs', 100)));
  return {
    graphNodeLimit: Number.isFinite(limit) && limit >= 1 ? limit : DEFAULT_GRAPH_NODE_LIMIT,
    updateIntervalMs: Number.isFinite(interval) && interval >= 0 ? interval : 100,
    showGradientAnnotations: c.get<boolean>('showGradientAnnotations', false) === true,
  };
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() || file;
}

class Extension implements vscode.Disposable {
  private readonly runs = new RunManager();
  private readonly output = vscode.window.createOutputChannel('Autograd Playground');
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('autograd-playground');
  private readonly status = vscode.window.createStatusBarItem('autogradPlayground.status', vscode.StatusBarAlignment.Left, 50);
  private readonly panel: PanelController;
  private readonly annotationType = vscode.window.createTextEditorDecorationType({
    after: { margin: '0 0 0 2em', color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly codeLensChanged = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Untitled documents opened by Open Example → the example's file name, which their runs are named after. */
  private readonly exampleNames = new Map<string, string>();
  private settings = readSettings();
  private statusTimer: ReturnType<typeof setInterval> | null = null;
  private statusPending: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.panel = new PanelController(context.extensionUri, {
      settings: () => ({ graphNodeLimit: this.settings.graphNodeLimit, updateIntervalMs: this.settings.updateIntervalMs }),
      stop: (run) => this.runs.stop(run.key),
      runAgain: (run) => void this.runAgain(run),
      revealLine: (run, line) => void this.revealLine(run.key, line),
      cursorLineFor: (run) => {
        const editor = vscode.window.activeTextEditor;
        return editor && editor.document.uri.toString() === run.key ? editor.selection.active.line + 1 : null;
      },
    });
    this.status.name = t('Autograd Playground');
    this.status.command = CMD.showPanel;
    this.disposables.push(this.output, this.diagnostics, this.status, this.annotationType, this.codeLensChanged, this.panel);
  }

  activate(): void {
    // Saved and untitled Python files (the schemes whose text Train Model runs); a bare language selector would also
    // match git:/output views and makes VS Code log "uses a document selector without scheme".
    const python: vscode.DocumentSelector = [
      { language: 'python', scheme: 'file' },
      { language: 'python', scheme: 'untitled' },
    ];
    this.disposables.push(
      vscode.commands.registerCommand(CMD.train, (arg?: unknown) => this.train(asUri(arg))),
      vscode.commands.registerCommand(CMD.stop, (arg?: unknown) => this.stop(asUri(arg))),
      vscode.commands.registerCommand(CMD.showPanel, () => this.panel.show(this.focusedRun() ?? undefined)),
      vscode.commands.registerCommand(CMD.openExample, () => this.openExample()),
      vscode.commands.registerCommand(CMD.findNonFinite, (arg?: unknown) => this.findNonFinite(asUri(arg))),
      vscode.commands.registerCommand(CMD.showNode, (nodeId?: unknown, key?: unknown) => {
        if (typeof nodeId !== 'number') return;
        const run = typeof key === 'string' ? this.runs.get(key) : undefined;
        if (run) this.panel.setShownRun(run);
        this.panel.showNode(nodeId);
      }),
      this.panel.registerSerializer(),
      vscode.languages.registerHoverProvider(python, { provideHover: (doc, pos) => this.hover(doc, pos) }),
      vscode.languages.registerCodeLensProvider(python, {
        onDidChangeCodeLenses: this.codeLensChanged.event,
        provideCodeLenses: (doc) => this.codeLenses(doc),
      }),
      vscode.languages.registerCodeActionsProvider(
        python,
        { provideCodeActions: (doc, _range, ctx) => this.codeActions(doc, ctx) },
        { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
      ),
      this.runs.listen({
        started: (run) => this.onStarted(run),
        event: (run, e) => this.onEvent(run, e),
        ended: (run) => this.onEnded(run),
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.onActiveEditor(editor)),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor === vscode.window.activeTextEditor) this.panel.cursorMoved();
      }),
      vscode.window.onDidChangeVisibleTextEditors(() => this.updateAnnotations()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        // Annotations sit on lines of the text that ran; once it changes they would point at the wrong lines.
        if (this.settings.showGradientAnnotations && e.contentChanges.length && this.runs.get(e.document.uri.toString())) this.updateAnnotations();
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (!doc.isUntitled) return;
        // An untitled document cannot come back: its run, problems and example name go with it.
        const key = doc.uri.toString();
        this.runs.forget(key);
        this.diagnostics.delete(doc.uri);
        this.exampleNames.delete(key);
        this.refreshRunViews();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('autogradPlayground')) return;
        this.settings = readSettings();
        this.panel.settingsChanged();
        this.updateAnnotations();
      }),
    );
    void this.updateContexts();
  }

  dispose(): void {
    this.runs.dispose();
    if (this.statusTimer) clearInterval(this.statusTimer);
    if (this.statusPending) clearTimeout(this.statusPending);
    for (const d of this.disposables) d.dispose();
  }

  /** For the TestApi (see activate()). */
  runFor(key: string): RunRecord | undefined {
    return this.runs.get(key);
  }

  /** For the TestApi (see activate()). */
  whenDone(key: string): Promise<RunRecord | undefined> {
    return this.runs.whenDone(key);
  }

  // ---- Commands ----

  private async resolveDocument(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
    if (!uri) return vscode.window.activeTextEditor?.document;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    return open ?? (await vscode.workspace.openTextDocument(uri));
  }

  private runDocument(doc: vscode.TextDocument): RunDocument {
    const key = doc.uri.toString();
    const example = this.exampleNames.get(key);
    // Tracebacks name the file the way Python would: its path, or for an untitled document its name.
    const file = example ?? (doc.uri.scheme === 'file' ? doc.uri.fsPath : doc.uri.path || doc.fileName);
    return { key, file, label: baseName(file), version: doc.version, text: doc.getText() };
  }

  async train(uri?: vscode.Uri, detectNonFinite = false): Promise<RunRecord | undefined> {
    const doc = await this.resolveDocument(uri);
    if (!doc) {
      void vscode.window.showWarningMessage(t('Open a Python file to train a model.'));
      return undefined;
    }
    if (doc.languageId !== 'python') {
      void vscode.window.showWarningMessage(t('Train Model runs Python scripts; {0} is not a Python file.', baseName(doc.fileName)));
      return undefined;
    }
    this.diagnostics.delete(doc.uri);
    const record = this.runs.start(this.runDocument(doc), {
      graphNodeLimit: this.settings.graphNodeLimit,
      graphIntervalMs: this.settings.updateIntervalMs,
      detectNonFinite,
    });
    return record;
  }

  private stop(uri?: vscode.Uri): void {
    const key = (uri ?? vscode.window.activeTextEditor?.document.uri)?.toString();
    if (key && this.runs.stop(key)) return;
    const running = this.runs
      .runs()
      .filter((r) => r.running)
      .sort((a, b) => b.startedAt - a.startedAt);
    if (running.length) this.runs.stop(running[0].key);
    else void vscode.window.showInformationMessage(t('Nothing is training.'));
  }

  private async findNonFinite(uri?: vscode.Uri): Promise<void> {
    const record = await this.train(uri, true);
    if (!record) return;
    await this.runs.whenDone(record.key);
    if (this.runs.get(record.key) !== record) return; // superseded by another run of the document
    const err = record.error;
    if (err && isNonFiniteMessage(err.message) && err.line !== null) {
      await this.revealLine(record.key, err.line);
    } else if (record.status === 'finished') {
      void vscode.window.showInformationMessage(t('No operation produced NaN or inf in this run.'));
    } else if (record.status === 'failed' && err) {
      void vscode.window.showWarningMessage(t('The run stopped at another error before any NaN or inf appeared: {0}: {1}', err.errorType, err.message));
    }
  }

  private async runAgain(run: RunRecord): Promise<void> {
    const uri = vscode.Uri.parse(run.key);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === run.key);
    if (!open && uri.scheme === 'untitled') {
      void vscode.window.showWarningMessage(t('{0} is no longer open.', run.label));
      return;
    }
    await this.train(uri, run.detectNonFinite);
  }

  private async revealLine(key: string, line: number): Promise<void> {
    const uri = vscode.Uri.parse(key);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    // A closed untitled document is gone; opening its URI would make a new, empty one.
    if (!open && uri.scheme === 'untitled') return;
    const doc = open ?? (await vscode.workspace.openTextDocument(uri));
    const index = Math.min(Math.max(0, line - 1), doc.lineCount - 1);
    const text = doc.lineAt(index);
    const range = new vscode.Range(index, text.firstNonWhitespaceCharacterIndex, index, text.range.end.character);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    const editor = await vscode.window.showTextDocument(doc, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      selection: new vscode.Range(range.start, range.start),
      preserveFocus: false,
    });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async openExample(): Promise<void> {
    const dir = vscode.Uri.joinPath(this.context.extensionUri, 'examples');
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
    this.exampleNames.set(doc.uri.toString(), pick.file);
    await vscode.window.showTextDocument(doc, { preview: false });
  }

  // ---- Run events ----

  private onStarted(run: RunRecord): void {
    const time = new Date(run.startedAt).toLocaleTimeString(vscode.env.language);
    this.output.appendLine(
      run.detectNonFinite ? t('▶ {0}: run {1} started at {2}, stopping at the first NaN or inf', run.label, run.runId, time) : t('▶ {0}: run {1} started at {2}', run.label, run.runId, time),
    );
    this.output.show(true);
    this.panel.runStarted(run);
    this.panel.show(run, true);
    this.ensureStatusTimer();
    this.refreshRunViews();
  }

  private onEvent(run: RunRecord, e: RunEvent): void {
    this.panel.runEvent(run, e);
    switch (e.type) {
      case 'stdout':
      case 'stderr':
        this.output.append(e.text);
        break;
      case 'error':
      case 'diverged':
        this.setDiagnostics(run);
        break;
      case 'backward':
        this.scheduleStatus();
        break;
      default:
        break;
    }
  }

  private onEnded(run: RunRecord): void {
    const took = formatDuration(run.elapsedMs(Date.now()));
    const outcome =
      run.status === 'finished'
        ? t('■ {0}: finished in {1}', run.label, took)
        : run.status === 'stopped'
          ? t('■ {0}: stopped after {1}', run.label, took)
          : t('■ {0}: failed with {1} after {2}', run.label, run.error?.errorType ?? 'Error', took);
    this.output.appendLine(outcome);
    this.setDiagnostics(run);
    this.refreshRunViews();
    this.updateAnnotations();
  }

  private refreshRunViews(): void {
    this.codeLensChanged.fire();
    void this.updateContexts();
    this.updateStatus();
  }

  private async updateContexts(): Promise<void> {
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    await vscode.commands.executeCommand('setContext', CONTEXT_ACTIVE_RUNNING, active !== undefined && this.runs.isRunning(active));
    await vscode.commands.executeCommand('setContext', CONTEXT_ANY_RUNNING, this.runs.anyRunning);
  }

  private onActiveEditor(editor: vscode.TextEditor | undefined): void {
    const run = editor ? this.runs.get(editor.document.uri.toString()) : undefined;
    if (run && this.panel.isOpen) this.panel.setShownRun(run);
    this.panel.cursorMoved();
    void this.updateContexts();
    this.updateStatus();
  }

  /** The run the status bar describes: the active document's, else the one started last. */
  private focusedRun(): RunRecord | null {
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    return (active !== undefined ? this.runs.get(active) : undefined) ?? this.runs.latest;
  }

  // ---- Status bar ----

  private ensureStatusTimer(): void {
    // Elapsed time ticks once a second while anything runs; the timer stops itself when all runs have ended.
    if (this.statusTimer) return;
    this.statusTimer = setInterval(() => {
      this.updateStatus();
      if (this.settings.showGradientAnnotations) this.updateAnnotations();
      if (!this.runs.anyRunning && this.statusTimer) {
        clearInterval(this.statusTimer);
        this.statusTimer = null;
      }
    }, 1000);
  }

  /** Coalesces the updates of a fast training loop (one per backward()) to a few per second. */
  private scheduleStatus(): void {
    if (this.statusPending) return;
    this.statusPending = setTimeout(() => {
      this.statusPending = null;
      this.updateStatus();
    }, 250);
  }

  private updateStatus(): void {
    const run = this.focusedRun();
    if (!run) {
      this.status.hide();
      return;
    }
    const s = statusText(run, Date.now());
    this.status.text = s.text;
    this.status.tooltip = s.tooltip;
    this.status.backgroundColor =
      run.status === 'failed'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : run.diverged
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
    this.status.show();
  }

  // ---- Diagnostics and the quick fix ----

  private setDiagnostics(run: RunRecord): void {
    if (this.runs.get(run.key) !== run) return;
    const uri = vscode.Uri.parse(run.key);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === run.key);
    const specs = diagnosticsFor(run.file, run.events);
    this.diagnostics.set(uri, specs.map((s) => toDiagnostic(s, doc)));
  }

  private codeActions(doc: vscode.TextDocument, ctx: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const d of ctx.diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE || d.code !== 'diverged') continue;
      const action = new vscode.CodeAction(t('Find where NaN first appears'), vscode.CodeActionKind.QuickFix);
      action.diagnostics = [d];
      action.isPreferred = true;
      action.command = { command: CMD.findNonFinite, title: t('Find where NaN first appears'), arguments: [doc.uri] };
      actions.push(action);
    }
    return actions;
  }

  // ---- CodeLens ----

  private codeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!importsTorch(doc.getText())) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    const key = doc.uri.toString();
    const lenses = [
      this.runs.isRunning(key)
        ? new vscode.CodeLens(top, { title: t('■ Stop'), command: CMD.stop, arguments: [doc.uri], tooltip: t('Stop Training') })
        : new vscode.CodeLens(top, { title: t('▶ Train Model'), command: CMD.train, arguments: [doc.uri], tooltip: t('Run this script and watch autograd') }),
    ];
    if (this.runs.get(key)) lenses.push(new vscode.CodeLens(top, { title: t('Show Graph Panel'), command: CMD.showPanel }));
    return lenses;
  }

  // ---- Hovers ----

  private hover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const run = this.runs.get(doc.uri.toString());
    if (!run) return undefined;
    const at = nameAt(doc.lineAt(pos.line).text, pos.character);
    if (!at) return undefined;
    const range = new vscode.Range(pos.line, at.start, pos.line, at.end);
    const stale = doc.version !== run.docVersion;
    if (at.segment === 'backward' && at.isCall) {
      return new vscode.Hover(markdown(backwardHover(run.backwardByLine.get(pos.line + 1) ?? null, run.label, stale, run.running)), range);
    }
    const variables: VariableInfo[] = run.variables ? run.variables.variables : variablesFromGraph(run.lastBackward);
    const match = lookupVariable(variables, at.candidates);
    if (!match) {
      if (at.name.endsWith('.grad') && lookupVariable(variables, [at.name.slice(0, -'.grad'.length)])) {
        return new vscode.Hover(markdown(missingGradHover(at.name, run.label, stale, run.running)), range);
      }
      return undefined;
    }
    const v = match.variable;
    const base = v.name.endsWith('.grad') ? v.name.slice(0, -'.grad'.length) : v.name;
    const gradHistory = run.gradHistory.get(base) ?? null;
    // The tensor backward() was called on last (`loss`) gets the loss curve.
    const isLoss =
      v.shape.length === 0 && !v.isLeaf && run.lastLoss !== null && v.value.mean !== null && Object.is(v.value.mean, run.lastLoss);
    const node = run.lastBackward?.graph.nodes.find((n) => n.kind === 'leaf' && n.name === base);
    const text = variableHover({
      match,
      gradHistory,
      lossHistory: isLoss ? run.lossHistory : null,
      nodeId: node ? node.id : null,
      runKey: run.key,
      runLabel: run.label,
      stale,
      running: run.running,
    });
    return new vscode.Hover(markdown(text), range);
  }

  // ---- Gradient annotations ----

  private updateAnnotations(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const doc = editor.document;
      const run = this.runs.get(doc.uri.toString());
      if (!this.settings.showGradientAnnotations || !run || doc.version !== run.docVersion) {
        editor.setDecorations(this.annotationType, []);
        continue;
      }
      const options: vscode.DecorationOptions[] = [];
      for (const a of gradientAnnotations(run.lastBackward)) {
        if (a.line < 1 || a.line > doc.lineCount) continue;
        const end = doc.lineAt(a.line - 1).range.end;
        options.push({ range: new vscode.Range(end, end), renderOptions: { after: { contentText: a.text } } });
      }
      editor.setDecorations(this.annotationType, options);
    }
  }
}

function asUri(arg: unknown): vscode.Uri | undefined {
  return arg instanceof vscode.Uri ? arg : undefined;
}

function markdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text);
  // Only our own two commands may run from hover links.
  md.isTrusted = { enabledCommands: [CMD.showPanel, CMD.showNode] };
  return md;
}

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

/** A run as the integration tests see it (see TestApi). */
export interface RunSummary {
  runId: number;
  status: RunRecord['status'];
  /** Set once Python is loaded and the script itself runs (the `start` event). */
  scriptStarted: boolean;
  /** Everything the script printed to stdout / stderr (as retained by the run's record). */
  stdout: string;
  stderr: string;
  steps: number;
  lastLoss: number | null;
  error: { errorType: string; message: string; line: number | null } | null;
  /** Wall-clock time (Date.now()) the run ended; null while it runs. */
  endedAt: number | null;
}

/**
 * What activate() returns: a small read-only view of the runs for the extension-host integration tests
 * (test/ui/exthost), which start runs through the real commands and must wait for them to end. Nothing
 * here changes what the user sees, and no other extension is meant to use it.
 */
export interface TestApi {
  /** The document's current run, running or ended; undefined before its first run. */
  lastRun(uri: vscode.Uri): RunSummary | undefined;
  /** Resolves when the document's current run has ended (at once for an ended one). */
  whenDone(uri: vscode.Uri): Promise<RunSummary | undefined>;
}

function summarize(run: RunRecord | undefined): RunSummary | undefined {
  if (!run) return undefined;
  const output = (type: 'stdout' | 'stderr'): string =>
    run.events.map((e) => (e.type === type ? e.text : '')).join('');
  const now = Date.now();
  return {
    runId: run.runId,
    status: run.status,
    scriptStarted: run.scriptStarted,
    stdout: output('stdout'),
    stderr: output('stderr'),
    steps: run.step,
    lastLoss: run.lastLoss,
    error: run.error ? { errorType: run.error.errorType, message: run.error.message, line: run.error.line } : null,
    endedAt: run.running ? null : run.startedAt + run.elapsedMs(now),
  };
}

let instance: Extension | null = null;

export function activate(context: vscode.ExtensionContext): TestApi {
  setTranslator((message, ...args) => vscode.l10n.t(message, ...args));
  const ext = new Extension(context);
  instance = ext;
  context.subscriptions.push(ext);
  ext.activate();
  return {
    lastRun: (uri) => summarize(ext.runFor(uri.toString())),
    whenDone: async (uri) => summarize(await ext.whenDone(uri.toString())),
  };
}

export function deactivate(): void {
  instance?.dispose();
  instance = null;
}
