/**
 * Where a run stands, as the extension (status bar, output, RunInfo) and the panel (header) both say it, and
 * how a run's `end` event decides it. One mapping, so the two sides cannot disagree about how a run ended.
 */
import type { EndEvent } from './events';

/** 'finished': the script ran to the end (even if training diverged); 'failed': uncaught exception. */
export type RunInfoStatus = 'running' | 'finished' | 'stopped' | 'failed';

/** The status a run has once its `end` event arrived: ok → finished, error → failed, stopped → stopped. */
export function runStatusOf(end: Pick<EndEvent, 'status'>): Exclude<RunInfoStatus, 'running'> {
  switch (end.status) {
    case 'ok':
      return 'finished';
    case 'stopped':
      return 'stopped';
    default:
      return 'failed';
  }
}
