/**
 * The tab strip under the graph when the panel is narrower than 900 px (WAI-ARIA tabs: one tab in the Tab
 * order, arrows, Home and End move and choose at once). A click (Enter, Space) on the chosen tab collapses its
 * section or opens it again, which aria-expanded says. It only draws the choice; the panel owns it.
 */
import { PANEL_TABS, type PanelTabId } from '../protocol';
import { tabForKey } from '../model/panelLayout';
import { el } from './dom';

export class TabStrip {
  readonly root: HTMLElement;
  private readonly tabs = new Map<PanelTabId, HTMLButtonElement>();

  constructor(
    label: string,
    titles: (id: PanelTabId) => string,
    private readonly choose: (id: PanelTabId) => void,
    private readonly click: (id: PanelTabId) => void,
  ) {
    this.root = el('div', 'tab-strip');
    this.root.setAttribute('role', 'tablist');
    this.root.setAttribute('aria-label', label);
    for (const id of PANEL_TABS) {
      const tab = el('button', 'tab', titles(id));
      tab.type = 'button';
      tab.id = tabId(id);
      tab.dataset.tab = id;
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-controls', panelId(id));
      tab.addEventListener('click', () => this.click(id));
      tab.addEventListener('keydown', (e) => {
        const next = tabForKey(id, e.key);
        if (next === null) return;
        e.preventDefault();
        this.choose(next);
        this.tabs.get(next)?.focus();
      });
      this.tabs.set(id, tab);
      this.root.append(tab);
    }
  }

  /** Marks the chosen tab (the only one Tab reaches) and whether its section is open. */
  show(chosen: PanelTabId, open: boolean): void {
    for (const [id, tab] of this.tabs) {
      const selected = id === chosen;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      if (selected) tab.setAttribute('aria-expanded', String(open));
      else tab.removeAttribute('aria-expanded');
    }
  }
}

/** The ids that tie a tab and its section together (aria-controls, aria-labelledby). */
export function tabId(id: PanelTabId): string {
  return `tab-${id}`;
}

export function panelId(id: string): string {
  return `section-${id}`;
}
