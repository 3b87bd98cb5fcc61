/**
 * A variables event as the Variables views show it: one group per scope (the module globals first, then each
 * function's locals), each module a row whose children are its parameters and buffers, and the rows in the
 * script's order or by gradient norm. Pure and free of DOM and `vscode`, so the panel's Variables section and
 * the extension's "Autograd Tensors" tree show the same tree, and one suite tests it.
 */
import type { ObjectInfo, ScopeInfo, TensorSummary, VariableInfo, VariablesEvent } from './events';

export type VariableSort = 'name' | 'grad';

export interface VariableRow {
  /** Unique within the event: the scope's index (or `g` for globals) and the full name. */
  key: string;
  kind: 'tensor' | 'module' | 'optimizer';
  /** The full name, as the script names it (`model.linear.weight`). */
  name: string;
  /** What a row under its module shows: the name past the module's (`linear.weight`); else the full name. */
  label: string;
  shape: number[] | null;
  dtype: string | null;
  value: TensorSummary | null;
  grad: TensorSummary | null;
  /** A tensor's gradient norm; a module's, of all its parameters' gradients together; null without any. */
  gradNorm: number | null;
  requiresGrad: boolean;
  gradFn: string | null;
  aliasOf: string | null;
  /** Modules and optimizers: the class name, the parameter count (elements or tensors), an optimizer's step. */
  object: Pick<ObjectInfo, 'className' | 'parameterCount' | 'step'> | null;
  children: VariableRow[];
}

export interface VariableGroup {
  key: string;
  /** Null: the module globals. */
  scope: ScopeInfo | null;
  rows: VariableRow[];
}

const GLOBALS = 'g';

function scopeKey(scope: number | undefined, scopes: readonly ScopeInfo[]): string {
  // A scope index that names the module's own frame is the globals too.
  if (scope === undefined || scopes[scope] === undefined || scopes[scope].kind === 'module') return GLOBALS;
  return String(scope);
}

function tensorRow(v: VariableInfo, key: string, label: string): VariableRow {
  return {
    key: `${key}:${v.name}`,
    kind: 'tensor',
    name: v.name,
    label,
    shape: v.shape,
    dtype: v.dtype,
    value: v.value,
    grad: v.grad,
    gradNorm: v.grad ? v.grad.norm : null,
    requiresGrad: v.requiresGrad,
    gradFn: v.gradFn,
    aliasOf: v.aliasOf ?? null,
    object: null,
    children: [],
  };
}

/** The gradient norm of several tensors together, from each one's norm; null when none has a gradient. */
export function combinedNorm(norms: ReadonlyArray<number | null>): number | null {
  let sum = 0;
  let any = false;
  for (const n of norms) {
    if (n === null) continue;
    any = true;
    sum += n * n;
  }
  return any ? Math.sqrt(sum) : null;
}

function objectRow(o: ObjectInfo, key: string, members: VariableInfo[]): VariableRow {
  const prefix = `${o.name}.`;
  const children = members.map((v) => tensorRow(v, key, v.name.slice(prefix.length)));
  // Parameters past the variables' cap still have their shape and gradient norm in the object.
  const listed = new Set(members.map((v) => v.name));
  for (const p of o.parameters ?? []) {
    if (listed.has(p.name)) continue;
    children.push({
      key: `${key}:${p.name}`, kind: 'tensor', name: p.name, label: p.name.startsWith(prefix) ? p.name.slice(prefix.length) : p.name,
      shape: p.shape, dtype: null, value: null, grad: null, gradNorm: p.gradNorm, requiresGrad: true, gradFn: null, aliasOf: null, object: null, children: [],
    });
  }
  return {
    key: `${key}:${o.name}`,
    kind: o.kind,
    name: o.name,
    label: o.name,
    shape: null,
    dtype: null,
    value: null,
    grad: null,
    gradNorm: o.kind === 'module' ? combinedNorm(children.map((c) => c.gradNorm)) : null,
    requiresGrad: false,
    gradFn: null,
    aliasOf: null,
    object: { className: o.className, parameterCount: o.parameterCount, step: o.step },
    children,
  };
}

/** Larger gradient norms first; rows without a gradient last; ties keep the script's order. */
function byGradNorm(a: VariableRow, b: VariableRow): number {
  const x = a.gradNorm;
  const y = b.gradNorm;
  if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
  // NaN and inf are where a learner looks first.
  const kx = Number.isNaN(x) ? Infinity : x;
  const ky = Number.isNaN(y) ? Infinity : y;
  return kx === ky ? 0 : kx > ky ? -1 : 1;
}

function sortRows(rows: VariableRow[], sort: VariableSort): VariableRow[] {
  if (sort === 'grad') rows.sort(byGradNorm);
  for (const r of rows) if (r.children.length) sortRows(r.children, sort);
  return rows;
}

/**
 * The event's tree. A `.grad` entry whose tensor is listed too is left out (its tensor's row carries it); a
 * module's rows are the variables named under it (`model.…`), and it sits where the first of them was.
 */
export function groupVariables(e: VariablesEvent, sort: VariableSort = 'name'): VariableGroup[] {
  const scopes = e.scopes ?? [];
  const byScope = new Map<string, { vars: VariableInfo[]; objects: ObjectInfo[] }>();
  const bucket = (key: string): { vars: VariableInfo[]; objects: ObjectInfo[] } => {
    let b = byScope.get(key);
    if (!b) byScope.set(key, (b = { vars: [], objects: [] }));
    return b;
  };
  bucket(GLOBALS);
  for (const v of e.variables) bucket(scopeKey(v.scope, scopes)).vars.push(v);
  for (const o of e.objects ?? []) bucket(scopeKey(o.scope, scopes)).objects.push(o);

  const groups: VariableGroup[] = [];
  for (const [key, { vars, objects }] of byScope) {
    const names = new Set(vars.map((v) => v.name));
    const kept = vars.filter((v) => !(v.name.endsWith('.grad') && names.has(v.name.slice(0, -'.grad'.length))));
    // The longest module name first, so `model.encoder` takes its own tensors before `model` does.
    const modules = objects.filter((o) => o.kind === 'module').sort((a, b) => b.name.length - a.name.length);
    const ownerOf = new Map<VariableInfo, ObjectInfo>();
    for (const v of kept) {
      const owner = modules.find((o) => v.name.startsWith(`${o.name}.`));
      if (owner) ownerOf.set(v, owner);
    }
    const rows: VariableRow[] = [];
    const placed = new Set<ObjectInfo>();
    for (const v of kept) {
      const owner = ownerOf.get(v);
      if (!owner) {
        rows.push(tensorRow(v, key, v.name));
      } else if (!placed.has(owner)) {
        placed.add(owner);
        rows.push(objectRow(owner, key, kept.filter((w) => ownerOf.get(w) === owner)));
      }
    }
    for (const o of objects) if (!placed.has(o)) rows.push(objectRow(o, key, []));
    if (rows.length === 0) continue;
    groups.push({ key, scope: key === GLOBALS ? null : scopes[Number(key)], rows: sortRows(rows, sort) });
  }
  return groups;
}

/** When the event's names were read: at a whole-graph capture or when the run ended. */
export function variablesAt(e: VariablesEvent): 'backward' | 'end' {
  return e.at ?? 'end';
}

/** A scope's name as the views title it: `main()`, `Net.forward()`; the globals have their own title. */
export function scopeTitle(scope: ScopeInfo): string {
  return `${scope.name}()`;
}
