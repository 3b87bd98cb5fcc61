/**
 * The run event stream: the only contract between the runtime and its consumers (extension, webview, CLI
 * `--events` files). Every event type lives here so that a schema change is one diff in one file; bump
 * EVENT_SCHEMA_VERSION whenever an existing field changes meaning or disappears (adding optional fields is fine).
 */

export const EVENT_SCHEMA_VERSION = 1;

/** A tensor as the UI shows it: a short PyTorch-style print plus stats (null when empty or not numeric). */
export interface TensorSummary {
  shape: number[];
  dtype: string;
  numel: number;
  /**
   * PyTorch-style print, summarised for large tensors. Empty in the leaves of a backward event whose graph is
   * elided: printing costs more than a fast step, so those steps carry the stats only.
   */
  text: string;
  min: number | null;
  max: number | null;
  mean: number | null;
  norm: number | null;
}

export interface GraphNode {
  id: number;
  kind: 'op' | 'leaf';
  /** `grad_fn` class name for op nodes, e.g. 'MulBackward0'; null for leaves. */
  gradFn: string | null;
  /** Leaf variable name like 'w' or 'model.weight'. */
  name: string | null;
  shape: number[];
  dtype: string;
  line: number | null;
  value?: TensorSummary;
  grad?: TensorSummary;
  /**
   * Set on a node that stands for a whole call of a layer shown as one node (an LSTM, attention): `gradFn` is
   * then the module's class name, `line` the call's line, value and grad those of its output, and `ops` how many
   * primitive nodes it folds.
   */
  module?: { ops: number };
  /**
   * A tensor the graph read that does not require grad (data such as `X`, `y`, a target), bound to a name in
   * the script (`kind` 'leaf', `name` set, no `grad`). No gradient flows to it; unnamed ones are not listed.
   */
  input?: true;
  /**
   * The innermost module call (GraphSummary.modules) the node ran under; for a parameter leaf, the call of the
   * module that holds it. Absent: outside any module.
   */
  call?: number;
}

/** A call of an `nn.Module` that nodes of a graph ran under: the panel draws it as a box around them. */
export interface GraphModuleCall {
  /** Unique in the run (a module called twice is two calls). */
  id: number;
  /** The call it ran inside (listed in the same graph), or null. */
  parent: number | null;
  /** Dotted name: 'model', 'model.0', 'model.encoder.layer1'; null when none was found. */
  name: string | null;
  className: string;
  /** The line of the call in the user's file. */
  line: number | null;
  /** The line of the module class's forward in the user's file; null for the library's modules. */
  defLine: number | null;
}

export interface GraphSummary {
  rootId: number;
  nodes: GraphNode[];
  /** [from input node, to consumer node]. */
  edges: Array<[number, number]>;
  /** Set when the graph was cut down to the node limit. */
  truncated: null | { shownNodes: number; hiddenNodes: number };
  /** The module calls the nodes name in `call`, parents before children; absent: no node ran in a module. */
  modules?: GraphModuleCall[];
}

/**
 * A graph left out, given by its size: no nodes, `truncated.shownNodes` 0. The runtime sends most steps of a
 * fast loop this way and the extension elides older graphs the same way before they reach the panel.
 */
export function elidedGraph(rootId: number, nodes: number): GraphSummary {
  return { rootId, nodes: [], edges: [], truncated: { shownNodes: 0, hiddenNodes: nodes } };
}

export function isGraphElided(g: GraphSummary): boolean {
  return g.nodes.length === 0 && g.truncated !== null && g.truncated.shownNodes === 0;
}

export interface LeafSummary {
  id: number;
  name: string | null;
  shape: number[];
  grad: TensorSummary | null;
}

/** Milliseconds since the run started (the `start` event has t = 0). */
interface Timed {
  t: number;
}

export interface StartEvent extends Timed {
  type: 'start';
  version: number;
  file: string;
  /** ISO 8601 wall-clock time. */
  startedAt: string;
  /** What runs the script: the playground's own runtime (absent in streams that predate backends), or a real Python with PyTorch. */
  backend?: RunBackend;
}

