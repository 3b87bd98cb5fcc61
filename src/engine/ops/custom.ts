/**
 * `torch.autograd.Function`: a graph node whose backward formula the host supplies (the user's Python
 * `backward`), with what PyTorch does around it: outputs that are inputs, `mark_dirty`, non-differentiable
 * outputs, saved tensors checked on unpacking, materialized output gradients, and returned gradients reduced
 * to their input's shape and cast to its dtype. Also the `Error` node that `once_differentiable` leaves.
 */
import { DType, isFloating } from '../dtype';
import { runtimeError } from '../errors';
import { edgesTo, gradMode, GradList, Node, OutputSlot } from '../graph';
import { formatShapeList, sameShape, Shape } from '../shape';
import { fullTensor, Tensor } from '../tensor';
import { cast } from './elementwise';
import { sumToShape } from './reduce';
import { viewOf } from './views';

/** Shape and dtype of a tensor the node met (an input or an output); null for a non-tensor output. */
export type TensorMeta = { shape: number[]; dtype: DType } | null;

/** The host's backward: output gradients in, one gradient per tensor input out (null: none). */
export type CustomBackward = (grads: GradList, node: CustomNode) => GradList;

export interface CustomFunctionCall {
  /** The grad_fn class name, `<Function>Backward`. */
  name: string;
  /** The forward's tensor arguments, in order: the node's inputs. */
  inputs: Tensor[];
  /** The forward's outputs, in order; null for an output that is not a tensor. */
  outputs: Array<Tensor | null>;
  /** Per output: marked with `ctx.mark_non_differentiable`. */
  nonDifferentiable: boolean[];
  /** Tensors given to `ctx.mark_dirty` (inputs the forward changed in place). */
  dirty: Tensor[];
  /** `ctx.save_for_backward`'s arguments; null for a None. */
  saved: Array<Tensor | null>;
  /** `ctx.set_materialize_grads`: missing output gradients reach backward as zeros (true) or None. */
  materializeGrads: boolean;
  backward: CustomBackward;
}

export class CustomNode extends Node {
  readonly inputMeta: TensorMeta[];
  readonly outputMeta: TensorMeta[];
  /** Where each of `ctx.save_for_backward`'s arguments is among the saved tensors; null for a None. */
  private readonly savedAt: Array<number | null>;

  constructor(
    name: string,
    inputs: Tensor[],
    outputMeta: TensorMeta[],
    saved: Array<Tensor | null>,
    private readonly materializeGrads: boolean,
    private readonly backward: CustomBackward,
  ) {
    const { next, nextNr } = edgesTo(inputs);
    const tensors: Tensor[] = [];
    const savedAt = saved.map((t) => (t === null ? null : tensors.push(t) - 1));
    super(name, next, tensors, null);
    this.nextNr = nextNr;
    this.savedAt = savedAt;
    this.inputMeta = inputs.map((t) => ({ shape: t.shape.slice(), dtype: t.dtype }));
    this.outputMeta = outputMeta;
    if (outputMeta.length > 1) {
      this.extraOutputs = outputMeta.slice(1).map((): OutputSlot => ({ preHooks: null, retainedOutput: null }));
    }
  }

  /** `ctx.saved_tensors`: PyTorch's errors once they are freed or were modified in place. */
  savedTensors(): Array<Tensor | null> {
    const tensors = this.unpackSaved();
    return this.savedAt.map((i) => (i === null ? null : tensors[i]));
  }

  override apply(grads: GradList): GradList {
    const inGrads = grads.map((g, i) => {
      const meta = this.outputMeta[i];
      return g === null && this.materializeGrads && meta !== null ? fullTensor(meta.shape, 0, meta.dtype) : g;
    });
    const result = this.backward(inGrads, this);
    return this.next.map((edge, i) => {
      const g = result[i] ?? null;
      return edge === null || g === null ? null : this.validGradient(g, i);
    });
  }

  /** PyTorch's validate_outputs: a gradient broadcast over its input is summed back, then cast to its dtype. */
  private validGradient(g: Tensor, i: number): Tensor {
    const { shape, dtype } = this.inputMeta[i]!;
    if (!sameShape(g.shape, shape)) {
      if (!expandableTo(shape, g.shape)) {
        throw runtimeError(
          `Function ${this.name} returned an invalid gradient at index ${i} - got ${formatShapeList(g.shape)} but expected shape compatible with ${formatShapeList(shape)}`,
        );
      }
      g = sumToShape(g, shape);
    }
    return g.dtype === dtype ? g : cast(g, dtype);
  }
}

