/**
 * The Computation graph section: the latest backward()'s graph as SVG, laid out by dagre (graphLayout.ts),
 * with module calls as boxes that open and close (graphFold.ts), pan (drag), zoom (wheel), fit,
 * click-to-reveal, and highlights for the editor's cursor line. The drawing is folded (repeats, then modules
 * from the deepest up) until it fits the box with its text at full size: Fit never scales below 1.
 */
import type { Translate } from '../strings';
import { button, el, svg } from '../views/dom';
import { BOX_TITLE_PX, chooseDirection, DETAIL_FONT_PX, edgePath, layoutView, structureKey, type GraphDirection, NODE_LINE_GAP, NODE_PAD_Y, TITLE_FONT_PX, type GraphLayout, type LaidBox, type LaidNode } from './graphLayout';
import { foldGraph, maxFoldLevel, type ViewGraph } from './graphFold';
import type { GraphSummary } from '../../../src/protocol/events';
import { shownGraph, type PanelState } from '../model/state';

interface ViewTransform {
  k: number;
  tx: number;
  ty: number;
}

const MIN_ZOOM = 0.1;
const MAX_ZOOM = 4;
/** Fit's smallest scale: text is drawn at 11 px and up (DETAIL_FONT_PX), and stays so at fit. */
export const MIN_FIT_ZOOM = 1;
/** Width of a module's ▸/▾ glyph and the gap after it. */
const TOGGLE_PX = 16;
/** Pointer travel (px) below which a press on a node counts as a click, not a pan. */
const CLICK_SLOP = 4;

export class GraphView {
  readonly root: HTMLElement;
  private readonly caption: HTMLElement;
  /** Latest / diverged step switch, shown once the run diverged (the host keeps that step's graph). */
  private readonly choice: HTMLElement;
  private readonly latestButton: HTMLButtonElement;
  private readonly divergedButton: HTMLButtonElement;
  private readonly hidden: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly box: HTMLElement;
  private readonly svgEl: SVGSVGElement;
  private readonly viewport: SVGGElement;
  private readonly boxLayer: SVGGElement;
  private readonly edgeLayer: SVGGElement;
  private readonly nodeLayer: SVGGElement;
  private readonly foldNote: HTMLElement;
  /** The step slider under the graph: one stop per step whose whole graph is kept. */
  private readonly stepBar: HTMLElement;
  private readonly slider: HTMLInputElement;
  private readonly stepLabel: HTMLElement;
  private readonly stepLatest: HTMLButtonElement;
  /** The kept steps the slider's stops stand for (as last rendered). */
  private sliderSteps: number[] = [];
  /** The fold level chosen for a graph shape, box size and set of choices (see pickLayout). */
  private levelFor: { key: string; level: number } | null = null;
  private layout: GraphLayout | null = null;
  private shape: string | null = null;
  private direction: GraphDirection = 'TB';
  private nodeEls = new Map<string, SVGGElement>();
  private boxEls = new Map<string, SVGGElement>();
  private view: ViewTransform = { k: 1, tx: 0, ty: 0 };
  private needsFit = true;
  private cursorLine: number | null = null;
  private focusSeq = 0;
  private focusTimer: ReturnType<typeof setTimeout> | null = null;
  private drag: { x: number; y: number; tx: number; ty: number; moved: boolean; pointerId: number } | null = null;
  private suppressClick = false;
  private divergedStep: number | null = null;

