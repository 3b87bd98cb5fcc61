/**
 * The runs of one file side by side: what the extension remembers of a file's last runs (src/extension/runs/
 * runHistory.ts) and sends the panel, which overlays their loss curves (webview/src/charts/lossView.ts). Each
 * run is labelled by what changed in the source since the run before it, found by a token diff
 * (src/extension/runs/sourceDiff.ts); the label travels as data, and the panel words it in the display language.
 * Free of Node, DOM and `vscode`, like all of src/protocol/.
 */
import type { RunInfoStatus } from './status';

/** One difference between a run's source and the run before it. Lines are 1-based, in the newer source. */
export type SourceChange =
  /**
   * A short replacement (a literal, a name) on one line. `target` is what the value is assigned to or passed
   * as (`lr` in `lr = 0.1` or `SGD(…, lr=0.1)`, `self.lr`, `cfg["lr"]`); else `call` is the function it is a
   * positional argument of (`range` in `range(50)`); else both are null.
   */
  | { kind: 'value'; line: number; before: string; after: string; target: string | null; call: string | null }
  /** Anything larger: lines added, removed or rewritten. */
  | { kind: 'edit'; line: number };

/**
 * What sets a run apart from the file's run before it: `first` (no earlier run is known), `same` (the very same
 * text), `layout` (the same tokens: only comments, spacing or blank lines changed), or the `changes` (at most
 * MAX_LABEL_CHANGES kept, in source order; `total` counts them all).
 */
export type RunLabel =
  | { kind: 'first' }
  | { kind: 'same' }
  | { kind: 'layout' }
  | { kind: 'changes'; changes: SourceChange[]; total: number };

/** Changes a label keeps (the panel shows fewer and counts the rest as "+N more"). */
export const MAX_LABEL_CHANGES = 8;

/** One run of a file as the panel lists and draws it. */
export interface HistoryRun {
  /** Unique across sessions (run ids restart with each extension host): `<startedAt>-<runId>`. */
  id: string;
  /** 1, 2, 3, … for the file's runs in the order they were started; the panel's colours follow it. */
  seq: number;
  /** Epoch milliseconds when the run was started. */
  startedAt: number;
  status: RunInfoStatus;
  label: RunLabel;
  /**
   * The loss by step, downsampled (see MAX_HISTORY_LOSS_POINTS); null where the loss was not finite. Filled when
   * the run ends: the panel draws the running run from its own events. (Not named `loss`, `x` or `y`: the
   * transport's non-finite encoding rewrites fields of those names; see events.ts.)
   */
  steps: number[];
  losses: Array<number | null>;
  /** The file's baseline: kept when older runs drop out, until it is unpinned. At most one per file. */
  pinned: boolean;
}

/** Loss points kept per remembered run (first and last always; between them, the lowest and highest of each bucket). */
export const MAX_HISTORY_LOSS_POINTS = 400;

/** The runs of the shown run's file, oldest first; `currentId` is the shown run's entry. */
export interface RunHistoryView {
  currentId: string | null;
  runs: HistoryRun[];
}

export function historyRunId(startedAt: number, runId: number): string {
  return `${startedAt}-${runId}`;
}