export type RunBackend = 'playground' | 'python';

/**
 * The real PyTorch a `python` backend run is on: sent by the probe once torch is imported (device null), and
 * again once, when it first sees where the model lives (the first parameter a module is called with, or the
 * root of the first backward()).
 */
export interface TorchEvent extends Timed {
  type: 'torch';
  /** torch.__version__, e.g. '2.11.0+cu128'. */
  version: string;
  /** As str(tensor.device) prints it: 'cpu', 'cuda:0', 'mps'. */
  device: string | null;
}

/** Output chunks exactly as the script wrote them; a chunk may hold several lines or part of one. */
export interface StdoutEvent extends Timed {
  type: 'stdout';
  text: string;
}

export interface StderrEvent extends Timed {
  type: 'stderr';
  text: string;
}

export interface BackwardEvent extends Timed {
  type: 'backward';
  /** 1-based count of backward() calls in this run. */
  step: number;
  file: string;
  /** Source line of the user's code that called backward(). */
  line: number;
  /** Root value when the root is a scalar, else null. May be NaN or ±Infinity. */
  loss: number | null;
  graph: GraphSummary;
  leaves: LeafSummary[];
}

/**
 * The whole graph of a step whose backward event carried only its size (an elided graph: no nodes,
 * `truncated.shownNodes` 0). The runtime describes whole graphs at most once per update interval; when the
 * run ends on a step sent without one, this follows with it, so the last graph is always in the stream.
 */
export interface GraphEvent extends Timed {
  type: 'graph';
  /** The backward event's step. */
  step: number;
  file: string;
  line: number;
  graph: GraphSummary;
  leaves: LeafSummary[];
}

export interface ErrorEvent extends Timed {
  type: 'error';
  /** Python exception class name: 'RuntimeError', 'SyntaxError', … */
  errorType: string;
  message: string;
  file: string;
  /** Line in the user's script where the error surfaced (innermost user frame), if any. */
  line: number | null;
  /** The text printed to stderr, CPython-formatted, internal frames removed. */
  traceback: string;
}

export type RunStatus = 'ok' | 'error' | 'stopped';

export interface EndEvent extends Timed {
  type: 'end';
  status: RunStatus;
  durationMs: number;
  /** Number of backward() calls in the run. */
  steps: number;
}

/** What made a figure event: pyplot's show() or savefig(), or a notebook-style display() of the figure. */
export type FigureReason = 'show' | 'savefig' | 'display';

/** matplotlib's line styles; 'none' draws markers only. */
export type FigureLineStyle = '-' | '--' | ':' | '-.' | 'none';

/** Most points a series carries; longer ones are thinned evenly, keeping the first and last point. */
export const FIGURE_MAX_POINTS = 10000;

/** One plotted artist: the points of a plot() line, a scatter(), or the bars of a bar()/barh()/hist(). */
export interface FigureSeries {
  kind: 'line' | 'scatter' | 'bar' | 'hist' | 'barh';
  /**
   * Data coordinates, same length. Elements may be NaN or ±Infinity (a gap, as matplotlib draws it). Category
   * values (strings) are already mapped to 0, 1, 2, …; the axes' xticks/yticks hold the names. For bar/hist
   * `x` is each bar's centre and `y` its height; for barh `y` is each bar's centre and `x` its length (its
   * thickness is in `widths`, its left edge in `bottoms`).
   */
  x: number[];
  y: number[];
  /** Points before downsampling to FIGURE_MAX_POINTS (equals x.length when nothing was dropped). */
  pointCount: number;
  /** Legend text; null when the series has no legend entry (no label, a label starting with '_', or left out of legend(handles)). */
  label: string | null;
  /** CSS colour: '#rrggbb', '#rrggbbaa', a CSS colour name, or 'transparent'. */
  color: string;
  linestyle: FigureLineStyle;
  /** matplotlib marker code ('o', '^', 's', 'x', '.', …); null for none. */
  marker: string | null;
  /** 0..1; 1 when the script gave none. */
  alpha: number;
  /** Line width in points; null for kinds that draw no line (scatter, bar, hist). */
  linewidth: number | null;
  /** Marker size in points (matplotlib's markersize; a scatter's `s`, which is an area in points², is given as its square root). */
  size: number;
  /** Per-point (scatter) or per-bar colours when the script gave several (scatter `c` values go through the colormap); else null. */
  colors: string[] | null;
  /** Per-point marker sizes in points (scatter with an array `s`); else null. */
  sizes: number[] | null;
  /** Bar widths in data units (bar, hist); else null. */
  widths: number[] | null;
  /** Bar bottoms (bar with `bottom=`, barh with `left=`); null means 0. */
  bottoms: number[] | null;
  /** Drawing order among the axes' series and artists; present when the axes has `artists` (else the index). */
  order?: number;
  /** scatter(edgecolors=): the markers' outline colour and width in points; absent: no outline. */
  edgecolor?: string;
  edgewidth?: number;
}

