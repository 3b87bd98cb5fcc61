/**
 * What keeps a long run's memory flat, and what measures it.
 *
 * The engine links a graph node to its output with a WeakRef (graph.ts, ops/inplace.ts), so that a node does not
 * keep its output alive. But V8 keeps every object a WeakRef was created for, or deref()ed, alive until the
 * current synchronous job ends (the spec's KeepDuringJob set), and a whole Python script is one synchronous job
 * in the worker: without help, every step's tensors would live until the run ends (tens of KB per step of a
 * small MLP). A microtask checkpoint clears that set (V8's ClearKeptObjects); a node:vm context whose
 * microtasks run "afterEvaluate" performs one at the end of every script run in it, on the same isolate, so
 * running a trivial script there releases the kept objects without leaving the job.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/**
 * Release at most this often. One release costs a few microseconds; the binding offers one every 64 ops, and
 * this keeps the cost under about 1% of a loop of tiny ops, while a loop of big ops (where what is kept weighs
 * most) releases every 64 ops.
 */
export const RELEASE_EVERY_MS = 1;

/** Returns `release(force?)`: clears the kept WeakRef targets if RELEASE_EVERY_MS has passed (or when forced). */
export function keptRefsReleaser(): (force?: boolean) => void {
  const context = vm.createContext({}, { microtaskMode: 'afterEvaluate' });
  const script = new vm.Script('0');
  let last = -Infinity;
  return (force = false) => {
    const now = performance.now();
    if (!force && now - last < RELEASE_EVERY_MS) return;
    last = now;
    script.runInContext(context);
  };
}

let collect: (() => void) | null = null;

/**
 * The worker's live bytes after a full garbage collection: JavaScript heap plus the memory outside it that V8
 * accounts (tensor data, Pyodide's WebAssembly memory). For tests and the bench; gc is made reachable only on
 * the first call, so a run that never asks is untouched.
 */
export function retainedBytes(): { heap: number; external: number } {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  collect();
  const s = v8.getHeapStatistics();
  return { heap: s.used_heap_size, external: s.external_memory };
}
