/**
 * Autograd from Python: grad_fn objects (`node_*`), grad mode, backward() and torch.autograd.grad, and the
 * graph reporting a backward() triggers. The only part with state per binding: the host's GraphReporter.
 */
import { backward, backwardObservers, grad, type BackwardObserver } from '../../engine/backward';
import { TorchError } from '../../engine/errors';
import { gradMode, ModuleCall, moduleCalls, Node, NodePostHook, NodePreHook, sourceLocation } from '../../engine/graph';
import { CustomNode, errorNode, recordCustom } from '../../engine/ops/custom';
import { Tensor } from '../../engine/tensor';
import { graphOutline, outlineLeaves } from '../report/graphCapture';
import { GraphReporter, type GraphReporterHost, type LeafNamer, type ScopeSnapshot } from '../report/graphReporter';
import { readStats, type ValueStats } from '../report/tensorSummary';

/** What a pause check may ask about the step that just ran; each is computed only when asked. */
export interface StepProbe {
  /** The root's value when it has one element, else null. */
  loss(): number | null;
  /** The largest norm of a leaf's gradient in the step's graph (0 when none has one). */
  maxGradNorm(): number;
}

/** pauseCheck's answers; Python's `_playground.pause` reads the number backward() returns. */
export const PAUSE_NONE = 0;
/** Pause as soon as backward() returns. */
export const PAUSE_NOW = 1;
/** Pause when the next optimizer.step() returns (or at the next backward(), if none comes before it). */
export const PAUSE_AFTER_STEP = 2;

/** What reporting needs of the binding's host (see BindingHost in binding.ts). */
export interface AutogradHost extends GraphReporterHost {
  /**
   * The debugger: asked after every backward() (reported or not) whether the script should pause there. Reads
   * shared cells only, so a run nobody pauses pays no crossing for it; absent: never pauses.
   */
  pauseCheck?(probe: StepProbe): number;
  /**
   * False: backward() sends no event (no graph capture, no summaries); used to measure their cost. Read at
   * every backward(), so a host may switch it between runs.
   */
  instrument?: boolean;
}

/** Adds `item` to `list`; returns what removes it again (a RemovableHandle's `remove`). */
function addRemovable<T>(list: T[], item: T): () => void {
  list.push(item);
  return () => {
    const i = list.indexOf(item);
    if (i >= 0) list.splice(i, 1);
  };
}

let nextModuleCall = 1;