/**
 * What every FigureArtist has. Artists and series are drawn by matplotlib's zorder (images 0; bars, scatters,
 * fills and filled contours 1; lines, contour lines and reference lines 2; text 3), then by `order`.
 */
export interface FigureArtistBase {
  zorder: number;
  order: number;
  /** Legend text, as FigureSeries.label. */
  label: string | null;
  /** 0..1. */
  alpha: number;
}

/** fill_between()/fill_betweenx(): polygons, each a flat [x0, y0, x1, y1, …] list in data coordinates. */
export interface FigureFill extends FigureArtistBase {
  kind: 'fill';
  polygons: number[][];
  color: string;
  /** null: no outline. */
  edgecolor: string | null;
  linewidth: number;
}

/** axhline() ('h', at y = value) or axvline() ('v', at x = value), spanning `span` as fractions of the axes. */
export interface FigureRefLine extends FigureArtistBase {
  kind: 'refline';
  orientation: 'h' | 'v';
  value: number;
  span: [number, number];
  color: string;
  linestyle: FigureLineStyle;
  linewidth: number;
}

/** errorbar()'s bars: for point i, from lo[i] to hi[i] along x (xerr) and/or y (yerr), caps `capsize` points long. */
export interface FigureErrorbar extends FigureArtistBase {
  kind: 'errorbar';
  x: number[];
  y: number[];
  xerr: [number[], number[]] | null;
  yerr: [number[], number[]] | null;
  color: string;
  linewidth: number;
  capsize: number;
}

/** text()/annotate(): `text` anchored at (x, y) in `coords`, moved by `offset` points; annotate's arrow points at `arrow`. */
export interface FigureText extends FigureArtistBase {
  kind: 'text';
  text: string;
  x: number;
  y: number;
  /** 'data', 'axes' (fractions of the axes) or 'figure' (fractions of the figure). */
  coords: 'data' | 'axes' | 'figure';
  offset: [number, number];
  color: string;
  /** Points. */
  fontsize: number;
  ha: 'left' | 'center' | 'right';
  va: 'top' | 'center' | 'bottom' | 'baseline';
  /** Degrees, counter-clockwise. */
  rotation: number;
  weight: 'normal' | 'bold';
  style: 'normal' | 'italic';
  family: string | null;
  bbox: { facecolor: string; edgecolor: string; alpha: number; rounded: boolean; linewidth: number } | null;
  /**
   * From the text to (x, y) in `coords`: an arrowstyle ('->', '-|>', '-', …), or 'wide' for matplotlib's older
   * filled arrow (arrowprops without arrowstyle), `width`/`headwidth`/`headlength` points, `shrink` cut off
   * both ends as a fraction of its length.
   */
  arrow: {
    x: number;
    y: number;
    coords: 'data' | 'axes' | 'figure';
    style: string;
    color: string;
    linewidth: number;
    shrink: number;
    edgecolor?: string;
    width?: number;
    headwidth?: number;
    headlength?: number;
  } | null;
}

