/**
 * Which steps keep their whole graph, so the panel's step slider can show the graph at any of them: the
 * first, the last and any pinned (the diverged step's), and of the others at most `max`, spread evenly over
 * the run. The extension's run record and the webview's state both thin with it, so what the panel holds
 * after a reload is what it held live. Pure: no Node, no DOM.
 */

/** Whole graphs kept besides the first, the last and the pinned ones. */
export const KEPT_GRAPH_STEPS = 30;

/**
 * The steps of `steps` to keep. The others are kept one per bucket of `stride` steps (the bucket's first), the
 * stride the smallest power of two that leaves at most `max` buckets. Applied again after each new step, it
 * only ever drops steps: a step dropped once never comes back, and as the run grows the stride doubles, so
 * what stays is spread evenly by step rather than crowded at the end.
 */
export function keptGraphSteps(steps: readonly number[], pinned: ReadonlySet<number> = new Set(), max = KEPT_GRAPH_STEPS): Set<number> {
  const kept = new Set<number>();
  if (steps.length === 0) return kept;
  const sorted = [...new Set(steps)].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  kept.add(first).add(last);
  for (const s of sorted) if (pinned.has(s)) kept.add(s);
  const rest = sorted.filter((s) => !kept.has(s));
  if (rest.length <= max) {
    for (const s of rest) kept.add(s);
    return kept;
  }
  let stride = 1;
  while (buckets(rest, stride) > Math.max(1, max)) stride *= 2;
  let bucket = NaN;
  for (const s of rest) {
    const b = Math.floor(s / stride);
    if (b === bucket) continue;
    bucket = b;
    kept.add(s);
  }
  return kept;
}

function buckets(sorted: readonly number[], stride: number): number {
  let n = 0;
  let bucket = NaN;
  for (const s of sorted) {
    const b = Math.floor(s / stride);
    if (b !== bucket) {
      n++;
      bucket = b;
    }
  }
  return n;
}

/** The kept step nearest `step` (the earlier one on a tie); null when none is kept. */
export function nearestStep(steps: readonly number[], step: number): number | null {
  let best: number | null = null;
  for (const s of steps) {
    if (best === null || Math.abs(s - step) < Math.abs(best - step) || (Math.abs(s - step) === Math.abs(best - step) && s < best)) best = s;
  }
  return best;
}
