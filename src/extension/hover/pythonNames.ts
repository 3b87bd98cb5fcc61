/**
 * Which name of a line of Python the mouse is on (`w`, `model.linear.weight`, `w.grad`, `params[0]`), which
 * tensor of a run's variables that name is, and whether a script imports torch. Plain text in, no `vscode`.
 */
import type { VariableInfo } from '../../protocol/events';

// ---- Which name is under the cursor ----

export interface NameAtPosition {
  /** The dotted name up to and including the hovered segment: `model.linear` when on `linear` of `model.linear.weight`. */
  name: string;
  /** Names to try, best first: `name`, then `name[i]` when a constant subscript follows (`params[0]`). */
  candidates: string[];
  /** 0-based [start, end) of `name` in the line. */
  start: number;
  end: number;
  /** The hovered segment alone (`weight`). */
  segment: string;
  /** Whether a call follows the hovered segment (`loss.backward()` on `backward`). */
  isCall: boolean;
}

const ID_START = /[\p{L}\p{Nl}_]/u;
const ID_PART = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]/u;

function isIdPart(ch: string | undefined): boolean {
  return ch !== undefined && ID_PART.test(ch);
}

/**
 * For each character of a line of Python, whether it is code (not inside a string literal or a comment).
 * Strings that continue from or onto other lines (triple quotes) are not known here; good enough for hovers.
 */
export function codeMask(line: string): boolean[] {
  const mask = new Array<boolean>(line.length).fill(true);
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (ch === '#') {
      for (let j = i; j < line.length; j++) mask[j] = false;
      break;
    }
    if (ch === '"' || ch === "'") {
      const triple = line.startsWith(ch.repeat(3), i);
      const close = triple ? ch.repeat(3) : ch;
      let j = i + close.length;
      while (j < line.length && !line.startsWith(close, j)) j += line[j] === '\\' ? 2 : 1;
      const end = Math.min(line.length, j + close.length);
      for (let k = i; k < end; k++) mask[k] = false;
      i = end;
      continue;
    }
    i++;
  }
  return mask;
}

/** Start of the identifier that ends right before `end` (exclusive), or -1 when there is none. */
function identifierStartBefore(line: string, end: number): number {
  let s = end;
  while (s > 0 && isIdPart(line[s - 1])) s--;
  if (s === end || !ID_START.test(line[s])) return -1;
  return s;
}

/** A constant subscript `[0]`, `['w']` or `["w"]` ending right before `end`: its start and the normalised text. */
function subscriptBefore(line: string, end: number): { start: number; text: string } | null {
  const m = /\[\s*(\d+|'[^'\\]*'|"[^"\\]*")\s*\]$/.exec(line.slice(0, end));
  if (!m) return null;
  return { start: end - m[0].length, text: normaliseSubscript(m[1]) };
}

function subscriptAfter(line: string, start: number): string | null {
  const m = /^\[\s*(\d+|'[^'\\]*'|"[^"\\]*")\s*\]/.exec(line.slice(start));
  return m ? normaliseSubscript(m[1]) : null;
}

/** As Python's repr writes the key, which is how the variables event names dict entries (`d['w']`). */
function normaliseSubscript(inner: string): string {
  if (inner.startsWith('"')) return `['${inner.slice(1, -1)}']`;
  if (inner.startsWith("'")) return `[${inner}]`;
  return `[${Number(inner)}]`;
}

/** The dotted name at `character` (0-based) of `line`, or null when the cursor is not on a plain name. */
export function nameAt(line: string, character: number): NameAtPosition | null {
  if (character < 0 || character >= line.length || !isIdPart(line[character])) return null;
  if (!codeMask(line)[character]) return null;
  let end = character;
  while (end < line.length && isIdPart(line[end])) end++;
  // -1 for a number such as 1e5 or 1.5e3 (it starts with a digit).
  const start = identifierStartBefore(line, end);
  if (start < 0) return null;
  const segment = line.slice(start, end);
  let name = segment;
  let left = start;
  while (left > 0 && line[left - 1] === '.') {
    const dot = left - 1;
    let partEnd = dot;
    let sub = '';
    if (line[dot - 1] === ']') {
      const s = subscriptBefore(line, dot);
      if (!s) return null; // attribute of an indexing expression we cannot name
      sub = s.text;
      partEnd = s.start;
    }
    const s = identifierStartBefore(line, partEnd);
    if (s < 0) return null; // attribute of a call result, a literal, …: not a variable
    name = line.slice(s, partEnd) + sub + '.' + name;
    left = s;
  }
  const candidates = [name];
  const after = subscriptAfter(line, end);
  if (after) candidates.push(name + after);
  let k = end;
  while (k < line.length && line[k] === ' ') k++;
  return { name, candidates, start: left, end, segment, isCall: line[k] === '(' };
}

// ---- Which variable that is ----

export interface VariableMatch {
  variable: VariableInfo;
  /** The name as written in the code (`self.w`, `w`). */
  written: string;
  /** A note when the match went through `self` (`self.w` is `model.w` in this run). */
  via: string | null;
}

/**
 * The variable for the first candidate that names one. `self.x` (inside a class) has no global name; when
 * exactly one object in the run has an `x` (`model.x`), that is shown, else the first such.
 */
export function lookupVariable(variables: readonly VariableInfo[], candidates: readonly string[]): VariableMatch | null {
  const byName = new Map(variables.map((v) => [v.name, v]));
  for (const c of candidates) {
    const v = byName.get(c);
    if (v) return { variable: v, written: c, via: null };
  }
  for (const c of candidates) {
    if (!c.startsWith('self.')) continue;
    const rest = c.slice('self'.length);
    const found = variables.filter((v) => v.name.endsWith(rest) && /^[^.[\]]+$/.test(v.name.slice(0, v.name.length - rest.length)));
    if (found.length) return { variable: found[0], written: c, via: found[0].name };
  }
  return null;
}

// ---- Scripts ----

/** Whether a script imports torch (the CodeLens is shown only on those). */
export function importsTorch(text: string): boolean {
  return /^[ \t]*(?:import[ \t]+torch\b|from[ \t]+torch(?:\.\w+)*[ \t]+import\b)/m.test(text);
}
