/**
 * Ops recorded as one autograd node with several outputs, as PyTorch records them: `unsafe_split` /
 * `unsafe_chunk` (UnsafeSplitBackward0, the gate split of PyTorch's recurrent cells) and the unbind of a
 * sequence into its steps (UnbindBackward0). The backward joins the pieces' gradients with one cat or stack
 * (zeros for pieces that got none), where a node per piece would build a gradient of the whole input per piece
 * and add them up: for an RNN over T steps that is T whole-sequence gradients, quadratic in T.
 *
 * The pieces never leave torch._VF, so they are plain views of the input without view-tracking rules of their
 * own (the script's `split`, `chunk` and `unbind` stay a node per piece; see views.ts).
 */
import { zeros } from '../creation';
import { edgesTo, gradMode, GradList, Node, OutputSlot, rebaseView, withGradMode } from '../graph';
import { normalizeDim } from '../shape';
import { Tensor } from '../tensor';
import { cat, chunk, split, stack, unbind } from './views';

class JoinNode extends Node {
  constructor(
    name: string,
    input: Tensor,
    private readonly pieces: ReadonlyArray<{ shape: readonly number[] }>,
    private readonly join: (grads: Tensor[]) => Tensor,
  ) {
    const { next, nextNr } = edgesTo([input]);
    super(name, next, [], null);
    this.nextNr = nextNr;
    if (pieces.length > 1) this.extraOutputs = pieces.slice(1).map((): OutputSlot => ({ preHooks: null, retainedOutput: null }));
  }

  override apply(grads: GradList): GradList {
    const dtype = grads.find((g) => g !== null)?.dtype ?? 'float32';
    return [this.join(this.pieces.map((p, i) => grads[i] ?? zeros(p.shape.slice(), dtype)))];
  }
}

function recordPieces(name: string, input: Tensor, pieces: Tensor[], join: (grads: Tensor[]) => Tensor): Tensor[] {
  if (!gradMode.enabled || pieces.length === 0) return pieces;
  if (input.base !== null && input.historyVersion !== input.base.historyVersion) rebaseView(input);
  if (!input.requiresGrad) return pieces;
  const node = new JoinNode(name, input, pieces.map((p) => ({ shape: p.shape.slice() })), join);
  node.output = new WeakRef(pieces[0]);
  node.outShape = pieces[0].shape;
  node.outDtype = pieces[0].dtype;
  pieces.forEach((p, i) => {
    p.requiresGrad = true;
    p.gradFn = node;
    p.outputNr = i;
  });
  return pieces;
}

/** `torch.unsafe_chunk(t, chunks, dim)`: chunk's pieces from one UnsafeSplitBackward0 node. */
export function unsafeChunk(t: Tensor, chunks: number, dim = 0): Tensor[] {
  const d = normalizeDim(dim, t.ndim);
  const pieces = withGradMode(false, () => chunk(t, chunks, d));
  return recordPieces('UnsafeSplitBackward0', t, pieces, (grads) => cat(grads, d));
}

/** `torch.unsafe_split(t, size, dim)`: split's pieces from one UnsafeSplitBackward0 node. */
export function unsafeSplit(t: Tensor, sizeOrSections: number | readonly number[], dim = 0): Tensor[] {
  const d = normalizeDim(dim, t.ndim);
  const pieces = withGradMode(false, () => split(t, sizeOrSections, d));
  return recordPieces('UnsafeSplitBackward0', t, pieces, (grads) => cat(grads, d));
}

/** A sequence's steps from one UnbindBackward0 node, as ATen's recurrent layers unbind their input. */
export function unbindSteps(t: Tensor, dim = 0): Tensor[] {
  const d = normalizeDim(dim, t.ndim);
  const pieces = withGradMode(false, () => unbind(t, d));
  return recordPieces('UnbindBackward0', t, pieces, (grads) => stack(grads, d));
}