export function autograd(host: AutogradHost | undefined) {
  const reporter = host !== undefined ? new GraphReporter(host) : null;
  const reporting = (): GraphReporter | null => (host?.instrument !== false ? reporter : null);
  return {
    node_name: (n: Node) => n.name,
    node_next: (n: Node) => n.next.map((x) => x ?? undefined),
    /** Which output of each `node_next` entry the edge feeds (next_functions' second items). */
    node_next_nr: (n: Node) => n.next.map((_, i) => n.nextNr?.[i] ?? 0),
    node_num_outputs: (n: Node) => n.numOutputs,
    node_variable: (n: Node) => n.variable ?? undefined,
    node_id: (n: Node) => n.id,
    /** For Python state kept per node (a custom Function's ctx, `metadata`): tells when the node is gone. */
    node_weakref: (n: Node) => new WeakRef(n),
    /** `ctx.saved_tensors` of a custom Function's node. */
    node_saved: (n: Node) => {
      if (!(n instanceof CustomNode)) throw new TorchError('RuntimeError', `${n.name} has no saved_tensors`);
      return n.savedTensors().map((t) => t ?? undefined);
    },
    node_register_prehook: (n: Node, hook: NodePreHook) => addRemovable((n.nodePreHooks ??= []), hook),
    node_register_hook: (n: Node, hook: NodePostHook) => addRemovable((n.postHooks ??= []), hook),
    /** `grad_fn(*grads)`: the node's backward formula applied directly. */
    node_call: (n: Node, grads: ArrayLike<Tensor | null | undefined>) => {
      if (n.variable) throw new TorchError('NotImplementedError', 'calling an AccumulateGrad node directly is not supported by Autograd Playground');
      return n.apply(Array.from(grads, (g) => g ?? null)).map((g) => g ?? undefined);
    },
    /**
     * Records `Function.apply` once its forward ran: `backward` is the Python dispatcher, called with the node
     * and the output gradients, returning one gradient per tensor input. Returns the node (none when no
     * gradient is needed) and the outputs to hand back, views where the forward returned an input.
     */
    autograd_function_apply(
      line: number,
      name: string,
      inputs: ArrayLike<Tensor>,
      outputs: ArrayLike<Tensor | null | undefined>,
      nonDifferentiable: ArrayLike<boolean>,
      dirty: ArrayLike<Tensor>,
      saved: ArrayLike<Tensor | null | undefined>,
      materializeGrads: boolean,
      backward: (node: CustomNode, grads: Array<Tensor | undefined>) => ArrayLike<Tensor | null | undefined>,
    ) {
      sourceLocation.line = line >= 0 ? line : null;
      const r = recordCustom({
        name,
        inputs: Array.from(inputs),
        outputs: Array.from(outputs, (o) => o ?? null),
        nonDifferentiable: Array.from(nonDifferentiable),
        dirty: Array.from(dirty),
        saved: Array.from(saved, (t) => t ?? null),
        materializeGrads,
        backward: (grads, node) => Array.from(backward(node, grads.map((g) => g ?? undefined)), (g) => g ?? null),
      });
      return { node: r.node ?? undefined, outputs: r.outputs.map((o) => o ?? undefined) };
    },
    /** once_differentiable under create_graph: `inputs` come back through a node whose backward raises. */
    autograd_error_node: (message: string, inputs: ArrayLike<Tensor>) => errorNode(message, Array.from(inputs)),

    is_grad_enabled: () => gradMode.enabled,
    /** A module call starts running (see graph.ts `moduleCalls`); returns the call it nests in. */
    module_call_enter: (className: string, line: number, name?: string | null, oneNode?: boolean, defLine?: number): ModuleCall | null => {
      const parent = moduleCalls.current;
      const call: { -readonly [K in keyof ModuleCall]: ModuleCall[K] } = {
        id: nextModuleCall++,
        className,
        line: line >= 0 ? line : null,
        parent,
        name: name ?? null,
        defLine: defLine !== undefined && defLine >= 0 ? defLine : null,
        oneNode: null,
      };
      call.oneNode = parent?.oneNode ?? (oneNode ? call : null);
      moduleCalls.current = call;
      return parent;
    },
    module_call_exit: (previous: ModuleCall | null | undefined) => {
      moduleCalls.current = previous ?? null;
    },
    set_grad_enabled: (v: boolean) => {
      const prev = gradMode.enabled;
      gradMode.enabled = v;
      return prev;
    },
    /**
     * Runs backward() and reports it; the report asks the run's leaf namer (reset_graph_reporting) for the
     * names the script gives its leaves only when it needs them (see GraphReporter).
     */
    backward(line: number, root: Tensor, gradient: Tensor | null, retainGraph: boolean | null, createGraph: boolean): number {
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
      return host?.pauseCheck ? host.pauseCheck(stepProbe(root)) : PAUSE_NONE;
    },
    /** At the end of a run: the last step's whole graph, when its backward event went without it. */
    flush_graph(): void {
      reporter?.flush();
    },
    /**
     * Before each run; `namer` is the run's leaf namer (Python's _playground.naming.name_leaves), `snapshot`
     * sends the variables of the frames that called backward() at each whole graph
     * (_playground.variables.snapshot_at_backward).
     */
    reset_graph_reporting(namer?: LeafNamer | null, snapshot?: ScopeSnapshot | null): void {
      reporter?.reset(namer ?? null, snapshot ?? null);
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

function stepProbe(root: Tensor): StepProbe {
  return {
    loss: () => (root.numel === 1 ? root.item() : null),
    maxGradNorm: () => {
      let most = 0;
      const stats: ValueStats = { min: 0, max: 0, mean: 0, norm: 0 };
      for (const leaf of outlineLeaves(graphOutline(root))) {
        const g = leaf.grad;
        const norm = g ? (readStats(g, stats)?.norm ?? 0) : 0;
        if (!(norm <= most)) most = norm; // NaN counts as above any threshold
      }
      return most;
    },
  };
}
