/**
 * The messages between the extension (src/extension/panel/panel.ts) and the panel's front end (webview/). Like all of
 * src/protocol/, it is imported by both sides, so it must stay free of Node, DOM, `vscode` and of anything with
 * side effects; change it only by adding (new optional fields, new message types), never by renaming.
 *
 * Transport note: VS Code carries webview messages as JSON, which has no NaN or Infinity. The extension
 * therefore sends every message through `encodeNonFinite` (non-finite numbers in the fields the event schema
 * names — `loss`, `min`, `max`, `mean`, `norm`, figure series `x`/`y` — become "nan", "inf", "-inf"), and the
 * webview must pass what it receives through `decodeExtensionMessage` to get real numbers back.
 */
import { decodeNonFinite, type PauseConditions, type RunBackend, type RunEvent } from './events';

export type {
  BackwardEvent,
  ConsoleEvent,
  DivergedEvent,
  EndEvent,
  ErrorEvent,
  FigureAxes,
  FigureEvent,
  FigureSeries,
  GraphNode,
  GraphSummary,
  LeafSummary,
  PausedEvent,
  RunEvent,
  StartEvent,
  StderrEvent,
  StdoutEvent,
  TensorSummary,
  VariableInfo,
  VariablesEvent,
} from './events';

import type { RunHistoryView } from './runHistory';
import type { RunInfoStatus } from './status';

export type { RunInfoStatus } from './status';
export type { HistoryRun, RunHistoryView, RunLabel, SourceChange } from './runHistory';

/** The `viewType` of the panel; also what the serializer is registered under. */
export const PANEL_VIEW_TYPE = 'autogradPlayground.panel';


/** A path's last part: how RunInfo.label is made from the file, and what the panel shows without a label. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** One run of one document, as the panel's header shows it. */
export interface RunInfo {
  /** Unique within the extension host's lifetime; increases with every run. */
  runId: number;
  /** The script's name as the runtime reports it in events and tracebacks (a path, or an untitled name). */
  file: string;
  /** Short name for display: the file's base name, e.g. '05_linear_regression_scratch.py' or 'Untitled-1'. */
  label: string;
  /** See status.ts. */
  status: RunInfoStatus;
  /** Epoch milliseconds (Date.now()) when the run was started. */
  startedAt: number;
  /** What runs it; absent: the playground. */
  backend?: RunBackend;
}

/**
 * Extension → webview.
 *
 * - `init`: replaces everything the panel shows. Sent in answer to every `ready`, and again whenever the
 *   panel switches to another run (the user focused an editor whose document has a run of its own). `events`
 *   is the whole event list of `run` so far. `run` null (and `events` empty) means this extension host has no
 *   run to show — e.g. right after a window reload — so keep showing whatever your saved state holds. `l10n`
 *   is VS Code's runtime bundle for the display language (l10n/bundle.l10n.<lang>.json): it maps English UI
 *   text, exactly as webview/src/strings.ts writes it, to the translation; it is empty for English, and a text
 *   missing from it is shown in English. Placeholders `{0}`, `{1}`, … are left for the webview to fill.
 * - `runStarted`: the panel now shows this new run; drop the previous run's content.
 * - `events`: more events of run `runId`, in order, at most one message per `updateIntervalMs`. Ignore a
 *   `runId` other than the shown run's. The run's status follows from its `end` event (`ok` → 'finished',
 *   `error` → 'failed', `stopped` → 'stopped').
 * - `cursorLine`: the 1-based line of the editor cursor in the shown run's document (null when that document
 *   is not the active editor), so the panel can highlight graph nodes created on that line.
 * - `showNode`: bring this graph node (an id from the latest backward event's graph) into view and select it.
 * - `history`: the last runs of the shown run's file (see runHistory.ts), for the loss chart's overlaid curves;
 *   sent when one of them ends or the baseline changes. `init` and `runStarted` carry it too (`history`,
 *   optional: absent from an older host, null with no run). Ignore a `runId` other than the shown run's.
 *
 * Event elision, so that long runs stay bounded in memory and message size (the panel is never told twice):
 * - a backward event other than the latest one of its `events` batch (or of `init`'s list), and other than
 *   the step that diverged, arrives with its graph elided: `graph.nodes` and `graph.edges` empty and
 *   `graph.truncated = { shownNodes: 0, hiddenNodes: <the graph's real node count> }`. Its `step`, `line`,
 *   `loss` and `leaves` are intact, so loss and gradient charts can use every event;
 * - adjacent stdout (and stderr) events may arrive merged into one (text concatenated, `t` of the first);
 * - in a very long run, the list `init` carries may skip some older backward events (steps are numbered,
 *   so a chart by step stays correct).
 */
