/**
 * The panel's DOM: a header and seven collapsible sections, each drawn by its view from the shared state.
 * `render` redraws only the sections marked dirty and skips collapsed ones (they catch up when opened).
 *
 * From 900 px wide the graph fills the left column and the other sections sit beside it, each collapsible
 * (media/panel.css). Narrower, they are tabs under the graph: the chosen one is shown open, whatever its
 * collapsed state, which stays the wide layout's. Both choices go to the extension (`layout`), kept per workspace.
 */
import { translate, type StringId, type Translate } from '../strings';
import { el } from './dom';
import { exportFileName, type WebviewToExtension } from '../protocol';
import type { SaveExport } from '../charts/chartExport';
import { graphStepFor, type PanelState, type Section } from '../model/state';
import type { PanelTheme } from './theme';
import { ConsoleView } from './consoleView';
import { FiguresView } from '../charts/figuresView';
import { GradView } from '../charts/gradView';
import { GraphView } from '../graph/graphView';
import { HeaderView } from './headerView';
import { LeafTableView } from './leafTableView';
import { LossView } from '../charts/lossView';
import { VariablesView } from './variablesView';
import { setRunVisible } from '../model/runs';
import { clickTab, layoutOf, sameLayout, type PanelSectionId, type PanelTabId } from '../model/panelLayout';
import { panelId, tabId, TabStrip } from './tabStrip';

type SectionId = PanelSectionId;

/** Where the sections become tabs; the same width as panel.css's media queries. */
const TABBED_QUERY = '(max-width: 899px)';

const SECTION_TITLES: Record<SectionId, StringId> = {
  loss: 'section.loss',
  gradients: 'section.gradients',
  leaves: 'section.leaves',
  variables: 'section.variables',
  graph: 'section.graph',
  figures: 'section.figures',
  console: 'section.console',
};

export interface PanelHost {
  post(msg: WebviewToExtension): void;
  /** The state changed through the UI (scale toggles, collapsing): redraw and save. */
  changed(): void;
}

export class Panel {
  private readonly header: HeaderView;
  private readonly loss: LossView;
  private readonly grad: GradView;
  private readonly leafTable: LeafTableView;
  private readonly variables: VariablesView;
  private readonly graph: GraphView;
  private readonly figures: FiguresView;
  private readonly console: ConsoleView;
  private readonly details = new Map<SectionId, HTMLDetailsElement>();
  /** Sections that changed while collapsed. */
  private readonly stale = new Set<SectionId>();
  private readonly tabStrip: TabStrip;
  private readonly narrow: MediaQueryList;
  private readonly onWidth = (): void => {
    this.layOut();
    // Sections that were not displayed at the other width catch up (they are marked stale).
    this.host.changed();
  };

  constructor(
    root: HTMLElement,
    private readonly state: PanelState,
    theme: PanelTheme,
    private readonly host: PanelHost,
  ) {
    const t: Translate = (id, ...args) => translate(this.state.l10n, id, ...args);
    this.header = new HeaderView(t, {
      stop: () => host.post({ type: 'stop' }),
      runAgain: () => host.post({ type: 'runAgain' }),
      revealLine: (line) => host.post({ type: 'revealLine', line }),
      debug: (action) => host.post({ type: action }),
    });
    // A file named after the script the panel shows; the extension asks where to save it.
    const save: SaveExport = (format, chart, data) => host.post({ type: 'export', format, fileName: exportFileName(this.state.run?.label ?? this.state.file, chart, format), data });
    this.loss = new LossView(t, theme, (log) => this.setUi({ lossLog: log }), save, {
      toggle: (id, visible) => {
        setRunVisible(this.state, id, visible);
        this.host.changed();
      },
      pin: (id) => host.post({ type: 'pinRun', id }),
      showStep: (step) => this.setUi({ graphStep: graphStepFor(this.state, step) }),
    });
    this.grad = new GradView(t, theme, (log) => this.setUi({ gradLog: log }), save);
    this.leafTable = new LeafTableView(t, (at) => this.setUi({ leafState: at }));
    this.variables = new VariablesView(t, {
      sort: (by) => this.setUi({ varSort: by }),
      toggle: (key) => {
        const open = new Set(this.state.ui.varExpanded);
        if (open.has(key)) open.delete(key);
        else open.add(key);
        this.setUi({ varExpanded: [...open] });
      },
    });
    this.graph = new GraphView(
      t,
      (line) => host.post({ type: 'revealLine', line }),
      (step) => this.setUi({ graphStep: step }),
      (key, open) => this.setUi({ graphModules: { ...this.state.ui.graphModules, [key]: open } }),
    );
    this.figures = new FiguresView(t, theme, save);
    this.console = new ConsoleView(t, {
      evaluate: (code) => host.post({ type: 'evaluate', code }),
      setConditions: (conditions) => {
        // Kept here too, so the fields show the choice until the next init brings the extension's copy.
        this.state.settings = { ...this.state.settings, debug: conditions };
        host.post({ type: 'pauseConditions', conditions });
      },
    });
    const main = el('main', 'sections');
    this.tabStrip = new TabStrip(t('section.tabs'), (id) => t(SECTION_TITLES[id]), (id) => this.chooseTab(id), (id) => this.clickedTab(id));
    // The graph first, then the tabs, then the sections they choose: the order a screen reader reads them in.
    const bodies: Record<SectionId, HTMLElement> = { graph: this.graph.root, loss: this.loss.root, gradients: this.grad.root, leaves: this.leafTable.root, variables: this.variables.root, figures: this.figures.root, console: this.console.root };
    for (const id of Object.keys(bodies) as SectionId[]) {
      const d = el('details', `card card-${id}`);
      d.id = panelId(id);
      d.open = !state.ui.collapsed.includes(id);
      const summary = el('summary', 'card-title', t(SECTION_TITLES[id]));
      d.append(summary, bodies[id]);
      d.addEventListener('toggle', () => this.toggled(id, d.open));
      this.details.set(id, d);
      main.append(d);
      if (id === 'graph') main.append(this.tabStrip.root);
    }
    root.replaceChildren(this.header.root, main);
    this.narrow = window.matchMedia(TABBED_QUERY);
    this.narrow.addEventListener('change', this.onWidth);
    this.layOut();
  }

