/**
 * Hovers on the names of a script that ran: the tensor's values and gradient, a module's or optimizer's structure,
 * or what a backward() call built.
 */
import * as vscode from 'vscode';
import type { VariableInfo } from '../../protocol/events';
import { CMD } from '../commands/ids';
import { PYTHON } from '../documents';
import { backwardHover, missingGradHover, objectHover, variableHover, variablesFromGraph } from '../hover/hoverText';
import { lookupVariable, nameAt } from '../hover/pythonNames';
import type { Services } from '../services';

function markdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text);
  // Only our own two commands may run from hover links.
  md.isTrusted = { enabledCommands: [CMD.showPanel, CMD.showNode] };
  return md;
}

function hover(s: Services, doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
  const run = s.runs.get(doc.uri.toString());
  if (!run) return undefined;
  const at = nameAt(doc.lineAt(pos.line).text, pos.character);
  if (!at) return undefined;
  const range = new vscode.Range(pos.line, at.start, pos.line, at.end);
  const stale = doc.version !== run.docVersion;
  if (at.segment === 'backward' && at.isCall) {
    return new vscode.Hover(markdown(backwardHover(run.backwardByLine.get(pos.line + 1) ?? null, run.label, stale, run.running)), range);
  }
  const object = run.variables?.objects?.find((o) => o.name === at.name);
  if (object) return new vscode.Hover(markdown(objectHover(object, run.label, stale, run.running)), range);
  const variables: VariableInfo[] = run.variables ? run.variables.variables : variablesFromGraph(run.lastBackward);
  const match = lookupVariable(variables, at.candidates);
  if (!match) {
    if (at.name.endsWith('.grad') && lookupVariable(variables, [at.name.slice(0, -'.grad'.length)])) {
      return new vscode.Hover(markdown(missingGradHover(at.name, run.label, stale, run.running)), range);
    }
    return undefined;
  }
  const v = match.variable;
  const base = v.name.endsWith('.grad') ? v.name.slice(0, -'.grad'.length) : v.name;
  const gradHistory = run.gradHistory.get(base) ?? null;
  // The tensor backward() was called on last (`loss`) gets the loss curve.
  const isLoss =
    v.shape.length === 0 && !v.isLeaf && run.lastLoss !== null && v.value.mean !== null && Object.is(v.value.mean, run.lastLoss);
  const node = run.lastBackward?.graph.nodes.find((n) => n.kind === 'leaf' && n.name === base);
  const text = variableHover({
    match,
    gradHistory,
    lossHistory: isLoss ? run.lossHistory : null,
    nodeId: node ? node.id : null,
    runKey: run.key,
    runLabel: run.label,
    stale,
    running: run.running,
  });
  return new vscode.Hover(markdown(text), range);
}

export function register(s: Services): vscode.Disposable {
  return vscode.languages.registerHoverProvider(PYTHON, { provideHover: (doc, pos) => hover(s, doc, pos) });
}
