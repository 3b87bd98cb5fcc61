/**
 * The "Autograd Tensors" view in the Explorer: the tensors, modules and optimizers of a run, by scope, as its
 * latest variables event names them (tensorsTree.ts). It follows the run that starts and the editor the user
 * switches to, and updates at each whole-graph capture and at the end; the title bar's button sorts by
 * gradient norm or back to the script's order.
 */
import * as vscode from 'vscode';
import type { VariableSort } from '../../protocol/variableTree';
import type { RunRecord } from '../runs/runRecord';
import type { Services } from '../services';
import { tensorNodes, tensorsMessage, type TensorNode } from './tensorsTree';

export const TENSORS_VIEW_ID = 'autogradPlayground.tensors';
export const SORT_BY_GRAD_COMMAND = 'autogradPlayground.tensors.sortByGradNorm';
export const SORT_BY_NAME_COMMAND = 'autogradPlayground.tensors.sortByName';
/** The `when` key that picks which of the two sort buttons the title bar shows. */
const SORT_CONTEXT_KEY = 'autogradPlayground.tensorsSort';

const ICONS: Record<TensorNode['kind'], string> = { scope: 'symbol-namespace', tensor: 'symbol-array', module: 'symbol-class', optimizer: 'symbol-event' };

export class TensorsProvider implements vscode.TreeDataProvider<TensorNode> {
  private readonly changed = new vscode.EventEmitter<TensorNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private run: RunRecord | null = null;
  private sortBy: VariableSort = 'name';
  private roots: TensorNode[] = [];

  get shownRun(): RunRecord | null {
    return this.run;
  }

  get sort(): VariableSort {
    return this.sortBy;
  }

  /** Shows `run` (null: nothing) as its latest variables event names it. */
  show(run: RunRecord | null): void {
    this.run = run;
    this.refresh();
  }

  setSort(sort: VariableSort): void {
    this.sortBy = sort;
    this.refresh();
  }

  refresh(): void {
    this.roots = tensorNodes(this.run?.variables ?? null, this.sortBy);
    this.changed.fire(undefined);
  }

  get message(): string | undefined {
    return tensorsMessage(this.run?.variables ?? null, this.run?.label ?? null);
  }

  getChildren(node?: TensorNode): TensorNode[] {
    return node ? node.children : this.roots;
  }

  getTreeItem(node: TensorNode): vscode.TreeItem {
    const state = node.children.length === 0 ? vscode.TreeItemCollapsibleState.None : node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = new vscode.MarkdownString(node.tooltip);
    item.iconPath = new vscode.ThemeIcon(ICONS[node.kind]);
    item.contextValue = node.kind;
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function register(s: Services): { provider: TensorsProvider; subscription: vscode.Disposable } {
  const provider = new TensorsProvider();
  const view = vscode.window.createTreeView(TENSORS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const update = (): void => {
    provider.refresh();
    view.message = provider.message;
  };
  const show = (run: RunRecord | null): void => {
    provider.show(run);
    view.message = provider.message;
  };
  const setSort = (sort: VariableSort): void => {
    provider.setSort(sort);
    void vscode.commands.executeCommand('setContext', SORT_CONTEXT_KEY, sort);
  };
  void vscode.commands.executeCommand('setContext', SORT_CONTEXT_KEY, provider.sort);
  const editorRun = (editor: vscode.TextEditor | undefined): RunRecord | undefined => (editor ? s.runs.get(editor.document.uri.toString()) : undefined);
  show(editorRun(vscode.window.activeTextEditor) ?? s.runs.latest);
  const subscription = vscode.Disposable.from(
    provider,
    view,
    s.runs.listen({
      started: (run) => show(run),
      event: (run, e) => {
        // The tree changes with the run's variables only; its message also says when the run ended.
        if (run === provider.shownRun && (e.type === 'variables' || e.type === 'end')) update();
      },
      forgotten: () => {
        if (provider.shownRun && !s.runs.get(provider.shownRun.key)) show(s.runs.latest);
      },
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      const run = editorRun(editor);
      if (run && run !== provider.shownRun) show(run);
    }),
    vscode.commands.registerCommand(SORT_BY_GRAD_COMMAND, () => setSort('grad')),
    vscode.commands.registerCommand(SORT_BY_NAME_COMMAND, () => setSort('name')),
  );
  return { provider, subscription };
}
