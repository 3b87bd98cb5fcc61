/**
 * Which entry of a run's `variables` events a name written at a line of the script means: the innermost
 * function scope whose lines contain it, then the functions around it (closures), then the module globals;
 * the end's event first, then the latest backward() capture (a `def main():` that returned before the end is
 * only in the latter). Plain text in, no `vscode`.
 */
import type { ObjectInfo, ScopeInfo, VariablesEvent } from '../../protocol/events';
import { lookupVariable, type VariableMatch } from './pythonNames';

/** An object hit says the name as written (`self` for the object bound to `model`). */
export type ScopedHit = { kind: 'object'; object: ObjectInfo; written: string } | { kind: 'variable'; match: VariableMatch };

/** Where the name is written: the run's file as its events name it, the 1-based line, and the document's text. */
export interface HoverSite {
  file: string;
  line: number;
  /** The document's 1-based line `n`, '' past its end. */
  lineText(n: number): string;
}

/** `model[0].weight` as the runtime names it (`model.0.weight`: an nn.Sequential's children by their index). */
function dottedIndex(name: string): string {
  return name.replace(/\[(\d+)\](?=\.|$)/g, '.$1');
}

function expand(candidates: readonly string[]): string[] {
  const out: string[] = [];
  for (const c of candidates) {
    for (const v of [c, dottedIndex(c)]) if (!out.includes(v)) out.push(v);
  }
  return out;
}

/** Indices of the function scopes of `e` whose lines hold `site`, innermost first. */
export function enclosingScopes(e: VariablesEvent, site: Pick<HoverSite, 'file' | 'line'>): number[] {
  const scopes: readonly ScopeInfo[] = e.scopes ?? [];
  const found: number[] = [];
  scopes.forEach((s, i) => {
    if (s.kind === 'function' && s.file === site.file && s.firstLine <= site.line && site.line <= s.lastLine) found.push(i);
  });
  // The innermost function starts last; a recursive call's frames share lines, and the first listed (the
  // innermost frame) wins.
  return found.sort((a, b) => scopes[b].firstLine - scopes[a].firstLine || scopes[a].lastLine - scopes[b].lastLine || a - b);
}

function inScope(e: VariablesEvent, scope: number | undefined): VariablesEvent['variables'] {
  return e.variables.filter((v) => v.scope === scope);
}

function lookupIn(e: VariablesEvent, scope: number | undefined, name: string, candidates: readonly string[]): ScopedHit | null {
  const names = expand([name]);
  const object = e.objects?.find((o) => o.scope === scope && names.includes(o.name));
  if (object) return { kind: 'object', object, written: name };
  const variables = inScope(e, scope);
  const byName = new Map(variables.map((v) => [v.name, v]));
  for (const c of candidates) {
    const v = byName.get(c);
    if (v) return { kind: 'variable', match: { variable: v, written: c, via: null } };
  }
  return null;
}

/**
 * The class whose method holds `line` (1-based), read from the indentation of the lines above it; null
 * outside a method.
 */
export function enclosingClass(site: Pick<HoverSite, 'line' | 'lineText'>): string | null {
  const indent = (text: string): number => text.length - text.trimStart().length;
  let limit = indent(site.lineText(site.line));
  let inDef = false;
  for (let n = site.line - 1; n >= 1 && limit > 0; n--) {
    const text = site.lineText(n);
    const trimmed = text.trim();
    if (!trimmed || trimmed.startsWith('#') || indent(text) >= limit) continue;
    limit = indent(text);
    const cls = /^class\s+([\p{L}_][\p{L}\p{N}_]*)/u.exec(trimmed);
    if (cls) return inDef ? cls[1] : null;
    if (/^(?:async\s+)?def\s/.test(trimmed)) inDef = true;
  }
  return null;
}

/**
 * `self.x` (or `self`) in a method whose frame no event holds: a module of that class bound to a name in
 * some scope of the run (`model` of class Net) says what `self` was.
 */
function throughInstance(events: readonly VariablesEvent[], site: HoverSite, name: string, candidates: readonly string[]): ScopedHit | null {
  if (name !== 'self' && !name.startsWith('self.')) return null;
  const cls = enclosingClass(site);
  if (!cls) return null;
  for (const e of events) {
    for (const o of e.objects ?? []) {
      if (o.kind !== 'module' || o.className !== cls) continue;
      const rename = (c: string): string => o.name + c.slice('self'.length);
      const hit = lookupIn(e, o.scope, rename(name), candidates.map(rename));
      if (!hit) continue;
      if (hit.kind === 'object') return { ...hit, written: name };
      const written = 'self' + hit.match.written.slice(o.name.length);
      return { kind: 'variable', match: { ...hit.match, written, via: hit.match.variable.name } };
    }
  }
  return null;
}

/**
 * The object or tensor `name` (hovered; `candidates` from nameAt) means at `site`, from `events` in the order
 * to prefer them (the latest first).
 */
export function resolveScoped(events: readonly VariablesEvent[], site: HoverSite, name: string, candidates: readonly string[]): ScopedHit | null {
  const names = expand(candidates);
  for (const e of events) {
    for (const scope of enclosingScopes(e, site)) {
      const hit = lookupIn(e, scope, name, names);
      if (hit) return hit;
    }
  }
  for (const e of events) {
    const hit = lookupIn(e, undefined, name, names);
    if (hit) return hit;
  }
  const instance = throughInstance(events, site, name, names);
  if (instance) return instance;
  // A plain object's `self.x` (no class name to go by): another method's `self.x`, or the one object anywhere
  // with an `x`. Other names stay unresolved rather than borrow a same-named local of another function.
  if (!name.startsWith('self.')) return null;
  for (const e of events) {
    const match = lookupVariable(e.variables, names);
    if (match) return { kind: 'variable', match };
  }
  return null;
}
