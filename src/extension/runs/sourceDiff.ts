/**
 * What changed between two runs of a script, as a run's label says it (`lr = 0.1 → 0.01`): Python source cut
 * into tokens (names, numbers, strings, operators, logical line ends; comments and spacing dropped), the two
 * token lists diffed (common prefix and suffix, then a longest common subsequence of what is left), and each
 * short replacement named by the assignment or keyword it sits in. No `vscode` here (tested under mocha).
 */
import { MAX_LABEL_CHANGES, type RunLabel, type SourceChange } from '../../protocol/runHistory';

export type TokenKind = 'name' | 'number' | 'string' | 'op' | 'newline';

export interface Token {
  kind: TokenKind;
  text: string;
  /** 1-based line of the token's first character. */
  line: number;
  /** Offsets of the token in the source: [start, end). */
  start: number;
  end: number;
}

// Longest first, so that `**=` is one token and not `**` then `=`.
const OPERATORS = [
  '**=', '//=', '>>=', '<<=', '...',
  '->', ':=', '**', '//', '==', '!=', '<=', '>=', '<<', '>>', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=',
];
const SINGLE_OPS = '+-*/%@&|^~<>()[]{},:;.=!';
const OPENERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

const NAME_START = /[\p{L}\p{Nl}_]/u;
const NAME_PART = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]/u;
const NUMBER = /^(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?[jJ]?)/;
const STRING_PREFIX = /^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])?(?:'''|"""|'|")/;

/**
 * Python's tokens, enough to compare two versions of a script: a `newline` token ends each logical line (none
 * inside brackets or after a backslash continuation, one for a run of blank lines). Text Python would refuse
 * (an unclosed string, a stray character) still gives tokens: the rest of the line, or the character.
 */
export function tokenize(source: string): Token[] {
  const out: Token[] = [];
  let depth = 0;
  let line = 1;
  let i = 0;
  const n = source.length;
  const push = (kind: TokenKind, start: number, end: number, at: number): void => {
    out.push({ kind, text: source.slice(start, end), line: at, start, end });
  };
  while (i < n) {
    const c = source[i];
    if (c === '\n' || c === '\r') {
      if (depth === 0 && out.length && out[out.length - 1].kind !== 'newline') push('newline', i, i, line);
      i += c === '\r' && source[i + 1] === '\n' ? 2 : 1;
      line++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\f') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < n && source[i] !== '\n' && source[i] !== '\r') i++;
      continue;
    }
    if (c === '\\' && (source[i + 1] === '\n' || source[i + 1] === '\r')) {
      i += source[i + 1] === '\r' && source[i + 2] === '\n' ? 3 : 2;
      line++;
      continue;
    }
    const rest = source.slice(i, i + 4);
    const prefix = STRING_PREFIX.exec(rest);
    if (prefix && (prefix[0].length > 1 || c === '"' || c === "'")) {
      const start = i;
      const startLine = line;
      const quote = prefix[0].endsWith('"""') || prefix[0].endsWith("'''") ? prefix[0].slice(-3) : prefix[0].slice(-1);
      i += prefix[0].length;
      while (i < n) {
        const d = source[i];
        if (d === '\\') {
          if (source[i + 1] === '\n') line++;
          i += 2;
          continue;
        }
        if (source.startsWith(quote, i)) {
          i += quote.length;
          break;
        }
        if (d === '\n') {
          // A one-quote string cannot span lines: unclosed, it ends here.
          if (quote.length === 1) break;
          line++;
        }
        i++;
      }
      push('string', start, Math.min(i, n), startLine);
      continue;
    }
    if (/\d/.test(c) || (c === '.' && /\d/.test(source[i + 1] ?? ''))) {
      const m = NUMBER.exec(source.slice(i, i + 200));
      const len = m ? m[0].length : 1;
      push('number', i, i + len, line);
      i += len;
      continue;
    }
    if (NAME_START.test(c)) {
      const start = i;
      i++;
      while (i < n && NAME_PART.test(source[i])) i++;
      push('name', start, i, line);
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i)) ?? (SINGLE_OPS.includes(c) ? c : null);
    if (op) {
      if (op === '(' || op === '[' || op === '{') depth++;
      else if (op in OPENERS) depth = Math.max(0, depth - 1);
      push('op', i, i + op.length, line);
      i += op.length;
      continue;
    }
    // Not Python (a `$`, a stray `?`): one token per character, so the diff still sees it.
    push('op', i, i + 1, line);
    i++;
  }
  if (out.length && out[out.length - 1].kind !== 'newline') push('newline', n, n, line);
  return out;
}