  private get tabbed(): boolean {
    return this.narrow.matches;
  }

  /**
   * Shows the layout of the state at the panel's width: narrow, the chosen tab's section (open, unless the user
   * collapsed it with a click on its tab) and no other; wide, every section open or collapsed as the user left it.
   */
  private layOut(): void {
    const tab = this.state.ui.tab;
    const tabOpen = this.state.ui.tabOpen;
    const collapsed = new Set(this.state.ui.collapsed);
    this.tabStrip.show(tab, tabOpen);
    for (const [id, d] of this.details) {
      if (id === 'graph') {
        d.open = !collapsed.has(id);
        continue;
      }
      const shown = id === tab && tabOpen;
      d.classList.toggle('tab-shown', shown);
      if (this.tabbed) {
        d.setAttribute('role', 'tabpanel');
        d.setAttribute('aria-labelledby', tabId(id));
        if (shown && !d.open) d.open = true;
        if (shown) this.stale.add(id);
      } else {
        d.removeAttribute('role');
        d.removeAttribute('aria-labelledby');
        d.open = !collapsed.has(id);
      }
    }
  }

  /** The arrow keys, Home and End: another tab, shown open. */
  private chooseTab(id: PanelTabId): void {
    if (id === this.state.ui.tab) return;
    this.clickedTab(id);
  }

  private clickedTab(id: PanelTabId): void {
    const before = layoutOf(this.state.ui);
    Object.assign(this.state.ui, clickTab(this.state.ui, id));
    this.layOut();
    this.layoutChanged(before);
  }

  /** Tells the extension, which keeps the layout for the workspace, and saves and redraws. */
  private layoutChanged(before: ReturnType<typeof layoutOf>): void {
    const after = layoutOf(this.state.ui);
    if (!sameLayout(before, after)) this.host.post({ type: 'layout', layout: after });
    this.state.dirty.add('ui');
    this.host.changed();
  }

  private setUi(patch: Partial<PanelState['ui']>): void {
    Object.assign(this.state.ui, patch);
    this.state.dirty.add('loss').add('gradients').add('variables').add('graph').add('ui');
    this.host.changed();
  }

  private toggled(id: SectionId, open: boolean): void {
    if (this.tabbed && id !== 'graph') {
      // Opened by choosing its tab: the wide layout's collapsed state is left as it was.
      if (open) this.stale.add(id);
      this.host.changed();
      return;
    }
    const before = layoutOf(this.state.ui);
    const collapsed = new Set(this.state.ui.collapsed);
    if (open) collapsed.delete(id);
    else collapsed.add(id);
    this.state.ui.collapsed = [...collapsed];
    if (open) this.stale.add(id);
    this.layoutChanged(before);
    if (open && id === 'graph') requestAnimationFrame(() => this.graph.shown());
  }

  /** Drawn now: open, and when tabbed, the chosen tab's section if it is open (the others are not displayed). */
  private isOpen(id: SectionId): boolean {
    if (this.tabbed && id !== 'graph' && (id !== this.state.ui.tab || !this.state.ui.tabOpen)) return false;
    return this.details.get(id)?.open ?? true;
  }

  /** Releases the charts (the panel is rebuilt when the display language arrives or changes). */
  destroy(): void {
    this.narrow.removeEventListener('change', this.onWidth);
    this.loss.destroy();
    this.grad.destroy();
    this.figures.destroy();
    this.graph.destroy();
  }

  /** Re-reads theme colours into the canvas charts (the SVG graph follows the CSS variables by itself). */
  setTheme(theme: PanelTheme): void {
    this.loss.setTheme(theme);
    this.grad.setTheme(theme);
    this.figures.setTheme(theme);
    for (const s of ['loss', 'gradients', 'figures'] as const) this.state.dirty.add(s);
  }

  render(now: number): void {
    const dirty = this.state.dirty;
    // The extension's init brought the workspace's layout.
    if (dirty.has('layout')) this.layOut();
    // The leaf table changes with the gradients.
    const dirtyKey = (id: SectionId): Section => (id === 'leaves' ? 'gradients' : id);
    const want = (id: SectionId): boolean => {
      if (!dirty.has(dirtyKey(id)) && !this.stale.has(id)) return false;
      if (!this.isOpen(id)) {
        this.stale.add(id);
        return false;
      }
      this.stale.delete(id);
      return true;
    };
    if (dirty.has('header')) this.header.render(this.state, now);
    if (want('loss')) this.loss.render(this.state);
    if (want('gradients')) this.grad.render(this.state);
    if (want('leaves')) this.leafTable.render(this.state);
    if (want('variables')) this.variables.render(this.state);
    if (want('graph')) this.graph.render(this.state);
    else if (dirty.has('cursor')) this.graph.highlight(this.state.cursorLine);
    if (dirty.has('focus')) {
      const d = this.details.get('graph');
      if (d && !d.open) {
        // The extension asked to show a node: open the graph first.
        d.open = true;
        this.graph.render(this.state);
      }
      this.graph.focus(this.state.focus);
    }
    if (want('figures')) this.figures.render(this.state);
    if (want('console')) this.console.render(this.state);
    dirty.clear();
  }
}
