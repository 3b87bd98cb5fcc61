// Hand-built run events for the webview tests: a tiny linear model's graph, as the runtime describes it.
import { elidedGraph, type BackwardEvent, type FigureAxes, type FigureEvent, type FigureSeries, type GraphEvent, type GraphNode, type TensorSummary } from '../../src/protocol/events';
import type { RunInfo } from './protocol';

export function summary(values: number[], shape: number[] = [values.length], text?: string): TensorSummary {
  const finite = values.filter((v) => Number.isFinite(v));
  return {
    shape,
    dtype: 'float32',
    numel: values.length,
    text: text ?? `tensor(${values.length === 1 && shape.length === 0 ? values[0].toFixed(4) : `[${values.map((v) => v.toFixed(4)).join(', ')}]`})`,
    min: finite.length ? Math.min(...finite) : null,
    max: finite.length ? Math.max(...finite) : null,
    mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
    norm: Math.sqrt(values.reduce((a, b) => a + b * b, 0)),
  };
}

/**
 * loss = ((x @ w + b) - y).pow(2).mean() with leaves w (line 3) and b (line 4); op ids grow with the step
 * as the runtime's do, leaf ids stay put.
 */
export function backward(step: number, loss: number, opts: { truncated?: boolean } = {}): BackwardEvent {
  const base = 100 * step;
  const ids = { mean: base + 5, pow: base + 4, sub: base + 3, add: base + 2, mm: base + 1, w: 1, b: 2 };
  const op = (id: number, gradFn: string, shape: number[], line: number): GraphNode => ({
    id, kind: 'op', gradFn, name: null, shape, dtype: 'float32', line, value: summary(shape.length ? [1, 2] : [loss], shape), grad: summary(shape.length ? [0.5, -0.5] : [1], shape),
  });
  const nodes: GraphNode[] = [
    op(ids.mean, 'MeanBackward0', [], 8),
    op(ids.pow, 'PowBackward0', [2], 8),
    op(ids.sub, 'SubBackward0', [2], 8),
    op(ids.add, 'AddBackward0', [2], 7),
    op(ids.mm, 'MmBackward0', [2], 7),
    { id: ids.w, kind: 'leaf', gradFn: null, name: 'w', shape: [2, 1], dtype: 'float32', line: 3, value: summary([0.5 - step * 0.01, -1]), grad: summary([step, -step]) },
    { id: ids.b, kind: 'leaf', gradFn: null, name: 'b', shape: [1], dtype: 'float32', line: 4, value: summary([0.1 * step]), grad: summary([2 * step]) },
  ];
  const edges: Array<[number, number]> = [
    [ids.pow, ids.mean],
    [ids.sub, ids.pow],
    [ids.add, ids.sub],
    [ids.mm, ids.add],
    [ids.b, ids.add],
    [ids.w, ids.mm],
  ];
  const graph = opts.truncated
    ? { rootId: ids.mean, nodes: nodes.slice(0, 3), edges: edges.slice(0, 2), truncated: { shownNodes: 3, hiddenNodes: 4 } }
    : { rootId: ids.mean, nodes, edges, truncated: null };
  return {
    type: 'backward',
    t: step * 10,
    step,
    file: 'train.py',
    line: 9,
    loss,
    graph,
    leaves: [
      { id: ids.w, name: 'w', shape: [2, 1], grad: summary([step, -step], [2, 1]) },
      { id: ids.b, name: 'b', shape: [1], grad: summary([2 * step], [1]) },
    ],
  };
}

export function run(runId = 1): RunInfo {
  return { runId, file: '/work/train.py', label: 'train.py', status: 'running', startedAt: 1_700_000_000_000 };
}

export function series(partial: Partial<FigureSeries>): FigureSeries {
  const x = partial.x ?? [0, 1, 2];
  return {
    kind: 'line',
    x,
    y: [1, 4, 9],
    pointCount: x.length,
    label: null,
    color: '#1f77b4',
    linestyle: '-',
    marker: null,
    alpha: 1,
    linewidth: 1.5,
    size: 6,
    colors: null,
    sizes: null,
    widths: null,
    bottoms: null,
    ...partial,
  };
}

export function axes(partial: Partial<FigureAxes>): FigureAxes {
  return {
    row: 0,
    col: 0,
    rows: 1,
    cols: 1,
    rowSpan: 1,
    colSpan: 1,
    title: null,
    xlabel: null,
    ylabel: null,
    xlim: null,
    ylim: null,
    xscale: 'linear',
    yscale: 'linear',
    xticks: null,
    yticks: null,
    grid: false,
    legend: false,
    legendLoc: 'best',
    series: [],
    ...partial,
  };
}

export function figure(partial: Partial<FigureEvent>): FigureEvent {
  return { type: 'figure', t: 0, index: 1, reason: 'show', savefigPath: null, figsize: [6.4, 4.8], suptitle: null, axes: [], ...partial };
}

/** A step as the runtime sends it between whole graphs: the graph's size, and leaf stats without text. */
export function lightBackward(step: number, loss: number): BackwardEvent {
  const e = backward(step, loss);
  return {
    ...e,
    graph: elidedGraph(e.graph.rootId, e.graph.nodes.length),
    leaves: e.leaves.map((l) => ({ ...l, grad: l.grad && { ...l.grad, text: '' } })),
  };
}

/** The `graph` event that completes a step sent without its graph. */
export function graphEvent(step: number): GraphEvent {
  const { graph, leaves, line, file } = backward(step, 0);
  return { type: 'graph', t: step * 10 + 5, step, file, line, graph, leaves };
}
