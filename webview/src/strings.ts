/**
 * Every string the panel shows. The code refers to them by id; the extension's `init` message carries
 * `l10n`, VS Code's bundle for the display language, which maps the *English text* to its translation
 * (see src/protocol/panel.ts). So the English texts below are the keys of l10n/bundle.l10n.zh-cn.json, and must
 * stay unique; a text missing from the bundle is shown in English. Placeholders are `{0}`, `{1}`, … as in
 * `vscode.l10n.t`. `zhBundle()` gives the English → Chinese pairs to merge into that bundle.
 *
 * Plain data (no DOM, no vscode), so either side may import it.
 */
export const STRINGS = {
  'header.noRun': 'No run yet. Run a Python training script to watch it here.',
  'header.step': 'step {0}',
  'header.stop': 'Stop',
  'header.runAgain': 'Run again',
  'header.errorAt': '{0} on line {1}',
  'status.starting': 'Starting Python…',
  'status.running': 'Running',
  'status.finished': 'Finished',
  'status.stopped': 'Stopped',
  'status.failed': 'Failed',
  'status.diverged': 'Diverged at step {0}',

  'section.loss': 'Loss',
  'section.gradients': 'Gradients',
  'section.leaves': 'Values and gradients',
  'section.variables': 'Variables',
  'section.graph': 'Computation graph',
  'section.figures': 'Figures',
  'section.console': 'Console',

  'scale.linear': 'Linear',
  'scale.log': 'Log',
  'scale.label': 'Y axis scale',

  'loss.empty': 'The loss curve fills in as the script calls backward() on a scalar.',
  'loss.axisStep': 'step',
  'loss.axisLoss': 'loss',
  'loss.diverged': 'Diverged at step {0}: loss is {1} (line {2})',
  'loss.markerLabel': 'loss = {0}',
  'loss.downsampled': '{0} steps, drawn as {1} points',

  'runs.list': 'Runs of this file',
  'runs.first': 'started {0}',
  'runs.same': 'same source',
  'runs.layout': 'same code (comments or spacing changed)',
  'runs.lineEdited': 'line {0} edited',
  'runs.more': '+{0} more',
  'runs.current': 'this run',
  'runs.finalLoss': 'loss {0}',
  'runs.pin': 'Pin',
  'runs.pinned': 'Baseline',
  'runs.pinTitle': 'Pin as the baseline: it stays when older runs drop out',
  'runs.unpinTitle': 'Unpin the baseline',
  'runs.show': 'Show run #{0} on the chart',

  'grad.empty': 'Gradient norms appear after the first backward().',
  'grad.tableEmpty': 'Each parameter\'s value and gradient appear after the first backward().',
  'grad.axisNorm': 'gradient norm',
  'grad.colName': 'Parameter',
  'grad.colShape': 'Shape',
  'grad.colValue': 'Value',
  'grad.colGrad': 'Gradient',
  'grad.colNorm': 'Norm of gradient',
  'grad.none': 'None',
  'grad.unnamed': 'leaf {0}',

  'leaves.atEnd': 'At the end of the run: the values the script left (what it prints, and what hovers show).',
  'leaves.atBackward': 'At the last backward() (step {0}): before the optimizer step that followed it.',
  'leaves.endPending': 'At the last backward() (step {0}); the end of the run shows when it ends.',
  'leaves.showEnd': 'End of run',
  'leaves.showBackward': 'At last backward()',
  'leaves.stateLabel': 'Which state the table shows',
  'leaves.notAtEnd': 'No longer bound to this name at the end of the run',

  'vars.empty': 'The script\'s tensors, modules and optimizers appear here at each whole-graph backward() and when the run ends.',
  'vars.colName': 'Name',
  'vars.colDtype': 'dtype',
  'vars.colGrad': '‖grad‖',
  'vars.sortByGrad': 'Sort by gradient norm, largest first',
  'vars.sortByName': 'Back to the script\'s order',
  'vars.globals': 'Globals',
  'vars.raised': 'raised the error',
  'vars.atEnd': 'At the end of the run',
  'vars.atBackward': 'At backward() of step {0}',
  'vars.truncated': '{0} more names not listed',
  'vars.module': '{0}, {1} parameters',
  'vars.optimizer': '{0}, step {1}',
  'vars.aliasOf': '= {0}',
  'vars.noGrad': 'no gradient',

  'graph.empty': 'The computation graph of the latest backward() appears here.',
  'graph.fit': 'Fit',
  'graph.fitTitle': 'Fit the whole graph into view',
  'graph.caption': 'backward() on line {0}, step {1}',
  'graph.hidden': '{0} more nodes hidden (graph node limit {1})',
  'graph.hint': 'Drag to pan, scroll to zoom, click a node to go to its line.',
  'graph.showLatest': 'Latest step',
  'graph.showDiverged': 'Step {0}, where the loss diverged',
  'graph.value': 'value',
  'graph.grad': 'grad',
  'graph.line': 'line {0}',
  'graph.leaf': 'leaf',
  'graph.moduleOps': 'one call, {0} ops',
  'graph.scalar': 'scalar',
  'graph.repeatTip': 'Repeated {0} times in this graph; the first is shown',
  'graph.moduleTip': 'in module {0} ({1})',
  'graph.moduleNodes': '{0} nodes',
  'graph.moreParams': '… and {0} more parameters',
  'graph.moduleExpand': 'Click to open this module',
  'graph.moduleCollapse': 'Click the name to close this module',
  'graph.callLine': 'called on line {0}',
  'graph.defLine': 'forward defined on line {0}',
  'graph.foldedToFit': 'Folded to fit: {0} modules closed, {1} repeats (×N)',

  'figures.empty': 'Figures appear here when the script calls plt.show() or plt.savefig(), or as d2l.Animator draws them.',
  'figures.title': 'Figure {0}',
  'figures.savefig': 'savefig("{0}")',
  'figures.show': 'show()',
  'figures.display': 'display()',
  'figures.downsampled': 'some series thinned to {0} points',
  'figures.olderHidden': '{0} earlier figures not kept',

  'console.empty': 'Nothing printed yet.',
  'console.dropped': '{0} earlier lines not kept',

  'export.saveAs': 'Save as',
  'export.group': 'Save {0} as a file',
  'export.as': 'Save {0} as {1}…',
  'export.lossChart': 'the loss chart',
  'export.gradChart': 'the gradient chart',
  'export.figure': 'figure {0}',
} as const;

