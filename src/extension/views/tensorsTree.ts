/**
 * What the "Autograd Tensors" tree shows, as plain data: a run's latest variables event by scope (module
 * globals, then each function's locals), modules opening into their parameters, each tensor's shape and
 * gradient norm in its description and its value as PyTorch prints it in the tooltip. No `vscode` here:
 * tensorsView.ts turns the nodes into TreeItems, and the suite beside this file checks the nodes.
 */
import type { VariablesEvent } from '../../protocol/events';
import { groupVariables, scopeTitle, variablesAt, type VariableRow, type VariableSort } from '../../protocol/variableTree';
import { t } from '../l10n';
import { formatNumber, torchDtype, torchSize } from '../textFormat';

export interface TensorNode {
  /** Stable across updates of a run, so VS Code keeps what the user opened. */
  id: string;
  kind: 'scope' | 'tensor' | 'module' | 'optimizer';
  label: string;
  description: string;
  /** Markdown. */
  tooltip: string;
  /** Scopes start open, modules closed. */
  expanded: boolean;
  children: TensorNode[];
}

function code(text: string): string {
  return '`' + text.replace(/`/g, "'") + '`';
}

function fence(text: string): string {
  return '```python\n' + text + '\n```';
}

/** `[1, 5]`: short enough for a description; the tooltip has torch.Size. */
function shortShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

function gradPart(norm: number | null): string {
  return norm === null ? '' : ` · ‖grad‖ ${formatNumber(norm)}`;
}

function tensorNode(row: VariableRow): TensorNode {
  const description = `${row.shape ? shortShape(row.shape) : ''}${gradPart(row.gradNorm)}${row.aliasOf ? ` · = ${row.aliasOf}` : ''}`;
  const head = [code(row.name)];
  if (row.shape) head.push(code(torchSize(row.shape)));
  if (row.dtype) head.push(code(torchDtype(row.dtype)));
  head.push(code(`requires_grad=${row.requiresGrad ? 'True' : 'False'}`));
  if (row.gradFn) head.push(code(`grad_fn=<${row.gradFn}>`));
  const parts = [head.join(' · ')];
  if (row.aliasOf) parts.push(t('The same tensor as {0}.', code(row.aliasOf)));
  if (row.value) parts.push(fence(row.value.text));
  if (row.grad) parts.push(`**${code(`${row.name}.grad`)}**\n\n${fence(row.grad.text)}`);
  else if (row.gradNorm !== null) parts.push(`‖grad‖ ${formatNumber(row.gradNorm)}`);
  return { id: row.key, kind: 'tensor', label: row.label, description, tooltip: parts.join('\n\n'), expanded: false, children: [] };
}

function rowNode(row: VariableRow): TensorNode {
  if (row.kind === 'tensor' || !row.object) return tensorNode(row);
  const o = row.object;
  if (row.kind === 'module') {
    return {
      id: row.key,
      kind: 'module',
      label: row.label,
      description: `${o.className}${gradPart(row.gradNorm)}`,
      tooltip: `**${code(row.name)}** — ${t('module {0} · {1} parameters', code(o.className), o.parameterCount.toLocaleString('en-US'))}`,
      expanded: false,
      children: row.children.map(tensorNode),
    };
  }
  const step = o.step === null || o.step === undefined ? '' : ` · ${t('after {0} steps', o.step)}`;
  return {
    id: row.key,
    kind: 'optimizer',
    label: row.label,
    description: `${o.className}${step}`,
    tooltip: `**${code(row.name)}** — ${t('optimizer {0} over {1} parameter tensors', code(o.className), o.parameterCount)}${step}`,
    expanded: false,
    children: [],
  };
}

/** The tree of one variables event; empty before the run sent any. */
export function tensorNodes(e: VariablesEvent | null, sort: VariableSort): TensorNode[] {
  if (!e) return [];
  return groupVariables(e, sort).map((g) => ({
    id: `scope:${g.key}`,
    kind: 'scope',
    label: g.scope ? scopeTitle(g.scope) : t('Globals'),
    description: g.scope ? t('line {0}', g.scope.line) : '',
    tooltip: g.scope ? `${code(g.scope.name)} — ${g.scope.file}:${g.scope.firstLine}–${g.scope.lastLine}` : t('The module globals of {0}', code(e.file)),
    expanded: true,
    children: g.rows.map(rowNode),
  }));
}

/** The line above the tree: whose run, and when its names were read. */
export function tensorsMessage(e: VariablesEvent | null, runLabel: string | null): string | undefined {
  if (!e || runLabel === null) return undefined;
  const more = e.truncated > 0 ? ` ${t('({0} more names not listed)', e.truncated)}` : '';
  return variablesAt(e) === 'end' ? `${t('{0}: at the end of the run', runLabel)}${more}` : `${t('{0}: at backward() of step {1}', runLabel, e.step ?? '?')}${more}`;
}
