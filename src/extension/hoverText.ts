/**
 * Everything hovers and gradient annotations say, as plain strings: which name the mouse is on (`w`,
 * `model.linear.weight`, `w.grad`, `params[0]`), which tensor of the last run's `variables` event that is,
 * and the Markdown shown for it (PyTorch's own prints from the event's summaries, and a small chart of the
 * gradient norm over the steps). No `vscode` here: extension.ts wraps the Markdown in a MarkdownString.
 */
import type { BackwardEvent, VariableInfo } from '../protocol/events';
import { t } from './l10n';
import type { BackwardSummary, HistoryPoint } from './runState';
import { formatNumber, torchDtype, torchSize } from './textFormat';

// ---- Which name is under the cursor ----

export interface NameAtPosition {
  /** The dotted name up to and including the hovered segment: `model.linear` when on `linear` of `model.linear.weight`. */
  name: string;
  /** Names to try, best first: `name`, then `name[i]` when a constant subscript follows (`params[0]`). */
  candidates: string[];
  /** 0-based [start, end) of `name` in the line. */
  start: number;
  end: number;
  /** The hovered segment alone (`weight`). */
  segment: string;
  /** Whether a call follows the hovered segment (`loss.backward()` on `backward`). */
  isCall: boolean;
}

const ID_START = /[\p{L}\p{Nl}_]/u;
const ID_PART = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]/u;

function isIdPart(ch: string | undefined): boolean {
  return ch !== undefined && ID_PART.test(ch);
}

/**
 * For each character of a line of Python, whether it is code (not inside a string literal or a comment).
 * Strings that continue from or onto other lines (triple quotes) are not known here; good enough for hovers.
 */
export function codeMask(line: string): boolean[] {
  const mask = new Array<boolean>(line.length).fill(true);
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (ch === '#') {
      for (let j = i; j < line.length; j++) mask[j] = false;
      break;
    }
    if (ch === '"' || ch === "'") {
      const triple = line.startsWith(ch.repeat(3), i);
      const close = triple ? ch.repeat(3) : ch;
      let j = i + close.length;
      while (j < line.length && !line.startsWith(close, j)) j += line[j] === '\\' ? 2 : 1;
      const end = Math.min(line.length, j + close.length);
      for (let k = i; k < end; k++) mask[k] = false;
      i = end;
      continue;
    }
    i++;
  }
  return mask;
}

/** Start of the identifier that ends right before `end` (exclusive), or -1 when there is none. */
function identifierStartBefore(line: string, end: number): number {
  let s = end;
  while (s > 0 && isIdPart(line[s - 1])) s--;
  if (s === end || !ID_START.test(line[s])) return -1;
  return s;
}