export type StringId = keyof typeof STRINGS;

/** Simplified Chinese, for l10n/bundle.l10n.zh-cn.json (see zhBundle). Technical names (backward(), plt.show()) stay as they are. */
export const STRINGS_ZH: Record<StringId, string> = {
  'header.noRun': '还没有运行。运行一个 Python 训练脚本，即可在这里观察训练过程。',
  'header.step': '第 {0} 步',
  'header.stop': '停止',
  'header.runAgain': '重新运行',
  'header.errorAt': '{0}（第 {1} 行）',
  'status.starting': '正在启动 Python…',
  'status.running': '运行中',
  'status.finished': '已完成',
  'status.stopped': '已停止',
  'status.failed': '失败',
  'status.diverged': '在第 {0} 步发散',

  'section.loss': '损失',
  'section.gradients': '梯度',
  'section.leaves': '值与梯度',
  'section.variables': '变量',
  'section.graph': '计算图',
  'section.figures': '图表',
  'section.console': '控制台',

  'scale.linear': '线性',
  'scale.log': '对数',
  'scale.label': 'Y 轴刻度',

  'loss.empty': '脚本对标量调用 backward() 后，这里会画出损失曲线。',
  'loss.axisStep': '步数',
  'loss.axisLoss': '损失',
  'loss.diverged': '在第 {0} 步发散：损失为 {1}（第 {2} 行）',
  'loss.markerLabel': '损失 = {0}',
  'loss.downsampled': '共 {0} 步，绘制为 {1} 个点',

  'runs.list': '此文件的运行记录',
  'runs.first': '开始于 {0}',
  'runs.same': '源代码相同',
  'runs.layout': '代码相同（仅注释或空白有改动）',
  'runs.lineEdited': '第 {0} 行有改动',
  'runs.more': '另有 {0} 处',
  'runs.current': '本次运行',
  'runs.finalLoss': '损失 {0}',
  'runs.pin': '固定',
  'runs.pinned': '基准',
  'runs.pinTitle': '固定为基准：较早的运行被移除时它会保留',
  'runs.unpinTitle': '取消固定基准',
  'runs.show': '在图上显示第 {0} 次运行',

  'grad.empty': '第一次 backward() 之后，这里会显示梯度范数。',
  'grad.tableEmpty': '第一次 backward() 之后，这里会显示每个参数的值和梯度。',
  'grad.axisNorm': '梯度范数',
  'grad.colName': '参数',
  'grad.colShape': '形状',
  'grad.colValue': '值',
  'grad.colGrad': '梯度',
  'grad.colNorm': '梯度范数',
  'grad.none': 'None',
  'grad.unnamed': '叶子节点 {0}',

  'leaves.atEnd': '运行结束时：脚本最终留下的值（即它打印出的值，也是悬停提示显示的值）。',
  'leaves.atBackward': '最后一次 backward() 时（第 {0} 步）：在其后的优化器更新之前。',
  'leaves.endPending': '最后一次 backward() 时（第 {0} 步）；运行结束后显示结束时的状态。',
  'leaves.showEnd': '运行结束时',
  'leaves.showBackward': '最后一次 backward() 时',
  'leaves.stateLabel': '表格显示的状态',
  'leaves.notAtEnd': '运行结束时这个名字已不再指向该张量',

  'vars.empty': '每次完整记录计算图的 backward() 时以及运行结束时，脚本中的张量、模块和优化器会显示在这里。',
  'vars.colName': '名称',
  'vars.colDtype': 'dtype',
  'vars.colGrad': '‖grad‖',
  'vars.sortByGrad': '按梯度范数排序，从大到小',
  'vars.sortByName': '恢复脚本中的顺序',
  'vars.globals': '全局变量',
  'vars.raised': '引发了错误',
  'vars.atEnd': '运行结束时',
  'vars.atBackward': '第 {0} 步的 backward() 时',
  'vars.truncated': '另有 {0} 个名字未列出',
  'vars.module': '{0}，{1} 个参数',
  'vars.optimizer': '{0}，第 {1} 步',
  'vars.aliasOf': '= {0}',
  'vars.noGrad': '无梯度',

  'graph.empty': '最近一次 backward() 的计算图会显示在这里。',
  'graph.fit': '适应窗口',
  'graph.fitTitle': '缩放以显示整个计算图',
  'graph.caption': '第 {0} 行的 backward()，第 {1} 步',
  'graph.hidden': '另有 {0} 个节点未显示（计算图节点上限 {1}）',
  'graph.hint': '拖动以平移，滚动以缩放，点击节点可跳转到对应代码行。',
  'graph.showLatest': '最新一步',
  'graph.showDiverged': '第 {0} 步（损失发散处）',
  'graph.value': '值',
  'graph.grad': '梯度',
  'graph.line': '第 {0} 行',
  'graph.leaf': '叶子节点',
  'graph.moduleOps': '一次调用，{0} 个运算',
  'graph.scalar': '标量',
  'graph.repeatTip': '在此计算图中重复 {0} 次，显示第一次',
  'graph.moduleTip': '属于模块 {0}（{1}）',
  'graph.moduleNodes': '{0} 个节点',
  'graph.moreParams': '… 另有 {0} 个参数',
  'graph.moduleExpand': '点击展开此模块',
  'graph.moduleCollapse': '点击名称折叠此模块',
  'graph.callLine': '在第 {0} 行调用',
  'graph.defLine': 'forward 定义于第 {0} 行',
  'graph.foldedToFit': '为适应窗口已折叠：{0} 个模块收起，{1} 处重复（×N）',

  'figures.empty': '脚本调用 plt.show() 或 plt.savefig() 时，或 d2l.Animator 绘图时，图表会显示在这里。',
  'figures.title': '图 {0}',
  'figures.savefig': 'savefig("{0}")',
  'figures.show': 'show()',
  'figures.display': 'display()',
  'figures.downsampled': '部分数据序列已抽稀为 {0} 个点',
  'figures.olderHidden': '更早的 {0} 张图未保留',

  'console.empty': '还没有输出。',
  'console.dropped': '更早的 {0} 行未保留',

  'export.saveAs': '另存为',
  'export.group': '将{0}保存为文件',
  'export.as': '将{0}另存为 {1}…',
  'export.lossChart': '损失曲线',
  'export.gradChart': '梯度曲线',
  'export.figure': '图 {0}',
};

/** English text → Chinese, the shape of l10n/bundle.l10n.zh-cn.json when the extension calls vscode.l10n.t(STRINGS[id]). */
export function zhBundle(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of Object.keys(STRINGS) as StringId[]) out[STRINGS[id]] = STRINGS_ZH[id];
  return out;
}

/** The text of `id` in the display language (`l10n` is keyed by the English text), `{0}`, `{1}`, … filled with `args`. */
export function translate(l10n: Readonly<Record<string, string>>, id: StringId, ...args: Array<string | number>): string {
  const english = STRINGS[id];
  const template = (Object.prototype.hasOwnProperty.call(l10n, english) ? l10n[english] : undefined) ?? english;
  return template.replace(/\{(\d+)\}/g, (m, i: string) => {
    const v = args[Number(i)];
    return v === undefined ? m : String(v);
  });
}

export type Translate = (id: StringId, ...args: Array<string | number>) => string;
