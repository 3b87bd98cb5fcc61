/**
 * Everything hovers and gradient annotations say, as plain strings: the Markdown shown for a tensor of the
 * last run's `variables` event (PyTorch's own prints from the event's summaries, and a small chart of the
 * gradient norm over the steps) or for a backward() call, and the end-of-line annotation text. No `vscode`
 * here: editor/hovers.ts wraps the Markdown in a MarkdownString.
 */
import type { BackwardEvent, ObjectInfo, VariableInfo } from '../../protocol/events';
import { t } from '../l10n';
import type { BackwardSummary, HistoryPoint } from '../runs/runRecord';
import { formatNumber, torchDtype, torchSize } from '../textFormat';
import { chartDataUri, chartScale, sparkline } from './hoverCharts';
import type { VariableMatch } from './pythonNames';

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
  /** The hovered name is `x` of `x[0]`, which names part of the tensor shown: `x[0]`. */
  partOf?: string | null;
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

/** A command link; VS Code runs it only for commands the MarkdownString trusts (see editor/hovers.ts). */
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
  if (v.aliasOf) parts.push(t('{0} is {1}.', code(input.match.written), code(v.aliasOf)));
  if (input.partOf) parts.push(t('{0} is part of {1}; this is all of {1}.', code(input.partOf), code(input.match.written)));
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

/**
 * A module (`model`): its class, parameter count, PyTorch's repr and each parameter's shape and gradient norm;
 * an optimizer (`optimizer`): its class, its hyperparameters per group (its repr) and its step count.
 */
export function objectHover(o: ObjectInfo, runLabel: string, stale: boolean, running: boolean, written: string = o.name): string {
  const parts: string[] = [];
  // `self` in a method of the module's class: which object it was in this run.
  const shown = written === o.name ? `**${code(o.name)}**` : `**${code(written)}** ${t('(in this run: {0})', code(o.name))}`;
  if (o.kind === 'module') {
    parts.push(`${shown} — ${t('module {0} · {1} parameters', code(o.className), o.parameterCount.toLocaleString('en-US'))}`);
    parts.push(fence(o.repr));
    const rows = (o.parameters ?? []).map((p) => `- ${code(p.name)} ${code(torchSize(p.shape))}` + (p.gradNorm === null ? '' : ` · ‖grad‖ ${formatNumber(p.gradNorm)}`));
    if (rows.length) parts.push(rows.join('\n'));
  } else {
    const step = o.step === null || o.step === undefined ? '' : ` · ${t('after {0} steps', o.step)}`;
    parts.push(`${shown} — ${t('optimizer {0} over {1} parameter tensors', code(o.className), o.parameterCount)}${step}`);
    parts.push(fence(o.repr));
  }
  parts.push(footer(runLabel, stale, running));
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

/**
 * While a run is going there is no `variables` event yet; its latest backward graph already describes the
 * named leaves (the parameters being trained) and named inputs, so hovers on those work during training too.
 */
export function variablesFromGraph(e: BackwardEvent | null): VariableInfo[] {
  if (!e) return [];
  // A leaf's `.grad` is what `leaves` reports (accumulated); the node's own `grad` is only this step's share.
  const accumulated = new Map(e.leaves.map((l) => [l.id, l.grad]));
  const out: VariableInfo[] = [];
  for (const n of e.graph.nodes) {
    if (n.kind !== 'leaf' || !n.name || !n.value) continue;
    const grad = accumulated.get(n.id) ?? n.grad ?? null;
    // An input node (X, y) is a tensor that does not require grad.
    out.push({ name: n.name, shape: n.shape, dtype: n.dtype, requiresGrad: !n.input, gradFn: null, isLeaf: true, value: n.value, grad });
    if (grad) {
      out.push({ name: `${n.name}.grad`, shape: grad.shape, dtype: grad.dtype, requiresGrad: false, gradFn: null, isLeaf: true, value: grad, grad: null });
    }
  }
  return out;
}
