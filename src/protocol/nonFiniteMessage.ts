/**
 * The text of the errors that `detectNonFinite` runs raise ("Find where NaN first appears", see
 * runtime/report/nonFinite.ts): the runtime writes it, the extension recognises it to reveal the line.
 */

export interface NonFiniteFound {
  nan: boolean;
  inf: boolean;
}

/** Every message starts with this, so consumers can tell these errors from the script's own RuntimeErrors. */
export const NON_FINITE_MESSAGE_PREFIX = 'non-finite values detected: ';

/**
 * `op` is the operation as the script called it (`log`, `sub_`), `gradFn` its grad_fn class when the result
 * is part of the graph (`LogBackward0`).
 */
export function nonFiniteMessage(op: string, gradFn: string | null, found: NonFiniteFound): string {
  const what = found.nan && found.inf ? 'NaN and inf' : found.nan ? 'NaN' : 'inf';
  const name = gradFn ? `${gradFn} (${op})` : op;
  return `${NON_FINITE_MESSAGE_PREFIX}${name} returned ${what} values. This is the first operation in the run whose result is not finite (the run was started with NaN/inf detection on).`;
}

export function isNonFiniteMessage(message: string): boolean {
  return message.startsWith(NON_FINITE_MESSAGE_PREFIX);
}