/** imshow(): rows × cols cells of CSS colours (row-major, data row 0 first) spanning extent [left, right, bottom, top]. */
export interface FigureImage extends FigureArtistBase {
  kind: 'image';
  rows: number;
  cols: number;
  extent: [number, number, number, number];
  /** 'upper': data row 0 is at the extent's top; 'lower': at its bottom. */
  origin: 'upper' | 'lower';
  interpolation: string;
  pixels: string[];
}

/**
 * contour() (lines at each level) or contourf() (filled bands between consecutive levels) of `z` over a
 * rows × cols grid. `x`/`y` are the grid's column and row coordinates (length cols and rows), or every node's
 * coordinates (length rows × cols) for a curvilinear grid. `z` is row-major; NaN leaves a hole.
 */
export interface FigureContour extends FigureArtistBase {
  kind: 'contour';
  filled: boolean;
  rows: number;
  cols: number;
  x: number[];
  y: number[];
  z: number[];
  /** Increasing. Filled: band i covers levels[i]..levels[i+1] (extend= adds ±1e250 ends). */
  levels: number[];
  /** One per band (filled) or per level (lines). */
  colors: string[];
  linewidths: number[];
  linestyles: FigureLineStyle[];
}

export type FigureArtist = FigureFill | FigureRefLine | FigureErrorbar | FigureText | FigureImage | FigureContour;

/** A colorbar drawn at the right of its axes. */
export interface FigureColorbar {
  /** Bottom to top: a gradient (continuous), or one colour per band between `boundaries`. */
  colors: string[];
  vmin: number;
  vmax: number;
  boundaries: number[] | null;
  label: string | null;
  ticks: FigureTicks | null;
  /** Fraction of the axes' height the bar takes (colorbar(shrink=)). */
  shrink: number;
  alpha: number;
}

export interface FigureTicks {
  values: number[];
  /** null: format the values as numbers. */
  labels: string[] | null;
  /** Minor tick positions (a minor locator); absent: none. */
  minor?: number[];
}

/** One subplot, placed in a rows × cols grid (0-based row/col, spanning rowSpan × colSpan cells). */
export interface FigureAxes {
  row: number;
  col: number;
  rows: number;
  cols: number;
  rowSpan: number;
  colSpan: number;
  title: string | null;
  xlabel: string | null;
  ylabel: string | null;
  /** Limits the script set; null (or a null end) is automatic: data range plus matplotlib's 5% margins. */
  xlim: [number | null, number | null] | null;
  ylim: [number | null, number | null] | null;
  xscale: 'linear' | 'log';
  yscale: 'linear' | 'log';
  /** Fixed ticks (set_xticks/xticks, or category names); null for automatic ticks. */
  xticks: FigureTicks | null;
  yticks: FigureTicks | null;
  grid: boolean;
  /** Whether legend() was called. */
  legend: boolean;
  /** matplotlib's loc name: 'best', 'upper right', 'lower left', 'center', … */
  legendLoc: string;
  series: FigureSeries[];
  /** Artists drawn by kind (fills, reference lines, error bars, text, images, contours). When present, xlim and ylim are the final view limits. */
  artists?: FigureArtist[];
  /** Data-units ratio y/x the axes box keeps (imshow, set_aspect('equal') give 1); absent: fill the cell. */
  aspect?: number;
  /** false after axis('off'): no spines, ticks or tick labels. */
  axisOn?: boolean;
  /** For twinx(): the index in the figure's axes of the Axes whose x axis this one shares; its y axis is on the right. */
  twinOf?: number;
  colorbar?: FigureColorbar;
}

/**
 * A matplotlib figure as it stood when the script called show() or savefig(), or displayed it the way a notebook
 * does (IPython's display(), which d2l's Animator calls at each point it adds). Nothing is drawn or written by the
 * runtime.
 */