/** A stretch that differs: tokens a[aStart, aEnd) of the older list became b[bStart, bEnd) of the newer. */
export interface Hunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** Above this many cells (middle of a × middle of b) the LCS table would be too big: the middle is one hunk. */
export const MAX_LCS_CELLS = 4_000_000;

const same = (x: Token, y: Token): boolean => x.kind === y.kind && x.text === y.text;

/** The hunks that turn `a` into `b`, in order: common prefix and suffix first, then an LCS of the middle. */
export function diffTokens(a: Token[], b: Token[]): Hunk[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && same(a[pre], b[pre])) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && same(a[a.length - 1 - suf], b[b.length - 1 - suf])) suf++;
  const n = a.length - pre - suf;
  const m = b.length - pre - suf;
  if (n === 0 && m === 0) return [];
  if (n === 0 || m === 0 || n * m > MAX_LCS_CELLS) return [{ aStart: pre, aEnd: pre + n, bStart: pre, bEnd: pre + m }];
  // lcs[i * (m + 1) + j]: length of the LCS of a's middle from i and b's middle from j.
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = same(a[pre + i], b[pre + j]) ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    }
  }
  const hunks: Hunk[] = [];
  let open: Hunk | null = null;
  let i = 0;
  let j = 0;
  const close = (): void => {
    if (open) hunks.push(open);
    open = null;
  };
  while (i < n || j < m) {
    if (i < n && j < m && same(a[pre + i], b[pre + j])) {
      close();
      i++;
      j++;
      continue;
    }
    open ??= { aStart: pre + i, aEnd: pre + i, bStart: pre + j, bEnd: pre + j };
    if (j < m && (i === n || lcs[i * w + j + 1] >= lcs[(i + 1) * w + j])) {
      j++;
      open.bEnd = pre + j;
    } else {
      i++;
      open.aEnd = pre + i;
    }
  }
  close();
  return hunks;
}

/** Tokens a replacement may have on each side and still read as one value (`-1e-3`, `"adam"`, `nn.ReLU`). */
const MAX_VALUE_TOKENS = 6;
/** Longest target or value text a label quotes; longer ones are cut with an ellipsis. */
const MAX_TEXT = 32;

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > MAX_TEXT ? `${one.slice(0, MAX_TEXT - 1)}…` : one;
}

/** Index of the first token of the primary expression (dotted names, calls, subscripts) that ends at `end`. */
function primaryStart(tokens: Token[], end: number): number {
  let k = end;
  for (;;) {
    const t = tokens[k];
    if (!t) return k + 1;
    if (t.kind === 'op' && (t.text === ')' || t.text === ']')) {
      let depth = 0;
      let p = k;
      for (; p >= 0; p--) {
        const x = tokens[p];
        if (x.kind !== 'op') continue;
        if (x.text === ')' || x.text === ']' || x.text === '}') depth++;
        else if (x.text === '(' || x.text === '[' || x.text === '{') depth--;
        if (depth === 0) break;
      }
      if (p < 0) return k + 1;
      // A subscript or call needs something before its bracket; a bare parenthesis or list ends the primary.
      const before = tokens[p - 1];
      if (!before || !(before.kind === 'name' || (before.kind === 'op' && (before.text === ')' || before.text === ']')) || before.kind === 'string')) return p;
      k = p - 1;
      continue;
    }
    if (t.kind === 'name' || t.kind === 'string') {
      const dot = tokens[k - 1];
      if (dot && dot.kind === 'op' && dot.text === '.') {
        k -= 2;
        continue;
      }
      return k;
    }
    return k + 1;
  }
}

const isOp = (t: Token | undefined, text: string): boolean => t !== undefined && t.kind === 'op' && t.text === text;