  constructor(
    private readonly t: Translate,
    private readonly revealLine: (line: number) => void,
    /** The step slider or a step button moved: the step to show, null for the latest. */
    private readonly onStep: (step: number | null) => void,
    private readonly toggleModule: (key: string, open: boolean) => void,
  ) {
    this.root = el('div', 'section-body');
    const bar = el('div', 'toolbar');
    const fit = button(t('graph.fit'), 'secondary', () => this.fit());
    fit.title = t('graph.fitTitle');
    this.choice = el('div', 'segmented');
    this.choice.setAttribute('role', 'group');
    this.latestButton = button(t('graph.showLatest'), 'segment', () => onStep(null));
    this.divergedButton = button('', 'segment', () => onStep(this.divergedStep));
    this.choice.append(this.latestButton, this.divergedButton);
    this.choice.hidden = true;
    this.caption = el('span', 'muted');
    this.hidden = el('span', 'graph-hidden');
    this.hidden.hidden = true;
    this.foldNote = el('span', 'graph-folded');
    this.foldNote.hidden = true;
    bar.append(fit, this.choice, this.caption, this.hidden, this.foldNote);
    this.empty = el('p', 'empty', t('graph.empty'));
    this.box = el('div', 'graph-box');
    this.box.title = t('graph.hint');
    this.svgEl = svg('svg', { class: 'graph-svg' });
    this.svgEl.setAttribute('role', 'img');
    this.svgEl.setAttribute('aria-label', t('section.graph'));
    const defs = svg('defs');
    const marker = svg('marker', { id: 'graph-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto' });
    marker.append(svg('path', { d: 'M0,0L10,5L0,10Z', class: 'graph-arrow' }));
    defs.append(marker);
    this.viewport = svg('g');
    this.boxLayer = svg('g', { class: 'graph-boxes' });
    this.edgeLayer = svg('g', { class: 'graph-edges' });
    this.nodeLayer = svg('g', { class: 'graph-nodes' });
    this.viewport.append(this.boxLayer, this.edgeLayer, this.nodeLayer);
    this.svgEl.append(defs, this.viewport);
    this.box.append(this.svgEl);
    this.stepBar = el('div', 'graph-steps');
    this.slider = el('input', 'graph-step-slider');
    this.slider.type = 'range';
    this.slider.min = '0';
    this.slider.step = '1';
    this.slider.setAttribute('aria-label', t('graph.stepSlider'));
    this.slider.addEventListener('input', () => {
      const i = Number(this.slider.value);
      const steps = this.sliderSteps;
      if (!Number.isInteger(i) || i < 0 || i >= steps.length) return;
      this.onStep(i === steps.length - 1 ? null : steps[i]);
    });
    this.stepLabel = el('span', 'graph-step-label muted');
    this.stepLabel.setAttribute('aria-live', 'polite');
    this.stepLatest = button(t('graph.showLatest'), 'secondary', () => this.onStep(null));
    this.stepBar.append(this.slider, this.stepLabel, this.stepLatest);
    this.stepBar.hidden = true;
    this.root.append(bar, this.empty, this.box, this.stepBar);
    this.attachPanZoom();
  }