export interface FigureEvent extends Timed {
  type: 'figure';
  /** 1-based count of figure events in this run. */
  index: number;
  reason: FigureReason;
  /**
   * Set on 'display' events: the same number on consecutive displays of one figure with clear_output() between
   * them (an animation: d2l's Animator redrawing after each epoch). Each such event is a new frame of that one
   * picture, to draw in place of the previous frame; absent or different, the event is a figure of its own.
   */
  displayId?: number;
  /** The path savefig() was given, as given (nothing is written there); null for show() or a file object. */
  savefigPath: string | null;
  /** [width, height] in inches (matplotlib draws 100 px per inch by default). */
  figsize: [number, number];
  suptitle: string | null;
  axes: FigureAxes[];
}

/**
 * The first backward() of a run whose root value was NaN or ±Infinity: where training diverged. Sent once,
 * right after that step's backward event; the script itself runs on exactly as PyTorch would.
 */
export interface DivergedEvent extends Timed {
  type: 'diverged';
  step: number;
  file: string;
  line: number;
  loss: number;
}

/** Why a run paused: the user asked (Pause, Step), or one of the pause conditions held (PauseConditions). */
export type PauseReason = 'request' | 'nonFinite' | 'atStep' | 'gradNorm';

/**
 * The debugger's pause conditions, set from the panel; each run reads them while it runs (a change applies at
 * the next backward()). Backend-neutral: any runtime that can pause honours the same fields.
 */
export interface PauseConditions {
  /** Pause after a backward() whose loss is NaN or ±inf. */
  nonFinite: boolean;
  /** Pause after the backward() with this step number; null: no such pause. */
  atStep: number | null;
  /** Pause after a backward() that leaves some leaf's gradient with a norm above this; null: none. */
  gradNormAbove: number | null;
  /** Where a pause happens: when backward() returns, or when the following optimizer.step() returns. */
  pauseAt: 'backward' | 'step';
}

export const NO_PAUSE_CONDITIONS: PauseConditions = { nonFinite: false, atStep: null, gradNormAbove: null, pauseAt: 'backward' };

/**
 * The script is paused (the debugger): it waits, costing no CPU, until it is continued, stepped or stopped.
 * `line` is the user's line that called backward() or optimizer.step(); the state the run showed last (graph,
 * values, variables) is the state now: the runtime sends the step's whole graph and a `variables` event
 * first.
 */
export interface PausedEvent extends Timed {
  type: 'paused';
  step: number;
  file: string;
  line: number | null;
  /** Which call had just returned. */
  at: 'backward' | 'step';
  reason: PauseReason;
}

/** A paused script runs on (continued or stepped). */
export interface ResumedEvent extends Timed {
  type: 'resumed';
}

/**
 * The answer to a console request made while paused: what Python's interactive console would print for the
 * code evaluated in the paused frame (the repr of an expression's value, what it printed, or the traceback).
 */
export interface ConsoleEvent extends Timed {
  type: 'console';
  /** The request's id (RunControl.evaluate). */
  id: number;
  code: string;
  output: string;
  /** True when the code raised (output then ends with the traceback). */
  error: boolean;
}

/**
 * A Python warning the run showed (it is also in the stderr stream, as CPython prints it). `file` and `line`
 * are the user's: a warning raised inside the playground's own packages names the nearest user line.
 */
export interface WarningEvent extends Timed {
  type: 'warning';
  /** The warning's class, e.g. `UserWarning`, `DeprecationWarning`. */
  category: string;
  message: string;
  file: string | null;
  line: number | null;
}

/**
 * A frame of the user's code whose names a variables event lists: the locals of one call (`main()`,
 * `Net.forward`, a closure), or (kind 'module') the module-level code of another file of the script's folder
 * that was being imported. The script's own module globals are never a ScopeInfo: their entries carry no
 * `scope`, so consumers that predate scopes read them as before.
 */
export interface ScopeInfo {
  kind: 'module' | 'function';
  /** The code's qualified name as Python 3.11+ gives it (`main`, `Net.forward`, `train.<locals>.step`); `<module>` for globals. */
  name: string;
  /** The file the frame runs: the script, or another file of its folder that it imported. */
  file: string;
  /**
   * 1-based first and last line of the function's source, from its code object: `co_firstlineno` (the `def`
   * line, or its first decorator's) through the last line any of its code (nested functions' included) runs;
   * for a module, 1 and the file's last line of code.
   */
  firstLine: number;
  lastLine: number;
  /** The line the frame was at when its names were read. */
  line: number;
  /** The frame where the run's uncaught exception was raised. */
  raised?: boolean;
}