/**
 * Where the value at b[start] sits: the assignment or keyword it is the value of (`lr`), else the call it is a
 * positional argument of (`range`).
 */
function contextOf(tokens: Token[], source: string, start: number): { target: string | null; call: string | null } {
  const tuple = tupleTarget(tokens, source, start);
  if (tuple !== undefined) return { target: tuple, call: null };
  const prev = tokens[start - 1];
  if (isOp(prev, '=')) {
    let end = start - 2;
    // `lr: float = 0.1`: the annotation is not the target.
    const colon = primaryStart(tokens, end) - 1;
    if (isOp(tokens[colon], ':') && tokens[colon - 1]?.kind === 'name') end = colon - 1;
    const from = primaryStart(tokens, end);
    if (from <= end) return { target: clip(source.slice(tokens[from].start, tokens[end].end)), call: null };
    return { target: null, call: null };
  }
  if (isOp(prev, '(') || isOp(prev, ',')) {
    // Back to the bracket the value is directly inside.
    let depth = 0;
    for (let k = start - 1; k >= 0; k--) {
      const t = tokens[k];
      if (t.kind === 'newline') break;
      if (t.kind !== 'op') continue;
      if (t.text === ')' || t.text === ']' || t.text === '}') depth++;
      else if (t.text === '(' || t.text === '[' || t.text === '{') {
        if (depth > 0) {
          depth--;
          continue;
        }
        const callee = tokens[k - 1];
        return { target: null, call: t.text === '(' && callee?.kind === 'name' ? callee.text : null };
      }
    }
  }
  return { target: null, call: null };
}

/**
 * In `batch_size, lr, num_epochs = 256, 0.1, 10`, the name the value at `at` is unpacked into; undefined when
 * `at` is not one item of a statement's unpacked tuple.
 */
function tupleTarget(tokens: Token[], source: string, at: number): string | null | undefined {
  let from = at;
  while (from > 0 && tokens[from - 1].kind !== 'newline') from--;
  let to = at;
  while (to < tokens.length && tokens[to].kind !== 'newline') to++;
  // Top-level commas and the first top-level `=` of the logical line.
  let depth = 0;
  let eq = -1;
  const commas: number[] = [];
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t.kind !== 'op') continue;
    if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
    else if (t.text === ')' || t.text === ']' || t.text === '}') depth--;
    else if (depth === 0 && t.text === '=' && eq < 0) eq = k;
    else if (depth === 0 && t.text === ',') {
      commas.push(k);
      if (k < at && depth !== 0) return undefined;
    }
  }
  if (eq < 0 || at < eq) return undefined;
  const left = [from, ...commas.filter((c) => c < eq).map((c) => c + 1)];
  const right = [eq + 1, ...commas.filter((c) => c > eq).map((c) => c + 1)];
  if (left.length < 2 || left.length !== right.length) return undefined;
  // The value must start its item (a whole item changed), else the item holds more than the value.
  const item = right.indexOf(at);
  if (item < 0) return undefined;
  const end = (item + 1 < left.length ? left[item + 1] - 1 : eq) - 1;
  if (end < left[item]) return null;
  return clip(source.slice(tokens[left[item]].start, tokens[end].end));
}

/** A sign in front of a number, where Python reads it as unary: after an operator, an opening bracket, a comma, or at a line's start. */
function unarySignBefore(tokens: Token[], at: number): boolean {
  const sign = tokens[at - 1];
  if (!sign || sign.kind !== 'op' || (sign.text !== '-' && sign.text !== '+')) return false;
  const before = tokens[at - 2];
  if (!before || before.kind === 'newline') return true;
  if (before.kind !== 'op') return false;
  return !(before.text === ')' || before.text === ']' || before.text === '}');
}

