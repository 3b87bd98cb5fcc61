/**
 * When the Output panel comes forward by itself (`autogradPlayground.revealOutput`): it takes room from the editor
 * and the graph panel, so by default only on the session's first run (so that a learner finds where `print`
 * goes) and when a run fails (the traceback is there). No `vscode` here (tested under mocha).
 */
export type RevealOutput = 'always' | 'onError' | 'never';

export const REVEAL_OUTPUT_VALUES: readonly RevealOutput[] = ['always', 'onError', 'never'];

export function parseRevealOutput(v: unknown): RevealOutput {
  return REVEAL_OUTPUT_VALUES.includes(v as RevealOutput) ? (v as RevealOutput) : 'onError';
}

export function revealsOutput(setting: RevealOutput, moment: 'start' | 'failed', firstRunOfSession: boolean): boolean {
  switch (setting) {
    case 'always':
      return moment === 'start';
    case 'onError':
      return moment === 'failed' || firstRunOfSession;
    case 'never':
      return false;
  }
}