function expandableTo(shape: Shape, target: Shape): boolean {
  if (shape.length > target.length) return false;
  for (let i = 1; i <= shape.length; i++) {
    const s = shape[shape.length - i];
    if (s !== 1 && s !== target[target.length - i]) return false;
  }
  return true;
}

/** A view of `t` with no history: what PyTorch returns for an input a forward hands back unchanged. */
function selfView(t: Tensor): Tensor {
  return viewOf(t, t.shape, t.strides, t.offset);
}

/**
 * The outputs `Function.apply` returns, and the node when one is recorded (grad mode on and some input
 * requiring grad). Outputs that are inputs become views of them, except those marked dirty, which take the
 * node as their grad_fn themselves.
 */
export function recordCustom(call: CustomFunctionCall): { node: CustomNode | null; outputs: Array<Tensor | null> } {
  const { inputs, dirty } = call;
  const executable = gradMode.enabled && inputs.some((t) => t.requiresGrad);
  for (const t of dirty) {
    if (!call.outputs.includes(t)) {
      throw runtimeError('Some elements marked as dirty during the forward method were not returned as output. The inputs that are modified inplace must all be outputs of the Function.');
    }
  }
  if (!executable) {
    return { node: null, outputs: call.outputs.map((o) => (o !== null && inputs.includes(o) ? selfView(o) : o)) };
  }
  const outputs = call.outputs.map((o) => {
    if (o === null || !inputs.includes(o)) return o;
    if (!dirty.includes(o)) return selfView(o);
    if (o.isLeaf && o.requiresGrad) throw runtimeError('a leaf Variable that requires grad has been used in an in-place operation.');
    if (o.base !== null && o.base.requiresGrad) {
      throw runtimeError(
        'Autograd Playground does not yet track gradients through an in-place change to a view of a tensor that requires grad; ' +
          'clone the input before the Function changes it in place.',
      );
    }
    return o;
  });
  // The node's edges are taken (in its constructor) before a dirty input's history is rebased onto it.
  const differentiable = outputs.map((o, i) => o !== null && !call.nonDifferentiable[i] && isFloating(o.dtype));
  const meta: TensorMeta[] = outputs.map((o) => (o === null ? null : { shape: o.shape.slice(), dtype: o.dtype }));
  for (const t of dirty) t.bumpVersion();
  const node = new CustomNode(call.name, inputs, meta, call.saved, call.materializeGrads, call.backward);
  const attached = outputs.filter((o, i): o is Tensor => o !== null && differentiable[i]);
  if (attached.length) {
    node.output = new WeakRef(attached[0]);
    node.outShape = attached[0].shape;
    node.outDtype = attached[0].dtype;
  }
  if (call.saved.some((t) => t !== null && attached.includes(t))) {
    node.savedIsOutput = call.saved.filter((t): t is Tensor => t !== null).map((t) => attached.includes(t));
  }
  outputs.forEach((o, i) => {
    if (o === null || !differentiable[i]) return;
    o.requiresGrad = true;
    o.gradFn = node;
    o.outputNr = i;
  });
  return { node, outputs };
}

/**
 * `once_differentiable`'s guard under create_graph: the gradients come back through an `Error` node whose
 * backward raises `message`. `inputs` are detached copies that require grad, so the node is recorded.
 */
export function errorNode(message: string, inputs: Tensor[]): Tensor[] {
  const { next, nextNr } = edgesTo(inputs);
  const node = new Node('Error', next, [], () => {
    throw runtimeError(message);
  });
  node.nextNr = nextNr;
  if (inputs.length > 1) node.extraOutputs = inputs.slice(1).map((): OutputSlot => ({ preHooks: null, retainedOutput: null }));
  return inputs.map((t, i) => {
    const out = new Tensor(t.data, t.shape.slice(), t.strides.slice(), t.offset, t.dtype);
    out.requiresGrad = true;
    out.gradFn = node;
    out.outputNr = i;
    if (i === 0) {
      node.output = new WeakRef(out);
      node.outShape = out.shape;
      node.outDtype = out.dtype;
    }
    return out;
  });
}