/** One tensor bound to a name in a scope of the user's code (see VariablesEvent). */
export interface VariableInfo {
  /**
   * As the script names it, with the naming of backward leaves: `w`, `params[0]`, `model.linear.weight` (an
   * nn.Module's parameters by their dotted path), `opt.lr_t` (a tensor attribute one level into an object).
   * Each tensor that has a gradient also gets an entry `<name>.grad` describing that gradient.
   */
  name: string;
  shape: number[];
  dtype: string;
  requiresGrad: boolean;
  /** `grad_fn` class name (e.g. 'MseLossBackward0'); null for leaves and tensors outside the graph. */
  gradFn: string | null;
  isLeaf: boolean;
  value: TensorSummary;
  /** The tensor's `.grad`; null when it has none (and always null for a `.grad` entry itself). */
  grad: TensorSummary | null;
  /** Index into VariablesEvent.scopes of the scope this name is bound in; absent: the module globals. */
  scope?: number;
  /** Another name of the same tensor that says what it is: `W1 = model[0].weight` gives W1 `model.0.weight`. */
  aliasOf?: string;
}

/**
 * The tensors, modules and optimizers bound to names in the user's code. Sent at the end of every run that got
 * as far as running the script (also after an uncaught exception or a stop), right before `end`, with the
 * module globals and the locals of every user frame still on the stack (at an exception: the frames it passed
 * through, the one that raised it included); and with `at: 'backward'` at each whole-graph capture, listing the
 * frame that called backward() and its callers. Capped at VARIABLES_LIMIT entries; `truncated` says how many
 * more there were.
 */
export interface VariablesEvent extends Timed {
  type: 'variables';
  file: string;
  variables: VariableInfo[];
  truncated: number;
  /** The modules and optimizers bound to names (hovers on `model`, `optimizer`). */
  objects?: ObjectInfo[];
  /**
   * The scopes that `scope` indices point into, innermost frame first (as a debugger's call stack lists them);
   * absent: every entry is a module global.
   */
  scopes?: ScopeInfo[];
  /** When the names were read: at a whole-graph capture, or when the run ended (absent: 'end'). */
  at?: 'backward' | 'end';
  /** The backward() count of a capture (at: 'backward'). */
  step?: number;
}

/** An nn.Module or optimizer bound to a name in the user's code. */
export interface ObjectInfo {
  name: string;
  /** Index into VariablesEvent.scopes; absent: the module globals. */
  scope?: number;
  kind: 'module' | 'optimizer';
  className: string;
  /** `repr()` as PyTorch prints it (cut past a few thousand characters). */
  repr: string;
  /** A module's total number of parameter elements; an optimizer's number of parameter tensors. */
  parameterCount: number;
  /** A module's parameters (the first 50) by the names variables use, with their gradient norm. */
  parameters?: Array<{ name: string; shape: number[]; gradNorm: number | null }>;
  /** An optimizer's step count (Adam's `state['step']` of its first parameter), null before any step. */
  step?: number | null;
}

/** Most entries a variables event carries (a script with thousands of tensors in globals keeps the first ones). */
export const VARIABLES_LIMIT = 500;

export type RunEvent =
  | StartEvent
  | StdoutEvent
  | StderrEvent
  | BackwardEvent
  | GraphEvent
  | ErrorEvent
  | FigureEvent
  | DivergedEvent
  | WarningEvent
  | VariablesEvent
  | PausedEvent
  | ResumedEvent
  | ConsoleEvent
  | TorchEvent
  | EndEvent;
export type RunEventType = RunEvent['type'];