function describeHunk(hunk: Hunk, a: Token[], aSource: string, b: Token[], bSource: string): SourceChange {
  let h = hunk;
  // `0.5` → `-0.5` inserts a sign only: read it with its number, as one value replaced.
  const signOnly = (ts: Token[], from: number, to: number): boolean => to - from === 1 && ts[from].kind === 'op' && (ts[from].text === '-' || ts[from].text === '+');
  const next = a[h.aEnd];
  if ((signOnly(b, h.bStart, h.bEnd) && h.aStart === h.aEnd) || (signOnly(a, h.aStart, h.aEnd) && h.bStart === h.bEnd)) {
    if (next && next.kind === 'number' && b[h.bEnd] && same(next, b[h.bEnd])) h = { ...h, aEnd: h.aEnd + 1, bEnd: h.bEnd + 1 };
  }
  const removed = a.slice(h.aStart, h.aEnd);
  const added = b.slice(h.bStart, h.bEnd);
  const oneLine = (ts: Token[]): boolean => ts.every((t) => t.kind !== 'newline') && ts.every((t) => t.line === ts[0].line);
  const line = (b[h.bStart] ?? b[h.bStart - 1] ?? a[h.aStart])?.line ?? 1;
  if (removed.length === 0 || added.length === 0 || removed.length > MAX_VALUE_TOKENS || added.length > MAX_VALUE_TOKENS || !oneLine(removed) || !oneLine(added)) {
    return { kind: 'edit', line };
  }
  // `-0.1` → `-0.2` differs in its number only; the sign belongs to both sides of the label.
  let aFrom = removed[0].start;
  let bFrom = added[0].start;
  let at = h.bStart;
  if (added[0].kind === 'number' && removed[0].kind === 'number' && unarySignBefore(b, h.bStart)) {
    aFrom = a[h.aStart - 1].start;
    bFrom = b[h.bStart - 1].start;
    at = h.bStart - 1;
  }
  const before = clip(aSource.slice(aFrom, removed[removed.length - 1].end));
  const after = clip(bSource.slice(bFrom, added[added.length - 1].end));
  return { kind: 'value', line: added[0].line, before, after, ...contextOf(b, bSource, at) };
}

/** Common tokens between two hunks of one line that still make them one change (`a - y` → `a, y`). */
const MERGE_GAP = 2;

/** Joins hunks of one line of `b` only a token or two apart: a rewritten expression is one change. */
function mergeNear(hunks: Hunk[], b: Token[]): Hunk[] {
  const lineAt = (i: number): number => (b[i] ?? b[b.length - 1])?.line ?? 0;
  const out: Hunk[] = [];
  for (const h of hunks) {
    const last = out[out.length - 1];
    // Two replacements side by side stay two (`256, 0.1` → `128, 0.3`); an insertion or deletion joins its neighbour.
    const replaces = (x: Hunk): boolean => x.aEnd > x.aStart && x.bEnd > x.bStart;
    if (last && !(replaces(last) && replaces(h)) && h.bStart - last.bEnd <= MERGE_GAP && h.aStart - last.aEnd <= MERGE_GAP && lineAt(last.bStart) === lineAt(h.bStart)) {
      const between = b.slice(last.bEnd, h.bStart);
      if (between.every((t) => t.kind !== 'newline')) {
        out[out.length - 1] = { aStart: last.aStart, aEnd: h.aEnd, bStart: last.bStart, bEnd: h.bEnd };
        continue;
      }
    }
    out.push(h);
  }
  return out;
}

/** The label of a run of `after` whose file ran `before` last (null: no earlier run is known). */
export function labelRun(before: string | null, after: string): RunLabel {
  if (before === null) return { kind: 'first' };
  if (before === after) return { kind: 'same' };
  const a = tokenize(before);
  const b = tokenize(after);
  const hunks = diffTokens(a, b);
  if (hunks.length === 0) return { kind: 'layout' };
  let changes = mergeNear(hunks, b).map((h) => describeHunk(h, a, before, b, after));
  // A rewritten line says "line 12 edited" once, and not also the small replacements the diff found in it.
  const edited = new Set(changes.filter((c) => c.kind === 'edit').map((c) => c.line));
  changes = changes.filter((c, i) => (c.kind === 'edit' ? changes.findIndex((d) => d.kind === 'edit' && d.line === c.line) === i : !edited.has(c.line)));
  return { kind: 'changes', changes: changes.slice(0, MAX_LABEL_CHANGES), total: changes.length };
}
