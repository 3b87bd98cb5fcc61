/**
 * The table Python calls, registered by the worker as `_playground_host.binding` (its ABI, as Python sees it:
 * _playground_host.pyi beside this file). Everything of substance lives in src/engine; the entries only adapt
 * Python's calling conventions (scalars, shapes as rest arguments, index tuples) to engine calls. The table is
 * composed here from one part per domain:
 *   ops.ts          the ops `call` dispatches by name (they may create graph nodes, so they get the source line)
 *   creation.ts     new tensors from Python values
 *   random.ts       torch generators and sampling
 *   numpyRandom.ts  numpy.random's RandomState (`npr_*`)
 *   tensorMeta.ts   a tensor's attributes and the methods that are not ops
 *   optimizers.ts   the optimizers' fused per-parameter updates
 *   autograd.ts     grad_fn nodes, grad mode, backward() with its graph report, torch.autograd.grad
 *   printing.ts     torch and NumPy printing
 *   numpy.ts        NumPy's values and own algorithms (`np_*`)
 *   storage.ts      storages as bytes and tensors over them, for torch.save and torch.load
 *
 * Names, for the entries and for `call`'s op names alike: what Python calls the thing, in snake_case, so a
 * reader can find the Python side by the name.
 *   - torch's own name for a torch function, Tensor method or attribute (`matmul`, `uniform_`, `grad_fn`,
 *     `set_grad_enabled`, `T`), without leading underscores (`version` for `Tensor._version`, `getitem` and
 *     `radd` for the operator methods `__getitem__`, `__radd__`); `set_<attribute>` for an attribute's setter;
 *     `<name>_<form>` for a form of a torch function that takes another engine path (`max_dim`, `clamp_tensor`).
 *   - `<domain>_` before the name where the thing is not torch's or torch uses the name for something else:
 *     `np_` numpy and ndarray, `npr_` numpy.random.RandomState, `node_` grad_fn objects, `autograd_`
 *     torch.autograd (`autograd_grad`, as Tensor.grad takes `grad`).
 *   - A description for the playground's own building blocks, which Python composes into several features and
 *     no library names (`from_values`, `tolist_flat`, `data_of`, `tensor_id`, `summary`, `flush_graph`).
 */
import { TorchError } from '../../engine/errors';
import { sourceLocation } from '../../engine/graph';
import { Tensor } from '../../engine/tensor';
import { nonFiniteMessage } from '../../protocol/nonFiniteMessage';
import { findNonFinite } from '../report/nonFinite';
import { autograd, type AutogradHost } from './autograd';
import { creation } from './creation';
import { numpy } from './numpy';
import { numpyRandom } from './numpyRandom';
import { optimizers } from './optimizers';
import { ops, type OpName } from './ops';
import { printing } from './printing';
import { random } from './random';
import { storage } from './storage';
import { tensorMeta } from './tensorMeta';

/** What the runtime gives the binding: where backward events go (the host stamps time, step and file). */
export interface BindingHost extends AutogradHost {
  /**
   * Raise at the first op whose result holds NaN or inf (the run setting of the same name; see nonFinite.ts).
   * Read at every op, so a host may switch it between runs.
   */
  detectNonFinite?: boolean;
  /** Called every TICK_EVERY ops: the script is busy computing and the host may want to send what it holds. */
  tick?(): void;
  /**
   * Offered every TICK_EVERY ops: lets go of what the engine's WeakRefs keep alive until the script's one long
   * job ends (the host decides how often it acts; runtime/host/keptRefs.ts).
   */
  releaseKept?(force?: boolean): void;
}

const TICK_EVERY = 64;

/**
 * detectNonFinite: throws when an op's result (or, for ops that write in place and return nothing, the tensor
 * written) holds NaN or inf. Ops that return several tensors (split, unbind, max with dim) are checked each.
 */
function checkFinite(name: OpName, args: unknown[], result: unknown): void {
  const outputs: unknown[] = Array.isArray(result) ? result : [result === undefined ? args[0] : result];
  for (const out of outputs) {
    if (!(out instanceof Tensor)) continue;
    const found = findNonFinite(out);
    if (!found) continue;
    // In-place methods arrive as `iop('sub', t, …)`; the script wrote `t.sub_(…)` or `t -= …`.
    const op = name === 'iop' && typeof args[0] === 'string' ? `${args[0]}_` : name;
    throw new TorchError('RuntimeError', nonFiniteMessage(op, out.gradFn ? out.gradFn.name : null, found));
  }
}

export function createBinding(host?: BindingHost) {
  const tick = host?.tick;
  const releaseKept = host?.releaseKept;
  let calls = 0;
  return {
    /** Op dispatch: sets the source line for any graph nodes the op creates (-1: line tracking is off). */
    call(line: number, name: OpName, ...args: unknown[]): unknown {
      if (++calls % TICK_EVERY === 0) {
        tick?.();
        releaseKept?.();
      }
      sourceLocation.line = line >= 0 ? line : null;
      const result = (ops[name] as (...a: unknown[]) => unknown)(...args);
      if (host?.detectNonFinite === true) checkFinite(name, args, result);
      return result;
    },
    /** The Python exception an engine error stands for; null for an error not the engine's. */
    error_type(e: unknown): string | null {
      return e instanceof TorchError ? e.pyType : null;
    },
    ...creation,
    ...random,
    ...numpyRandom,
    ...tensorMeta,
    ...autograd(host),
    ...printing,
    ...numpy,
    ...storage,
    ...optimizers,
  };
}

export type Binding = ReturnType<typeof createBinding>;