/**
 * Fields that hold numbers which may be non-finite. JSON has no NaN/Infinity, so these are written as the
 * strings "nan", "inf", "-inf". Decoding is keyed by field name rather than by value so that text fields
 * (e.g. a stdout chunk that happens to be "nan") are never touched.
 */
const NON_FINITE_KEYS: ReadonlySet<string> = new Set(['loss', 'min', 'max', 'mean', 'norm']);
/** Number arrays whose elements may be non-finite, encoded element by element the same way (figure series). */
const NON_FINITE_ARRAY_KEYS: ReadonlySet<string> = new Set(['x', 'y', 'z']);

function encodeNumber(n: number): number | string {
  if (Number.isNaN(n)) return 'nan';
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  return n;
}

function decodeNumber(v: unknown): unknown {
  switch (v) {
    case 'nan':
      return NaN;
    case 'inf':
      return Infinity;
    case '-inf':
      return -Infinity;
    default:
      return v;
  }
}

/** Any JSON-ish value with non-finite numbers made representable; used for events and their parts. */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? encodeNumber(v) : v));
}

/** One event as a single line of JSON (no newline), non-finite numbers as "nan" / "inf" / "-inf". */
export function encodeEvent(event: RunEvent): string {
  return encodeJson(event);
}

/** Inverse of encodeJson, for the known non-finite-capable fields (see NON_FINITE_KEYS, NON_FINITE_ARRAY_KEYS). */
export function decodeJson(json: string): unknown {
  return JSON.parse(json, (key, v: unknown) => {
    if (NON_FINITE_KEYS.has(key)) return decodeNumber(v);
    if (NON_FINITE_ARRAY_KEYS.has(key) && Array.isArray(v)) return v.map(decodeNumber);
    return v;
  });
}

/**
 * The same encoding as encodeJson, applied to a value in memory: a copy in which non-finite numbers are the
 * strings "nan" / "inf" / "-inf". For channels that serialise with plain JSON and would turn them into null
 * (VS Code's webview postMessage does).
 */
export function encodeNonFinite<T>(value: T): T {
  return JSON.parse(encodeJson(value)) as T;
}

/**
 * Inverse of encodeNonFinite, in place, for an already parsed value (e.g. a message a webview received):
 * only the known non-finite-capable fields are touched, as in decodeJson.
 */
export function decodeNonFinite<T>(value: T): T {
  walkDecode(value, 0);
  return value;
}

function walkDecode(value: unknown, depth: number): void {
  // Event objects are shallow (a figure is the deepest, at about 6 levels); the bound only guards against cycles.
  if (depth > 64 || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const v of value) walkDecode(v, depth + 1);
    return;
  }
  const o = value as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    const v = o[key];
    if (NON_FINITE_KEYS.has(key)) o[key] = decodeNumber(v);
    else if (NON_FINITE_ARRAY_KEYS.has(key) && Array.isArray(v)) o[key] = v.map(decodeNumber);
    else walkDecode(v, depth + 1);
  }
}

/**
 * Parses one encoded event. Checks only the envelope (an object with a known `type` and a numeric `t`);
 * the body is trusted to follow the schema, as it comes from our own encoder.
 */
export function decodeEvent(json: string): RunEvent {
  const parsed = decodeJson(json);
  if (!isRunEvent(parsed)) throw new Error(`not a run event: ${json.length > 200 ? json.slice(0, 200) + '…' : json}`);
  return parsed;
}

// A record, so that a type added to RunEvent and left out here fails the type check (warning events were once
// refused by decodeEvent that way).
const EVENT_TYPE_KEYS: Record<RunEventType, true> = {
  start: true, stdout: true, stderr: true, backward: true, graph: true, error: true, figure: true, diverged: true, warning: true, variables: true,
  paused: true, resumed: true, console: true, torch: true, end: true,
};
const EVENT_TYPES: ReadonlySet<string> = new Set(Object.keys(EVENT_TYPE_KEYS));

export function isRunEvent(v: unknown): v is RunEvent {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as { type?: unknown; t?: unknown };
  return typeof o.type === 'string' && EVENT_TYPES.has(o.type) && typeof o.t === 'number';
}
