/**
 * Hovers on the names of a script that ran: the tensor's values and gradient, a module's or optimizer's structure,
 * or what a backward() call built.
 */
import * as vscode from 'vscode';
import type { VariablesEvent } from '../../protocol/events';
import { CMD } from '../commands/ids';
import { PYTHON } from '../documents';
import { backwardHover, missingGradHover, objectHover, variableHover, variablesFromGraph } from '../hover/hoverText';
import { lookupVariable, nameAt } from '../hover/pythonNames';
import { resolveScoped, type HoverSite, type ScopedHit } from '../hover/pythonScopes';
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
  const events = [run.variables, run.backwardVariables].filter((e, i, all): e is VariablesEvent => e !== null && all.indexOf(e) === i);
  const site: HoverSite = { file: run.file, line: pos.line + 1, lineText: (n) => (n >= 1 && n <= doc.lineCount ? doc.lineAt(n - 1).text : '') };
  // Before the first variables event of a run: the named leaves of its latest graph.
  const resolve = (name: string, candidates: readonly string[]): ScopedHit | null => {
    if (events.length) return resolveScoped(events, site, name, candidates);
    const match = lookupVariable(variablesFromGraph(run.lastBackward), candidates);
    return match && { kind: 'variable', match };
  };
  const hit = resolve(at.name, at.candidates);
  if (hit?.kind === 'object') return new vscode.Hover(markdown(objectHover(hit.object, run.label, stale, run.running, hit.written)), range);
  if (!hit) {
    const base = at.name.endsWith('.grad') ? at.name.slice(0, -'.grad'.length) : null;
    if (base && resolve(base, [base])?.kind === 'variable') {
      return new vscode.Hover(markdown(missingGradHover(at.name, run.label, stale, run.running)), range);
    }
    return undefined;
  }
  const match = hit.match;
  const v = match.variable;
  // The graph and the charts name a leaf as the frame that called backward() did: by either of its names.
  const bases = [v.name, v.aliasOf].filter((n): n is string => !!n).map((n) => (n.endsWith('.grad') ? n.slice(0, -'.grad'.length) : n));
  const gradHistory = bases.map((b) => run.gradHistory.get(b)).find((h) => h !== undefined) ?? null;
  // The tensor backward() was called on last (`loss`) gets the loss curve.
  const isLoss =
    v.shape.length === 0 && !v.isLeaf && run.lastLoss !== null && v.value.mean !== null && Object.is(v.value.mean, run.lastLoss);
  const node = run.lastBackward?.graph.nodes.find((n) => n.kind === 'leaf' && n.name !== null && bases.includes(n.name));
  // `x` of `x[0]`: the hover shows all of x (a summary has no element values), and says so.
  const partOf = at.candidates.length > 1 && match.written === at.candidates[0] && v.shape.length > 0 ? at.candidates[1] : null;
  const text = variableHover({
    match,
    partOf,
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
