/**
 * The panel's layout as the user chose it: the sections collapsed (side by side, from 900 px wide) and the tab
 * shown under the graph (narrower), open or collapsed. The webview keeps it in its own state; the extension keeps a copy per
 * workspace (the `layout` message) and gives it back in `init`, so a new panel opens laid out the same.
 */
import { PANEL_SECTIONS, PANEL_TABS, type PanelLayout, type PanelSectionId, type PanelTabId } from '../protocol';
import type { UiState } from './state';

/** The tab shown until the user chooses another: the loss, what a learner looks at first after the graph. */
export const DEFAULT_TAB: PanelTabId = 'loss';

export function isTab(v: unknown): v is PanelTabId {
  return typeof v === 'string' && (PANEL_TABS as readonly string[]).includes(v);
}

/** What a saved state holds as its tab, or the default when it holds none (a state saved before tabs) or garbage. */
export function tabOr(v: unknown): PanelTabId {
  return isTab(v) ? v : DEFAULT_TAB;
}

/** The layout to send to the extension: known sections only, in the panel's order. */
export function layoutOf(ui: Pick<UiState, 'collapsed' | 'tab' | 'tabOpen'>): PanelLayout {
  const collapsed = new Set(ui.collapsed);
  return { collapsed: PANEL_SECTIONS.filter((s) => collapsed.has(s)), tab: tabOr(ui.tab), tabOpen: ui.tabOpen !== false };
}

/** Takes the layout the extension kept; true when it changed what the panel shows. */
export function applyLayout(ui: UiState, layout: PanelLayout): boolean {
  const before = JSON.stringify(layoutOf(ui));
  ui.collapsed = [...layout.collapsed];
  ui.tab = tabOr(layout.tab);
  ui.tabOpen = layout.tabOpen;
  return JSON.stringify(layoutOf(ui)) !== before;
}

export function sameLayout(a: PanelLayout, b: PanelLayout): boolean {
  return a.tab === b.tab && a.tabOpen === b.tabOpen && a.collapsed.length === b.collapsed.length && a.collapsed.every((s, i) => s === b.collapsed[i]);
}

/**
 * The layout after a click on a tab: another tab is chosen and shown open; the chosen one again collapses its
 * section, or opens it (the graph then has the panel to itself, the tabs stay under it).
 */
export function clickTab(ui: Pick<UiState, 'tab' | 'tabOpen'>, id: PanelTabId): Pick<UiState, 'tab' | 'tabOpen'> {
  return id === ui.tab ? { tab: id, tabOpen: !ui.tabOpen } : { tab: id, tabOpen: true };
}

/** The tab a key moves to in the tab strip (WAI-ARIA tabs: arrows wrap around, Home and End), or null for other keys. */
export function tabForKey(current: PanelTabId, key: string): PanelTabId | null {
  const i = PANEL_TABS.indexOf(current);
  const n = PANEL_TABS.length;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return PANEL_TABS[(i + 1) % n];
    case 'ArrowLeft':
    case 'ArrowUp':
      return PANEL_TABS[(i - 1 + n) % n];
    case 'Home':
      return PANEL_TABS[0];
    case 'End':
      return PANEL_TABS[n - 1];
    default:
      return null;
  }
}

export type { PanelLayout, PanelSectionId, PanelTabId };
