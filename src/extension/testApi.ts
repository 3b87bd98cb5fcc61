/**
 * What activate() returns: a small read-only view of the runs for the extension-host integration tests
 * (test/ui/exthost), which start runs through the real commands and must wait for them to end. Nothing
 * here changes what the user sees, and no other extension is meant to use it.
 */
import type * as vscode from 'vscode';
import type { Standby } from '../runtime/host/standby';
import { recentNotices } from './notices';
import type { RunManager } from './runs/runManager';
import type { RunRecord } from './runs/runRecord';
import type { TensorNode } from './views/tensorsTree';
import type { TensorsProvider } from './views/tensorsView';

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
  /** Wall-clock time (Date.now()) the first backward() reached the extension; null before. */
  firstStepAt: number | null;
  /** Where the debugger has the script paused (the panel's header then reads "Paused at step N"); null while it runs. */
  paused: { step: number; line: number | null; at: 'backward' | 'step' } | null;
  /** The console's answers so far, oldest first. */
  console: Array<{ code: string; output: string; error: boolean }>;
  backend: RunRecord['backend'];
  /** The python backend's PyTorch version and device, as the panel's header names them; null on the playground. */
  torch: { version: string; device: string | null } | null;
  /** The `grad_fn` class names (and layers shown as one node) of the last whole graph the run kept. */
  graphOps: string[];
  /** The leaf names of that graph (its parameters and other tensors that require grad). */
  graphLeaves: string[];
  /** The names of its input nodes (tensors without grad that feed it, such as X and y). */
  graphInputs: string[];
}

/** One item of the "Autograd Tensors" tree, as its provider hands it to VS Code. */
export interface TensorItem {
  label: string;
  description: string;
  /** The tooltip's Markdown. */
  tooltip: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  children: TensorItem[];
}

export interface TestApi {
  /** The document's current run, running or ended; undefined before its first run. */
  lastRun(uri: vscode.Uri): RunSummary | undefined;
  /** Resolves when the document's current run has ended (at once for an ended one). */
  whenDone(uri: vscode.Uri): Promise<RunSummary | undefined>;
  /** Resolves when the standby interpreter has loaded, so a test can time a warm start. */
  whenStandbyReady(): Promise<void>;
  /** The "Autograd Tensors" tree as its provider gives it now: the run it shows, its message, its items. */
  tensors(): { runLabel: string | null; message: string | undefined; items: TensorItem[] };
  /**
   * Hands the panel a message as its webview posts it (`{ type: 'evaluate', code }`, `{ type: 'step' }`, …): the
   * path the panel's buttons and console take, for the shown run.
   */
  panelMessage(message: unknown): void;
  /** The messages the extension showed last about runs that could not start (notices.ts), oldest first. */
  notices(): readonly string[];
}

function tensorItems(provider: TensorsProvider, nodes: readonly TensorNode[]): TensorItem[] {
  return nodes.map((node) => {
    const item = provider.getTreeItem(node);
    const tooltip = item.tooltip;
    return {
      label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''),
      description: typeof item.description === 'string' ? item.description : '',
      tooltip: typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? ''),
      // TreeItemCollapsibleState: None 0, Collapsed 1, Expanded 2 (a type import cannot name the enum).
      collapsible: item.collapsibleState === 2 ? 'expanded' : item.collapsibleState === 1 ? 'collapsed' : 'none',
      children: tensorItems(provider, provider.getChildren(node)),
    };
  });
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
    firstStepAt: run.firstStepAt,
    paused: run.paused ? { step: run.paused.step, line: run.paused.line, at: run.paused.at } : null,
    console: run.events.flatMap((e) => (e.type === 'console' ? [{ code: e.code, output: e.output, error: e.error }] : [])),
    backend: run.backend,
    torch: run.torch ? { version: run.torch.version, device: run.torch.device } : null,
    graphOps: (run.lastBackward?.graph.nodes ?? []).flatMap((n) => (n.kind === 'op' && n.gradFn ? [n.gradFn] : [])),
    graphLeaves: (run.lastBackward?.graph.nodes ?? []).flatMap((n) => (n.kind === 'leaf' && !n.input && n.name ? [n.name] : [])),
    graphInputs: (run.lastBackward?.graph.nodes ?? []).flatMap((n) => (n.kind === 'leaf' && n.input && n.name ? [n.name] : [])),
  };
}

export function testApi(runs: RunManager, standby: Standby, tensors: TensorsProvider, panel: { receive(message: unknown): void }): TestApi {
  return {
    panelMessage: (message) => panel.receive(message),
    tensors: () => ({ runLabel: tensors.shownRun?.label ?? null, message: tensors.message, items: tensorItems(tensors, tensors.getChildren()) }),
    lastRun: (uri) => summarize(runs.get(uri.toString())),
    whenDone: async (uri) => summarize(await runs.whenDone(uri.toString())),
    whenStandbyReady: () => standby.whenReady(),
    notices: () => recentNotices(),
  };
}