  private attachPanZoom(): void {
    const s = this.svgEl;
    s.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      this.drag = { x: e.clientX, y: e.clientY, tx: this.view.tx, ty: this.view.ty, moved: false, pointerId: e.pointerId };
      this.suppressClick = false;
    });
    s.addEventListener('pointermove', (e) => {
      const d = this.drag;
      if (!d || d.pointerId !== e.pointerId) return;
      const dx = e.clientX - d.x;
      const dy = e.clientY - d.y;
      if (!d.moved && Math.hypot(dx, dy) < CLICK_SLOP) return;
      if (!d.moved) {
        d.moved = true;
        s.setPointerCapture(e.pointerId);
        this.box.classList.add('panning');
      }
      this.view = { ...this.view, tx: d.tx + dx, ty: d.ty + dy };
      this.applyTransform();
    });
    const end = (e: PointerEvent): void => {
      const d = this.drag;
      if (!d || d.pointerId !== e.pointerId) return;
      this.suppressClick = d.moved;
      this.drag = null;
      this.box.classList.remove('panning');
      if (s.hasPointerCapture(e.pointerId)) s.releasePointerCapture(e.pointerId);
    };
    s.addEventListener('pointerup', end);
    s.addEventListener('pointercancel', end);
    s.addEventListener(
      'wheel',
      (e) => {
        e.preventDefault();
        const rect = s.getBoundingClientRect();
        const px = e.clientX - rect.left;
        const py = e.clientY - rect.top;
        // deltaMode 1 is lines (Firefox-style wheels); treat a line as ~16 px.
        const delta = e.deltaY * (e.deltaMode === 1 ? 16 : 1);
        this.zoomAt(px, py, Math.exp(-delta * 0.0015));
      },
      { passive: false },
    );
  }

  private zoomAt(px: number, py: number, factor: number): void {
    const { k, tx, ty } = this.view;
    const k2 = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, k * factor));
    this.view = { k: k2, tx: px - ((px - tx) * k2) / k, ty: py - ((py - ty) * k2) / k };
    this.applyTransform();
  }

  private applyTransform(): void {
    const { k, tx, ty } = this.view;
    this.viewport.setAttribute('transform', `translate(${tx.toFixed(1)},${ty.toFixed(1)}) scale(${k.toFixed(4)})`);
  }

  /** Scales and centres the whole graph in the box; deferred while the box has no size (section collapsed). */
  fit(): void {
    const layout = this.layout;
    const w = this.box.clientWidth;
    const h = this.box.clientHeight;
    if (!layout || w === 0 || h === 0) {
      this.needsFit = true;
      return;
    }
    this.needsFit = false;
    const k = Math.max(MIN_FIT_ZOOM, Math.min(1.25, fitScale(layout, w, h)));
    let tx = (w - layout.width * k) / 2;
    let ty = (h - layout.height * k) / 2;
    // Larger than the box even folded: the root (the loss) in view, the rest a drag away.
    const root = layout.nodes.find((n) => n.isRoot);
    if (tx < 0) tx = root ? Math.min(0, Math.max(w - layout.width * k, w / 2 - root.x * k)) : 0;
    if (ty < 0) ty = root ? Math.min(0, Math.max(h - layout.height * k, h - 8 - (root.y + root.height / 2) * k)) : 0;
    this.view = { k, tx, ty };
    this.applyTransform();
  }

  /**
   * The drawing of `g` for the box: the first fold level whose layout fits the box at full scale and draws at
   * most `limit` items, else the most folded one (cut at `limit` items). The level found is kept for later
   * steps of the same shape, so a training loop lays out once.
   */
  private pickLayout(g: GraphSummary, choices: Record<string, boolean>, limit: number, previous: GraphLayout | null): GraphLayout {
    const w = this.box.clientWidth || 1000;
    const h = this.box.clientHeight || 460;
    const key = `${structureKey(g)}#${JSON.stringify(choices)}#${w}x${h}#${limit}`;
    if (this.levelFor?.key === key) return layoutView(capItems(foldGraph(g, { choices, level: this.levelFor.level }), limit), this.t, previous, this.direction);
    const last = maxFoldLevel(g);
    let chosen: GraphLayout | null = null;
    let level = 0;
    for (; level <= last; level++) {
      const v = foldGraph(g, { choices, level });
      if (v.items.length > limit && level < last) continue;
      const layout = layoutView(capItems(v, limit), this.t, previous, this.direction);
      chosen = layout;
      if (fitScale(layout, w, h) >= MIN_FIT_ZOOM) break;
    }
    this.levelFor = { key, level: Math.min(level, last) };
    return chosen!;
  }

  render(state: PanelState): void {
    const d = state.divergedGraph;
    const g = shownGraph(state);
    this.divergedStep = d?.step ?? null;
    this.choice.hidden = !d || !state.graph || d.step === state.graph.step;
    if (d) {
      this.divergedButton.textContent = this.t('graph.showDiverged', d.step);
      const onDiverged = g !== null && g.step === d.step;
      const onLatest = g !== null && state.graph !== null && g.step === state.graph.step;
      this.latestButton.setAttribute('aria-pressed', String(onLatest));
      this.divergedButton.setAttribute('aria-pressed', String(onDiverged));
    }
    this.renderSteps(state, g?.step ?? null);
    this.empty.hidden = g !== null;
    this.box.hidden = g === null;
    if (!g) {
      this.caption.textContent = '';
      this.hidden.hidden = true;
      return;
    }
    this.caption.textContent = this.t('graph.caption', g.line, g.step);
    const tr = g.summary.truncated;
    const previous = this.layout;
    // The direction is chosen when the graph's shape changes, then kept, so steps of a loop do not flip it.
    const shape = structureKey(g.summary);
    if (shape !== this.shape) {
      this.shape = shape;
      const w = this.box.clientWidth || 1000;
      const h = this.box.clientHeight || 460;
      this.direction = chooseDirection(g.summary, this.t, { width: w, height: h });
    }
    const limit = state.settings.graphNodeLimit;
    const layout = this.pickLayout(g.summary, state.ui.graphModules, limit, previous);
    this.layout = layout;
    const cut = (tr?.hiddenNodes ?? 0) + layout.cut;
    this.hidden.hidden = cut === 0;
    if (cut) this.hidden.textContent = this.t('graph.hidden', cut, limit);
    const { modules, repeats } = layout.folded;
    this.foldNote.hidden = modules === 0 && repeats === 0;
    this.foldNote.textContent = this.t('graph.foldedToFit', modules, repeats);
    if (previous && previous.key === layout.key && layout.nodes.every((n, i) => previous.nodes[i].x === n.x && previous.nodes[i].y === n.y)) {
      this.updateLabels(layout);
    } else {
      this.draw(layout);
      this.needsFit = true;
    }
    if (this.needsFit) this.fit();
    this.highlight(state.cursorLine);
  }

  /** The step slider: a stop per kept graph, at the one shown; hidden until there are two to choose from. */
  private renderSteps(state: PanelState, shown: number | null): void {
    const steps = state.graphs.map((k) => k.step);
    this.sliderSteps = steps;
    this.stepBar.hidden = steps.length < 2 || shown === null;
    if (this.stepBar.hidden) return;
    const at = Math.max(0, steps.indexOf(shown!));
    const latest = at === steps.length - 1;
    this.slider.max = String(steps.length - 1);
    this.slider.value = String(at);
    this.slider.setAttribute('aria-valuetext', this.t('graph.stepOf', shown!, state.steps));
    this.stepBar.dataset.step = String(shown);
    this.stepLabel.textContent = latest ? this.t('graph.stepLatest', shown!, steps.length) : this.t('graph.stepShown', shown!, at + 1, steps.length);
    this.stepLatest.hidden = latest;
  }

  private draw(layout: GraphLayout): void {
    this.boxEls = new Map();
    const boxes = layout.boxes.map((b) => {
      const g = this.boxElement(b);
      this.boxEls.set(b.key, g);
      return g;
    });
    this.boxLayer.replaceChildren(...boxes);
    const edges = layout.edges.map((e) => svg('path', { d: edgePath(e.points), class: 'graph-edge', 'marker-end': 'url(#graph-arrow)' }));
    this.edgeLayer.replaceChildren(...edges);
    this.nodeEls = new Map();
    const nodes = layout.nodes.map((n) => {
      const g = this.nodeElement(n);
      this.nodeEls.set(n.key, g);
      return g;
    });
    this.nodeLayer.replaceChildren(...nodes);
  }

  /**
   * An open module: its frame; its ▾ glyph closes it, its name goes to the module's call line (with Alt, to its
   * forward's definition).
   */
  private boxElement(b: LaidBox): SVGGElement {
    const g = svg('g', { class: `gbox depth-${b.depth % 4}`, transform: `translate(${(b.x - b.width / 2).toFixed(1)},${(b.y - b.height / 2).toFixed(1)})` });
    g.dataset.module = b.moduleKey;
    g.dataset.line = b.line === null ? '' : String(b.line);
    g.dataset.defLine = b.defLine === null ? '' : String(b.defLine);
    g.append(svg('rect', { width: b.width, height: b.height, rx: 8, class: 'gbox-frame' }));
    const toggle = this.toggleGlyph('▾', 8, BOX_TITLE_PX + 4, this.t('graph.moduleClose'), () => this.toggleModule(b.moduleKey, false));
    toggle.setAttribute('aria-expanded', 'true');
    const head = svg('g', { class: 'gbox-head' });
    head.setAttribute('tabindex', '0');
    head.setAttribute('role', 'link');
    const title = svg('title');
    title.textContent = b.tooltip;
    const text = svg('text', { x: 8 + TOGGLE_PX, y: BOX_TITLE_PX + 4, class: 'gbox-title' });
    text.textContent = b.title;
    head.append(title, text);
    g.append(toggle, head);
    this.onActivate(head, (alt) => this.revealModule(b.line, b.defLine, alt));
    return g;
  }

  /** The ▸/▾ glyph that opens or closes a module, apart from the name (which goes to the code). */
  private toggleGlyph(glyph: string, x: number, y: number, label: string, toggle: () => void): SVGGElement {
    const g = svg('g', { class: 'gmodule-toggle' });
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    g.setAttribute('aria-label', label);
    const title = svg('title');
    title.textContent = label;
    // A larger transparent target than the glyph itself.
    g.append(title, svg('rect', { x: x - 4, y: y - BOX_TITLE_PX, width: TOGGLE_PX + 2, height: BOX_TITLE_PX + 6, class: 'gmodule-toggle-hit' }));
    const text = svg('text', { x, y, class: 'gmodule-toggle-glyph' });
    text.textContent = glyph;
    g.append(text);
    g.addEventListener('click', (e) => {
      e.stopPropagation();
      if (!this.suppressClick) toggle();
    });
    g.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        e.stopPropagation();
        toggle();
      }
    });
    return g;
  }

  /** A module's call line, or with `toDefinition` (Alt+click) the line of its forward in the user's file. */
  private revealModule(line: number | null, defLine: number | null, toDefinition: boolean): void {
    const target = toDefinition && defLine !== null ? defLine : line;
    if (target !== null) this.revealLine(target);
  }

  /** Click or Enter/Space; a drag that started on the element does not count. `alt`: Alt was held. */
  private onActivate(target: SVGGElement, activate: (alt: boolean) => void): void {
    target.addEventListener('click', (e) => {
      if (this.suppressClick) return;
      activate(e.altKey);
    });
    target.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        activate(e.altKey);
      }
    });
  }

  private nodeElement(n: LaidNode): SVGGElement {
    const g = svg('g', { transform: `translate(${(n.x - n.width / 2).toFixed(1)},${(n.y - n.height / 2).toFixed(1)})` });
    g.setAttribute('class', this.nodeClass(n));
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    const title = svg('title');
    g.append(title, svg('rect', { width: n.width, height: n.height, rx: n.kind === 'op' ? 10 : 4, class: 'gnode-box' }));
    const titleText = svg('text', { x: n.width / 2, y: NODE_PAD_Y + TITLE_FONT_PX * 0.9, 'text-anchor': 'middle', class: 'gnode-title' });
    g.append(titleText);
    n.label.details.forEach((_d, i) => {
      const y = NODE_PAD_Y + TITLE_FONT_PX + NODE_LINE_GAP + i * (DETAIL_FONT_PX + NODE_LINE_GAP) + DETAIL_FONT_PX * 0.85;
      g.append(svg('text', { x: n.width / 2, y: y.toFixed(1), 'text-anchor': 'middle', class: i === 0 && n.kind === 'op' ? 'gnode-detail gnode-fn' : 'gnode-detail' }));
    });
    if (n.kind === 'module') {
      // The glyph opens a closed module; the rest of the node goes to its call line, as any node to its own.
      g.append(this.toggleGlyph('▸', 8, NODE_PAD_Y + TITLE_FONT_PX * 0.9, this.t('graph.moduleOpen'), () => {
        if (g.dataset.module) this.toggleModule(g.dataset.module, true);
      }));
    }
    this.fillLabel(g, n);
    this.onActivate(g, (alt) => {
      const num = (v: string | undefined): number | null => (v && Number.isInteger(Number(v)) ? Number(v) : null);
      this.revealModule(num(g.dataset.line), num(g.dataset.defLine), alt);
    });
    return g;
  }

  private nodeClass(n: LaidNode): string {
    return `gnode ${n.kind}${n.input ? ' input' : ''}${n.isRoot ? ' root' : ''}${n.line !== null || n.kind === 'module' ? ' has-line' : ''}`;
  }

  private fillLabel(g: SVGGElement, n: LaidNode): void {
    g.dataset.id = String(n.id);
    g.dataset.line = n.line === null ? '' : String(n.line);
    g.dataset.defLine = n.defLine === null ? '' : String(n.defLine);
    if (n.moduleKey !== null) {
      g.dataset.module = n.moduleKey;
      g.setAttribute('aria-expanded', 'false');
    } else {
      delete g.dataset.module;
      g.removeAttribute('aria-expanded');
    }
    g.setAttribute('aria-label', n.label.tooltip.split('\n')[0]);
    const texts = g.querySelectorAll('text');
    texts[0].textContent = n.label.title;
    n.label.details.forEach((d, i) => {
      const t = texts[i + 1];
      if (t) t.textContent = d;
    });
    const title = g.querySelector('title');
    if (title) title.textContent = n.label.tooltip;
  }

  /** Same shape as drawn: only the text changes (ids, values and gradients are new every step). */
  private updateLabels(layout: GraphLayout): void {
    const els = [...this.nodeEls.values()];
    this.nodeEls = new Map();
    layout.nodes.forEach((n, i) => {
      const g = els[i];
      if (!g) return;
      this.fillLabel(g, n);
      g.setAttribute('class', this.nodeClass(n));
      this.nodeEls.set(n.key, g);
    });
  }

  highlight(line: number | null): void {
    this.cursorLine = line;
    const want = line === null ? null : String(line);
    // A module matches on its call's line and on its forward's definition.
    const on = (g: SVGGElement): boolean => want !== null && (g.dataset.line === want || g.dataset.defLine === want);
    for (const g of this.nodeEls.values()) g.classList.toggle('on-cursor', on(g));
    for (const g of this.boxEls.values()) g.classList.toggle('on-cursor', on(g));
  }

  /** Centres the node with `nodeId` and flashes it (the extension's showNode). */
  focus(focus: { nodeId: number; seq: number } | null): void {
    if (!focus || focus.seq === this.focusSeq) return;
    this.focusSeq = focus.seq;
    const n = this.layout?.nodes.find((m) => m.id === focus.nodeId);
    const g = n ? this.nodeEls.get(n.key) : undefined;
    if (!n || !g) return;
    const w = this.box.clientWidth;
    const h = this.box.clientHeight;
    const k = Math.max(this.view.k, 0.9);
    this.view = { k, tx: w / 2 - n.x * k, ty: h / 2 - n.y * k };
    this.needsFit = false;
    this.applyTransform();
    for (const other of this.nodeEls.values()) other.classList.remove('focused');
    g.classList.add('focused');
    if (this.focusTimer !== null) clearTimeout(this.focusTimer);
    this.focusTimer = setTimeout(() => g.classList.remove('focused'), 1600);
    this.box.scrollIntoView({ block: 'nearest' });
  }

  /** Called when the section becomes visible again: a fit requested while hidden happens now. */
  shown(): void {
    if (this.needsFit) this.fit();
  }

  get currentCursorLine(): number | null {
    return this.cursorLine;
  }

  destroy(): void {
    if (this.focusTimer !== null) clearTimeout(this.focusTimer);
  }
}

/** The scale at which `layout` fills a w × h box (margins kept). */
export function fitScale(layout: GraphLayout, w: number, h: number): number {
  return Math.min((w - 16) / Math.max(1, layout.width), (h - 16) / Math.max(1, layout.height));
}

/** The first `limit` items of a drawing (nearest the root) and the edges between them; `cut` says how many went. */
function capItems(v: ViewGraph, limit: number): ViewGraph {
  if (v.items.length <= limit) return v;
  const items = v.items.slice(0, limit);
  const kept = new Set(items.map((it) => it.id));
  return { ...v, items, edges: v.edges.filter(([a, b]) => kept.has(a) && kept.has(b)), cut: v.items.length - limit };
}