export type ExtensionToWebview =
  | {
      type: 'init';
      l10n: Record<string, string>;
      /** `debug`: the debugger's pause conditions as the panel last set them (where to pause is a setting). */
      settings: { graphNodeLimit: number; debug?: PanelPauseConditions };
      run: RunInfo | null;
      events: RunEvent[];
      history?: RunHistoryView | null;
      /** The panel's layout as last chosen in this workspace (see PanelLayout); absent or null: none kept yet. */
      layout?: PanelLayout | null;
    }
  | { type: 'runStarted'; run: RunInfo; history?: RunHistoryView }
  | { type: 'history'; runId: number; history: RunHistoryView }
  | { type: 'events'; runId: number; events: RunEvent[] }
  | { type: 'cursorLine'; line: number | null }
  | { type: 'showNode'; nodeId: number };

/**
 * Webview → extension.
 *
 * - `ready`: the webview has loaded (first load, reload, or being shown again after VS Code discarded it);
 *   the extension answers with `init`.
 * - `stop`: stop the shown run. `runAgain`: start the shown run's document again (its current text).
 * - `revealLine`: show this 1-based line of the shown run's document in its editor and put the cursor there.
 * - `export`: save a chart or figure (see ExportRequest).
 * - `pinRun`: make this run (a HistoryRun id of the shown run's file) the file's baseline; null unpins it.
 * - `pause`, `step`, `continue`: the debugger's buttons, for the shown run.
 * - `evaluate`: the console at a pause; `code` runs in the paused frame, the answer is the run's `console` event.
 * - `pauseConditions`: the debugger's conditions for every run from now on (see PauseConditions).
 * - `layout`: the user collapsed or opened a section or chose a tab; the extension keeps it for the workspace and
 *   gives it back in every `init`, so a new panel (or one after a window reload) opens laid out the same.
 */
export type WebviewToExtension =
  | { type: 'ready' }
  | { type: 'stop' }
  | { type: 'runAgain' }
  | { type: 'revealLine'; line: number }
  | { type: 'pinRun'; id: string | null }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'continue' }
  | { type: 'evaluate'; code: string }
  | { type: 'pauseConditions'; conditions: PanelPauseConditions }
  | { type: 'layout'; layout: PanelLayout }
  | ExportRequest;

/** The panel's sections, in the order it builds them. */
export const PANEL_SECTIONS = ['loss', 'gradients', 'leaves', 'variables', 'graph', 'figures', 'console'] as const;
export type PanelSectionId = (typeof PANEL_SECTIONS)[number];
/** Below 900 px the sections other than the graph are tabs under it. */
export type PanelTabId = Exclude<PanelSectionId, 'graph'>;
export const PANEL_TABS: readonly PanelTabId[] = PANEL_SECTIONS.filter((s): s is PanelTabId => s !== 'graph');

/**
 * How the user laid the panel out: the sections they collapsed (side by side, from 900 px) and the tab chosen
 * (narrower), and whether its section is shown under the tabs or collapsed (a click on the chosen tab).
 */
