/**
 * Autograd from Python: grad_fn objects (`node_*`), grad mode, backward() and torch.autograd.grad, and the
 * graph reporting a backward() triggers. The only part with state per binding: the host's GraphReporter.
 */
import { backward, backwardObservers, grad, type BackwardObserver } from '../../engine/backward';
import { gradMode, Node } from '../../engine/graph';
import { Tensor } from '../../engine/tensor';
import { GraphReporter, type GraphReporterHost, type LeafNamer } from '../report/graphReporter';

/** What reporting needs of the binding's host (see BindingHost in binding.ts). */
export interface AutogradHost extends GraphReporterHost {
  /**
   * False: backward() sends no event (no graph capture, no summaries); used to measure their cost. Read at
   * every backward(), so a host may switch it between runs.
   */
  instrument?: boolean;
}

export function autograd(host: AutogradHost | undefined) {
  const reporter = host !== undefined ? new GraphReporter(host) : null;
  const reporting = (): GraphReporter | null => (host?.instrument !== false ? reporter : null);
  return {
    node_name: (n: Node) => n.name,
    node_next: (n: Node) => n.next.map((x) => x ?? undefined),
    node_variable: (n: Node) => n.variable ?? undefined,
    node_id: (n: Node) => n.id,

    is_grad_enabled: () => gradMode.enabled,
    set_grad_enabled: (v: boolean) => {
      const prev = gradMode.enabled;
      gradMode.enabled = v;
      return prev;
    },
    /**
     * Runs backward() and reports it; the report asks the run's leaf namer (reset_graph_reporting) for the
     * names the script gives its leaves only when it needs them (see GraphReporter).
     */
    backward(line: number, root: Tensor, gradient: Tensor | null, retainGraph: boolean | null, createGraph: boolean): void {
      const reporter = reporting();
      let nodeGrads: ReadonlyMap<Node, Tensor> | null = null;
      const observer: BackwardObserver = {
        wantsNodeGrads: true,
        after: (info) => {
          nodeGrads = info.nodeGrads;
        },
      };
      if (reporter) backwardObservers.add(observer);
      try {
        backward(root, gradient ?? null, retainGraph ?? undefined, createGraph);
      } finally {
        backwardObservers.delete(observer);
      }
      reporter?.afterBackward(line, root, nodeGrads);
    },
    /** At the end of a run: the last step's whole graph, when its backward event went without it. */
    flush_graph(): void {
      reporter?.flush();
    },
    /** Before each run; `namer` is the run's leaf namer (Python's _playground.naming.name_leaves). */
    reset_graph_reporting(namer?: LeafNamer | null): void {
      reporter?.reset(namer ?? null);
    },
    autograd_grad: (
      outputs: Tensor[],
      inputs: Tensor[],
      gradOutputs: Array<Tensor | null> | null,
      retainGraph: boolean | null,
      createGraph: boolean,
      allowUnused: boolean,
    ) => grad(Array.from(outputs), Array.from(inputs), gradOutputs ? Array.from(gradOutputs) : null, retainGraph ?? null, createGraph, allowUnused).map((g) => g ?? undefined),
  };
}