/** A constant subscript `[0]`, `['w']` or `["w"]` ending right before `end`: its start and the normalised text. */
function subscriptBefore(line: string, end: number): { start: number; text: string } | null {
  const m = /\[\s*(\d+|'[^'\\]*'|"[^"\\]*")\s*\]$/.exec(line.slice(0, end));
  if (!m) return null;
  return { start: end - m[0].length, text: normaliseSubscript(m[1]) };
}

function subscriptAfter(line: string, start: number): string | null {
  const m = /^\[\s*(\d+|'[^'\\]*'|"[^"\\]*")\s*\]/.exec(line.slice(start));
  return m ? normaliseSubscript(m[1]) : null;
}

/** As Python's repr writes the key, which is how the variables event names dict entries (`d['w']`). */
function normaliseSubscript(inner: string): string {
  if (inner.startsWith('"')) return `['${inner.slice(1, -1)}']`;
  if (inner.startsWith("'")) return `[${inner}]`;
  return `[${Number(inner)}]`;
}

/** The dotted name at `character` (0-based) of `line`, or null when the cursor is not on a plain name. */
export function nameAt(line: string, character: number): NameAtPosition | null {
  if (character < 0 || character >= line.length || !isIdPart(line[character])) return null;
  if (!codeMask(line)[character]) return null;
  let end = character;
  while (end < line.length && isIdPart(line[end])) end++;
  // -1 for a number such as 1e5 or 1.5e3 (it starts with a digit).
  const start = identifierStartBefore(line, end);
  if (start < 0) return null;
  const segment = line.slice(start, end);
  let name = segment;
  let left = start;
  while (left > 0 && line[left - 1] === '.') {
    const dot = left - 1;
    let partEnd = dot;
    let sub = '';
    if (line[dot - 1] === ']') {
      const s = subscriptBefore(line, dot);
      if (!s) return null; // attribute of an indexing expression we cannot name
      sub = s.text;
      partEnd = s.start;
    }
    const s = identifierStartBefore(line, partEnd);
    if (s < 0) return null; // attribute of a call result, a literal, …: not a variable
    name = line.slice(s, partEnd) + sub + '.' + name;
    left = s;
  }
  const candidates = [name];
  const after = subscriptAfter(line, end);
  if (after) candidates.push(name + after);
  let k = end;
  while (k < line.length && line[k] === ' ') k++;
  return { name, candidates, start: left, end, segment, isCall: line[k] === '(' };
}

// ---- Which variable that is ----

export interface VariableMatch {
  variable: VariableInfo;
  /** The name as written in the code (`self.w`, `w`). */
  written: string;
  /** A note when the match went through `self` (`self.w` is `model.w` in this run). */
  via: string | null;
}

/**
 * The variable for the first candidate that names one. `self.x` (inside a class) has no global name; when
 * exactly one object in the run has an `x` (`model.x`), that is shown, else the first such.
 */
export function lookupVariable(variables: readonly VariableInfo[], candidates: readonly string[]): VariableMatch | null {
  const byName = new Map(variables.map((v) => [v.name, v]));
  for (const c of candidates) {
    const v = byName.get(c);
    if (v) return { variable: v, written: c, via: null };
  }
  for (const c of candidates) {
    if (!c.startsWith('self.')) continue;
    const rest = c.slice('self'.length);
    const found = variables.filter((v) => v.name.endsWith(rest) && /^[^.[\]]+$/.test(v.name.slice(0, v.name.length - rest.length)));
    if (found.length) return { variable: found[0], written: c, via: found[0].name };
  }
  return null;
}

// ---- Charts ----

const BLOCKS = '▁▂▃▄▅▆▇█';

export interface ChartScale {
  log: boolean;
  min: number;
  max: number;
}

/** Log scale when every value is positive and they span more than two decades (gradient norms usually do). */
export function chartScale(values: ReadonlyArray<number | null>): ChartScale | null {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (!finite.length) return null;
  let min = Math.min(...finite);
  let max = Math.max(...finite);
  const log = min > 0 && max / min > 100;
  if (log) {
    min = Math.log10(min);
    max = Math.log10(max);
  }
  return { log, min, max };
}

function scaled(v: number, s: ChartScale): number {
  const x = s.log ? Math.log10(v) : v;
  return s.max === s.min ? 0.5 : (x - s.min) / (s.max - s.min);
}

/** Evenly spaced points, first and last included. */
function sample<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return items.slice();
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(items[Math.round((i * (items.length - 1)) / (n - 1))]);
  return out;
}

/** A unicode sparkline (`▇▅▃▂▁▁`); non-finite values show as `×`, missing ones as a space. */
export function sparkline(values: ReadonlyArray<number | null>, width = 24): string {
  const s = chartScale(values);
  return sample(values, width)
    .map((v) => {
      if (v === null) return ' ';
      if (!Number.isFinite(v)) return '×';
      if (!s) return BLOCKS[0];
      return BLOCKS[Math.min(BLOCKS.length - 1, Math.max(0, Math.round(scaled(v, s) * (BLOCKS.length - 1))))];
    })
    .join('');
}

/** A small line chart as an SVG document: the series by step, gaps where values are missing or not finite. */
export function chartSvg(points: readonly HistoryPoint[], width = 220, height = 44): string {
  const pts = sample(points, width);
  const s = chartScale(pts.map((p) => p.value));
  const pad = 3;
  const first = pts.length ? pts[0].step : 0;
  const last = pts.length ? pts[pts.length - 1].step : 1;
  const x = (step: number): number => pad + (last === first ? (width - 2 * pad) / 2 : ((step - first) / (last - first)) * (width - 2 * pad));
  const y = (v: number): number => height - pad - (s ? scaled(v, s) : 0.5) * (height - 2 * pad);
  let d = '';
  let penDown = false;
  const marks: string[] = [];
  for (const p of pts) {
    if (p.value === null || !Number.isFinite(p.value)) {
      penDown = false;
      if (p.value !== null) marks.push(`<circle cx="${x(p.step).toFixed(1)}" cy="${pad + 1}" r="1.5" fill="#f14c4c"/>`);
      continue;
    }
    d += `${penDown ? 'L' : 'M'}${x(p.step).toFixed(1)} ${y(p.value).toFixed(1)}`;
    penDown = true;
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" fill="none" stroke="#8888" rx="2"/>` +
    (d ? `<path d="${d}" fill="none" stroke="#3794ff" stroke-width="1.5" stroke-linejoin="round"/>` : '') +
    marks.join('') +
    `</svg>`
  );
}

export function chartDataUri(points: readonly HistoryPoint[]): string {
  return `data:image/svg+xml;base64,${Buffer.from(chartSvg(points), 'utf8').toString('base64')}`;
}

/** One line of Markdown: the chart image (with the sparkline as its text alternative) and first → last. */
function chartLine(title: string, points: readonly HistoryPoint[]): string {
  const values = points.map((p) => p.value);
  const scale = chartScale(values);
  const spark = sparkline(values);
  const head = points[0];
  const tail = points[points.length - 1];
  const range = t('step {0}: {1} → step {2}: {3}', head.step, formatNumber(head.value), tail.step, formatNumber(tail.value));
  const heading = scale?.log ? t('{0} (log scale)', title) : title;
  return `${heading}  \n![${spark}](${chartDataUri(points)})  \n${range}`;
}

// ---- Hover Markdown ----

export interface VariableHoverInput {
  match: VariableMatch;
  /** Gradient norms by step of the tensor (or of the tensor whose `.grad` this is), from backward events. */
  gradHistory: readonly HistoryPoint[] | null;
  /** The run's losses by step, shown for a tensor that is the loss. */
  lossHistory: readonly HistoryPoint[] | null;
  /** The node of this tensor in the last backward graph, for the "Show in graph" link. */
  nodeId: number | null;
  /** The run's document key, so the link shows that run's graph whichever run the panel was showing. */
  runKey: string;
  runLabel: string;
  /** The document changed since the run took its text. */
  stale: boolean;
  /** The run is still going (values are from its end only once it ends). */
  running: boolean;
}

/** A command link; VS Code runs it only for commands the MarkdownString trusts (see extension.ts). */
export function commandLink(title: string, command: string, args?: readonly unknown[]): string {
  const query = args ? `?${encodeURIComponent(JSON.stringify(args))}` : '';
  return `[${title}](command:${command}${query})`;
}

function fence(text: string): string {
  return '```python\n' + text + '\n```';
}

function code(text: string): string {
  return '`' + text.replace(/`/g, "'") + '`';
}

export function variableHover(input: VariableHoverInput): string {
  const v = input.match.variable;
  const parts: string[] = [];
  const gradFn = v.gradFn ? `grad_fn=<${v.gradFn}>` : 'grad_fn=None';
  parts.push(
    `**${code(input.match.written)}**` +
      (input.match.via ? ` ${t('(in this run: {0})', code(input.match.via))}` : '') +
      ` — ${code(torchSize(v.shape))} · ${code(torchDtype(v.dtype))} · ${code(`requires_grad=${v.requiresGrad ? 'True' : 'False'}`)} · ${code(gradFn)}`,
  );
  parts.push(fence(v.value.text));
  if (v.grad) parts.push(`**${code(`${input.match.written}.grad`)}**\n\n${fence(v.grad.text)}`);
  else if (v.requiresGrad && v.isLeaf) parts.push(t('{0} is None: no backward() reached this tensor.', code(`${input.match.written}.grad`)));
  if (input.gradHistory && input.gradHistory.length >= 2) {
    parts.push(chartLine(t('Gradient norm over {0} steps', input.gradHistory[input.gradHistory.length - 1].step), input.gradHistory));
  }
  if (input.lossHistory && input.lossHistory.length >= 2) {
    parts.push(chartLine(t('Loss over {0} steps', input.lossHistory[input.lossHistory.length - 1].step), input.lossHistory));
  }
  if (input.nodeId !== null) parts.push(commandLink(t('Show in graph'), 'autogradPlayground.showNode', [input.nodeId, input.runKey]));
  parts.push(footer(input.runLabel, input.stale, input.running));
  return parts.join('\n\n');
}

/** `w.grad` when `w` has no gradient: say so rather than showing nothing. */
export function missingGradHover(written: string, runLabel: string, stale: boolean, running: boolean): string {
  return [t('{0} is None at the end of the run.', code(written)), footer(runLabel, stale, running)].join('\n\n');
}

export function backwardHover(summary: BackwardSummary | null, runLabel: string, stale: boolean, running: boolean): string {
  const parts: string[] = [];
  if (!summary) {
    parts.push(t('This backward() was not reached in the last run.'));
  } else {
    parts.push(
      `**backward()** — ${t('step {0}: a graph of {1} nodes ({2} operations, {3} leaf tensors)', summary.step, summary.nodes, summary.ops, summary.leaves)}` +
        (summary.hiddenNodes ? `; ${t('{0} nodes beyond the node limit are not drawn', summary.hiddenNodes)}` : '') +
        (summary.loss !== null ? ` · ${t('loss {0}', formatNumber(summary.loss))}` : ''),
    );
  }
  parts.push(commandLink(t('Open the graph panel'), 'autogradPlayground.showPanel'));
  parts.push(footer(runLabel, stale, running));
  return parts.join('\n\n');
}

function footer(runLabel: string, stale: boolean, running: boolean): string {
  if (stale) return `*${t('The document has changed since the run of {0}; these values are from that run.', runLabel)}*`;
  if (running) return `*${t('From the run of {0}, still running: values as of its latest step.', runLabel)}*`;
  return `*${t('From the last run of {0}.', runLabel)}*`;
}

// ---- Gradient annotations (end-of-line decorations) ----

export interface LineAnnotation {
  /** 1-based. */
  line: number;
  text: string;
}

const ANNOTATION_MAX = 80;

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > ANNOTATION_MAX ? flat.slice(0, ANNOTATION_MAX - 1) + '…' : flat;
}

/** `w.grad = tensor([...])` after the line that created each named leaf, from the last backward() of the run. */
export function gradientAnnotations(last: BackwardEvent | null): LineAnnotation[] {
  if (!last) return [];
  const lineOf = new Map<number, number | null>(last.graph.nodes.map((n) => [n.id, n.line]));
  const byLine = new Map<number, string[]>();
  for (const leaf of last.leaves) {
    const line = lineOf.get(leaf.id);
    if (!leaf.name || !leaf.grad || line === null || line === undefined) continue;
    const list = byLine.get(line) ?? [];
    list.push(`${leaf.name}.grad = ${oneLine(leaf.grad.text)}`);
    byLine.set(line, list);
  }
  return [...byLine.entries()].sort((a, b) => a[0] - b[0]).map(([line, texts]) => ({ line, text: texts.join('   ') }));
}

// ---- Documents ----

/** Whether a script imports torch (the CodeLens is shown only on those). */
export function importsTorch(text: string): boolean {
  return /^[ \t]*(?:import[ \t]+torch\b|from[ \t]+torch(?:\.\w+)*[ \t]+import\b)/m.test(text);
}

/**
 * While a run is going there is no `variables` event yet; its latest backward graph already describes the
 * named leaves (the parameters being trained), so hovers on those work during training too.
 */
export function variablesFromGraph(e: BackwardEvent | null): VariableInfo[] {
  if (!e) return [];
  // A leaf's `.grad` is what `leaves` reports (accumulated); the node's own `grad` is only this step's share.
  const accumulated = new Map(e.leaves.map((l) => [l.id, l.grad]));
  const out: VariableInfo[] = [];
  for (const n of e.graph.nodes) {
    if (n.kind !== 'leaf' || !n.name || !n.value) continue;
    const grad = accumulated.get(n.id) ?? n.grad ?? null;
    out.push({ name: n.name, shape: n.shape, dtype: n.dtype, requiresGrad: true, gradFn: null, isLeaf: true, value: n.value, grad });
    if (grad) {
      out.push({ name: `${n.name}.grad`, shape: grad.shape, dtype: grad.dtype, requiresGrad: false, gradFn: null, isLeaf: true, value: grad, grad: null });
    }
  }
  return out;
}
