/** The fixture pages the benchmark loads, and the DOM mutation burst it plays on them. */
import { fixturePages, withFixtureState } from '../../tests/fixtures/guide';

export interface BenchPage {
  id: string;
  label: string;
  site: 'Okta' | 'Atlassian';
  flow: boolean;
  url: string;
  /** How many mutation bursts are played here, traced (0: none). */
  bursts: number;
  /** The highlight is scrolled here. */
  scroll: boolean;
}

const PAGES = fixturePages();

export const BENCH_PAGES: readonly BenchPage[] = [
  {
    id: 'okta-off',
    label: 'Okta dashboard (off the flow)',
    site: 'Okta',
    flow: false,
    url: PAGES.oktaDashboard,
    // Off the flow the question is only whether the extension reacts at all.
    bursts: 10,
    scroll: false,
  },
  {
    id: 'okta-flow',
    label: 'Okta Push Groups, 2,000 groups (flow)',
    site: 'Okta',
    flow: true,
    url: withFixtureState(PAGES.oktaPushGroups, 'many-groups'),
    bursts: 20,
    scroll: true,
  },
  {
    id: 'atlassian-off',
    label: 'Atlassian org overview (off the flow)',
    site: 'Atlassian',
    flow: false,
    url: PAGES.atlassianOverview,
    bursts: 0,
    scroll: false,
  },
  {
    id: 'atlassian-flow',
    label: 'Atlassian SCIM setup (flow)',
    site: 'Atlassian',
    flow: true,
    url: PAGES.atlassianScimSetup,
    bursts: 0,
    scroll: false,
  },
];

/** Rows added, then removed, per burst: one page-script render of a list chunk. */
export const BURST_ROWS = 200;
/** One-row changes traced after the bursts on each page that has bursts: the common case of a list edit. */
export const ROW_CHANGES = 10;
/** Bursts replayed untraced in both Chromiums on flow pages, for the difference method. */
export const DIFF_BURSTS = 10;
/** At least this long after each burst, then until the page is idle: the extension's reaction (observer → frame → read → message → render) ends inside it. */
export const BURST_GAP_MS = 100;
/** Every re-check the content script schedules after a navigation (utils/overlay/navigation.ts) is over by then. */
export const QUIET_AFTER_LOAD_MS = 4_500;

/**
 * Runs in the page, as the page's own script would: appends BURST_ROWS copies of the last row of the
 * page's longest list in one go, or removes them again (alternating), and marks the moment in the trace.
 */
export function playBurst(rows: number): number {
  const w = window as unknown as { __benchBurst?: { list: Element; template: Element; added: Element[] } };
  if (!w.__benchBurst) {
    let list: Element = document.body;
    for (const el of document.body.querySelectorAll('*')) {
      if (el.childElementCount > list.childElementCount && !el.closest('scim-setup-assistant')) list = el;
    }
    const rowsOf = [...list.children].filter(
      (c) => !['SCRIPT', 'STYLE', 'LINK', 'SCIM-SETUP-ASSISTANT'].includes(c.tagName),
    );
    const template = rowsOf[rowsOf.length - 1] ?? document.createElement('div');
    w.__benchBurst = { list, template, added: [] };
  }
  const b = w.__benchBurst;
  performance.mark('bench-burst');
  if (b.added.length) {
    for (const el of b.added) el.remove();
    b.added = [];
  } else {
    const batch = document.createDocumentFragment();
    for (let i = 0; i < rows; i++) {
      const copy = b.template.cloneNode(true) as Element;
      b.added.push(copy);
      batch.append(copy);
    }
    b.list.append(batch);
  }
  return b.list.childElementCount;
}

/**
 * Runs in the page: two frames, `minMs`, then an idle period (the main thread has nothing left to do).
 * No named inner functions: tsx would wrap them in a `__name` helper the page does not have.
 */
export async function untilIdle(minMs: number): Promise<void> {
  for (let i = 0; i < 2; i++) await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  await new Promise((resolve) => setTimeout(resolve, minMs));
  await new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 5_000 }));
}

/**
 * Runs in the page, as the page's own script would: renames one row in the middle of the list `playBurst`
 * found (its first link, or its first element with text), and back on the next call; marks the moment.
 * Call after `playBurst` has run once.
 */
export function playRowChange(): void {
  const w = window as unknown as { __benchBurst?: { list: Element }; __benchRename?: { el: Element; text: string } };
  const list = w.__benchBurst?.list;
  if (!list) throw new Error('playBurst has not found the list yet');
  if (!w.__benchRename) {
    const row = list.children[Math.floor(list.children.length / 2)];
    const el =
      row?.querySelector('a') ??
      [...(row?.querySelectorAll('*') ?? [])].find((e) => e.childElementCount === 0 && e.textContent?.trim());
    if (!el) throw new Error('No text to change in the middle row');
    w.__benchRename = { el, text: el.textContent ?? '' };
  }
  const r = w.__benchRename;
  performance.mark('bench-row-change');
  r.el.textContent = r.el.textContent === r.text ? `${r.text} (renamed)` : r.text;
}
