/**
 * Train Model on a selection: the selected lines alone, at their own line numbers (every other line left blank,
 * so tracebacks, graph nodes and hovers point at the document's lines), dedented by the indentation they share
 * so that lines selected inside a function body run as a script. No `vscode` here (tested under mocha).
 */

/** 0-based, inclusive. */
export interface LineRange {
  start: number;
  end: number;
}

/**
 * The lines a selection means: those it touches, less a last line it only reaches at column 0 (what selecting
 * whole lines with the mouse or Shift+Down leaves). Null for an empty selection.
 */
export function selectedLines(start: { line: number; character: number }, end: { line: number; character: number }): LineRange | null {
  if (start.line === end.line && start.character === end.character) return null;
  const last = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
  return { start: start.line, end: last };
}

export function selectionSource(text: string, range: LineRange): string {
  const lines = text.split(/\r?\n/);
  const chosen = lines.slice(range.start, range.end + 1);
  const indents = chosen.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0]);
  let common = indents[0] ?? '';
  for (const ind of indents) {
    let n = 0;
    while (n < common.length && n < ind.length && common[n] === ind[n]) n++;
    common = common.slice(0, n);
  }
  return lines
    .map((l, i) => (i < range.start || i > range.end ? '' : l.startsWith(common) ? l.slice(common.length) : l.trimStart()))
    .join('\n');
}
