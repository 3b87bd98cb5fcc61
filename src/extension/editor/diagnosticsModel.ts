/**
 * Which problems a run puts in the editor, independent of VS Code's Diagnostic class (editor/diagnostics.ts maps
 * these onto it): an uncaught exception is an Error on its line, a Python warning a Warning on its line; a run
 * that diverged gets a Warning on the
 * backward() line that first saw a NaN/inf loss, with the likely causes and a quick fix to find the op.
 */
import type { RunEvent } from '../../protocol/events';
import { isNonFiniteMessage } from '../../protocol/nonFiniteMessage';
import { t } from '../l10n';
import { formatNumber } from '../textFormat';

/** `code` of each kind of diagnostic, so code actions can recognise theirs. */
export type DiagnosticCode = 'exception' | 'diverged' | 'nonFinite' | 'warning';

export const DIAGNOSTIC_SOURCE = 'Autograd Playground';

export interface DiagnosticSpec {
  /** 1-based, as in events. */
  line: number;
  severity: 'error' | 'warning';
  message: string;
  code: DiagnosticCode;
  /** The step of a `diverged` warning. */
  step?: number;
}

/** Diagnostics for the document that was run as `file` (events from other files, if any, are not its). */
export function diagnosticsFor(file: string, events: readonly RunEvent[]): DiagnosticSpec[] {
  const out: DiagnosticSpec[] = [];
  for (const e of events) {
    if (e.type === 'error') {
      if (e.line === null || e.file !== file) continue;
      const nonFinite = e.errorType === 'RuntimeError' && isNonFiniteMessage(e.message);
      out.push({
        line: e.line,
        severity: 'error',
        message: nonFinite ? t('NaN or inf first appears here: {0}', e.message) : `${e.errorType}: ${e.message}`,
        code: nonFinite ? 'nonFinite' : 'exception',
      });
    } else if (e.type === 'warning') {
      if (e.line === null || e.file !== file) continue;
      out.push({ line: e.line, severity: 'warning', message: `${e.category}: ${e.message}`, code: 'warning' });
    } else if (e.type === 'diverged') {
      if (e.file !== file) continue;
      out.push({
        line: e.line,
        severity: 'warning',
        message: t(
          'Training diverged at step {0}: the loss became {1}. Likely causes: a learning rate that is too large, or input features that are not scaled (standardize them to mean 0 and std 1). PyTorch goes on computing with NaN, and so did this run.',
          e.step,
          formatNumber(e.loss),
        ),
        code: 'diverged',
        step: e.step,
      });
    }
  }
  return out;
}

/** The edit Python's "Did you mean" asks for: where the misspelt name is on its line, and what to write there. */
export interface SuggestionFix {
  /** Columns of the misspelt name on the line (0-based, end exclusive). */
  start: number;
  end: number;
  wrong: string;
  right: string;
}

const SUGGESTION = /(?:name '([A-Za-z_]\w*)' is not defined|has no attribute '([A-Za-z_]\w*)')\. Did you mean: '([A-Za-z_][\w.]*)'\?/;

/**
 * The fix for a NameError or AttributeError whose message carries Python's suggestion ("name 'los' is not
 * defined. Did you mean: 'loss'?"), on the error's line: the first use of the name there (after a dot for an
 * attribute, not after one for a name). Null when the message has no suggestion or the line has no such use.
 */
export function suggestionFix(message: string, lineText: string): SuggestionFix | null {
  const m = SUGGESTION.exec(message);
  if (!m) return null;
  const attribute = m[2] !== undefined;
  const wrong = (m[1] ?? m[2])!;
  const use = new RegExp(attribute ? `\\.\\s*${wrong}(?!\\w)` : `(?<![\\w.])${wrong}(?!\\w)`);
  const hit = use.exec(lineText);
  if (!hit) return null;
  const start = hit.index + hit[0].length - wrong.length;
  return { start, end: start + wrong.length, wrong, right: m[3] };
}