export interface PanelLayout {
  collapsed: PanelSectionId[];
  tab: PanelTabId;
  tabOpen: boolean;
}

/** A layout as the webview sent it or the workspace kept it, or null when it is not one (unknown ids are refused, not dropped). */
export function parsePanelLayout(v: unknown): PanelLayout | null {
  if (typeof v !== 'object' || v === null) return null;
  const { collapsed, tab, tabOpen } = v as { collapsed?: unknown; tab?: unknown; tabOpen?: unknown };
  if (typeof tab !== 'string' || !(PANEL_TABS as readonly string[]).includes(tab)) return null;
  // Absent in a layout kept before tabs could collapse: the tab's section was always shown.
  if (tabOpen !== undefined && typeof tabOpen !== 'boolean') return null;
  if (!Array.isArray(collapsed) || collapsed.length > PANEL_SECTIONS.length) return null;
  if (!collapsed.every((c) => typeof c === 'string' && (PANEL_SECTIONS as readonly string[]).includes(c))) return null;
  const ids = new Set(collapsed as PanelSectionId[]);
  if (ids.size !== collapsed.length) return null;
  // The panel's own order, so equal layouts compare equal.
  return { collapsed: PANEL_SECTIONS.filter((s) => ids.has(s)), tab: tab as PanelTabId, tabOpen: tabOpen ?? true };
}

/** The pause conditions the panel sets; where to pause (backward() or step()) is the setting autogradPlayground.pauseAt. */
export type PanelPauseConditions = Omit<PauseConditions, 'pauseAt'>;

/** The longest console code the panel may send (the runtime's console slot holds 64 KiB of UTF-8). */
export const CONSOLE_MAX_CHARS = 16 * 1024;

function parseConditions(v: unknown): PanelPauseConditions | null {
  if (typeof v !== 'object' || v === null) return null;
  const c = v as { nonFinite?: unknown; atStep?: unknown; gradNormAbove?: unknown };
  if (typeof c.nonFinite !== 'boolean') return null;
  const atStep = c.atStep === null ? null : typeof c.atStep === 'number' && Number.isInteger(c.atStep) && c.atStep >= 1 ? c.atStep : undefined;
  const above = c.gradNormAbove === null ? null : typeof c.gradNormAbove === 'number' && Number.isFinite(c.gradNormAbove) && c.gradNormAbove >= 0 ? c.gradNormAbove : undefined;
  if (atStep === undefined || above === undefined) return null;
  return { nonFinite: c.nonFinite, atStep, gradNormAbove: above };
}

/** What a chart or figure can be saved as. */
export type ExportFormat = 'png' | 'svg' | 'csv';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['png', 'svg', 'csv'];

/**
 * `export`: the user asked to save a chart or figure. The extension asks where (a save dialog, `fileName`
 * suggested next to the script) and writes nothing unless a file is chosen. `data` is the file's content:
 * base64 for PNG, the text itself for SVG and CSV.
 */
export interface ExportRequest {
  type: 'export';
  format: ExportFormat;
  /** A bare file name ending in `.<format>` (exportFileName makes it), never a path. */
  fileName: string;
  data: string;
}

/**
 * The most characters an export's `data` may have: 32 Mi, about 24 MB of PNG. A panel canvas at 4K and
 * device pixel ratio 2 is under 10 MB; anything bigger is not something the panel drew.
 */
export const EXPORT_MAX_CHARS = 32 * 1024 * 1024;

const FILE_NAME_MAX = 180;

/** Not allowed in a file name on Windows, or a path separator, or a control character. */
function isUnsafeChar(c: string): boolean {
  return c.charCodeAt(0) < 0x20 || '<>:"/\\|?*'.includes(c);
}

/**
 * The suggested file name of an export: the script's name without its extension, the chart's name, the
 * format, e.g. `05_linear_regression-loss.svg`. Characters that are not safe in a file name on every OS
 * become `_`.
 */
export function exportFileName(script: string | null, chart: string, format: ExportFormat): string {
  const stem = baseName(script ?? '').replace(/\.[^.]*$/, '');
  const safe = (s: string): string =>
    Array.from(s, (c) => (isUnsafeChar(c) ? '_' : c))
      .join('')
      .replace(/^[.\s]+|[.\s]+$/g, '');
  const name = [safe(stem), safe(chart)].filter(Boolean).join('-') || 'chart';
  return `${name.slice(0, FILE_NAME_MAX - 4)}.${format}`;
}

/** A bare, safe file name with the format's extension: what exportFileName gives (no path, no control characters). */
function isExportFileName(name: string, format: ExportFormat): boolean {
  return (
    name.length <= FILE_NAME_MAX &&
    name.toLowerCase().endsWith(`.${format}`) &&
    name.length > format.length + 1 &&
    !Array.from(name).some(isUnsafeChar) &&
    !name.startsWith('.')
  );
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function parseExport(m: { format?: unknown; fileName?: unknown; data?: unknown }): ExportRequest | null {
  const format = m.format;
  if (typeof format !== 'string' || !(EXPORT_FORMATS as readonly string[]).includes(format)) return null;
  const f = format as ExportFormat;
  if (typeof m.fileName !== 'string' || !isExportFileName(m.fileName, f)) return null;
  const data = m.data;
  if (typeof data !== 'string' || data.length === 0 || data.length > EXPORT_MAX_CHARS) return null;
  if (f === 'png' && (data.length % 4 !== 0 || !BASE64.test(data))) return null;
  return { type: 'export', format: f, fileName: m.fileName, data };
}

/**
 * The part of the webview's saved state (vscode.setState) the extension reads: VS Code hands that state to
 * the panel serializer after a window reload, before the webview runs, and the restored tab should already
 * carry the script's name.
 */
export interface PersistedPanelHeader {
  /** The shown run's label (RunInfo.label), or null when the panel showed no run. */
  label: string | null;
}

export function persistedLabel(state: unknown): string | null {
  if (typeof state !== 'object' || state === null) return null;
  const label = (state as Partial<PersistedPanelHeader>).label;
  return typeof label === 'string' && label.length > 0 ? label : null;
}

/** For the webview: turns a received message back into real numbers (see the transport note above). */
export function decodeExtensionMessage(data: unknown): ExtensionToWebview {
  return decodeNonFinite(data) as ExtensionToWebview;
}

/** For the extension: checks the shape of what a webview sent (it is another process; trust nothing). */
export function parseWebviewMessage(data: unknown): WebviewToExtension | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as { type?: unknown; line?: unknown; id?: unknown; format?: unknown; fileName?: unknown; data?: unknown; code?: unknown; conditions?: unknown; layout?: unknown };
  switch (m.type) {
    case 'ready':
    case 'stop':
    case 'runAgain':
    case 'pause':
    case 'step':
    case 'continue':
      return { type: m.type };
    case 'evaluate':
      return typeof m.code === 'string' && m.code.trim() !== '' && m.code.length <= CONSOLE_MAX_CHARS ? { type: 'evaluate', code: m.code } : null;
    case 'pauseConditions': {
      const conditions = parseConditions(m.conditions);
      return conditions ? { type: 'pauseConditions', conditions } : null;
    }
    case 'layout': {
      const layout = parsePanelLayout(m.layout);
      return layout ? { type: 'layout', layout } : null;
    }
    case 'revealLine':
      return typeof m.line === 'number' && Number.isInteger(m.line) && m.line >= 1 ? { type: 'revealLine', line: m.line } : null;
    case 'export':
      return parseExport(m);
    case 'pinRun':
      return m.id === null || (typeof m.id === 'string' && m.id.length > 0 && m.id.length <= 100) ? { type: 'pinRun', id: m.id } : null;
    default:
      return null;
  }
}
