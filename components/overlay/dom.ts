/**
 * A tiny element builder for the overlay: no framework on admin pages, and no innerHTML. `h` describes an
 * element as plain data; `patchChildren` brings real elements up to a description, creating DOM only for
 * what is new. A render then costs objects for the whole panel and DOM calls for what changed, not a
 * second panel of elements built to be compared and thrown away (in Chromium: a re-render takes about half
 * the time once the code is warm, up to a fifth less on a page's first renders).
 */
type Attrs = Record<string, string | number | boolean | undefined>;

/** An element as `h` describes it: its attributes as they will be set, and its children. */
export interface VNode {
  tag: string;
  attrs: Record<string, string>;
  children: Child[];
}

/** A child as it is kept: an element's description, or text. */
type Child = VNode | string;
/** A child as it may be given: false, null, undefined and '' are left out (for `cond && h(…)`). */
type ChildArg = Child | false | null | undefined;

export function h(tag: keyof HTMLElementTagNameMap, attrs: Attrs = {}, ...children: ChildArg[]): VNode {
  const set: Record<string, string> = {};
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    set[name] = value === true ? '' : String(value);
  }
  const kept: Child[] = [];
  for (const child of children) if (child) kept.push(child);
  return { tag, attrs: set, children: kept };
}

/** The DOM a description stands for, made afresh. */
function create(want: Child): Node {
  if (typeof want === 'string') return document.createTextNode(want);
  const el = document.createElement(want.tag);
  for (const name in want.attrs) el.setAttribute(name, want.attrs[name] as string);
  for (const child of want.children) el.append(create(child));
  return el;
}

/** The attributes that name a control or a row: one with other values is another thing, not an update. */
const IDENTITY = ['data-action', 'data-step', 'data-finding', 'role'];

function sameThing(have: Node, want: Child): boolean {
  if (typeof want === 'string') return have.nodeType === Node.TEXT_NODE;
  if (have.nodeType !== Node.ELEMENT_NODE) return false;
  const el = have as Element;
  return el.localName === want.tag && IDENTITY.every((name) => el.getAttribute(name) === (want.attrs[name] ?? null));
}

function patchAttributes(have: Element, want: VNode): void {
  for (const name of have.getAttributeNames()) if (!Object.hasOwn(want.attrs, name)) have.removeAttribute(name);
  for (const name in want.attrs) {
    const value = want.attrs[name] as string;
    if (have.getAttribute(name) !== value) have.setAttribute(name, value);
  }
}

/**
 * Makes `have`'s children what `want` describes, keeping every node that stays the same thing: same tag
 * and identity (IDENTITY), or text. An update then changes only what differs, so the browser lays out
 * those parts alone, focus stays on its control, and a live region (role="status") is announced when its
 * text changes, not at every render.
 */
export function patchChildren(have: Element, want: readonly Child[]): void {
  const nodes = have.childNodes;
  for (let i = 0; i < want.length; i++) {
    const next = want[i] as Child;
    const current = nodes[i];
    if (!current) have.append(create(next));
    else if (!sameThing(current, next)) have.replaceChild(create(next), current);
    else if (typeof next !== 'string') {
      patchAttributes(current as Element, next);
      patchChildren(current as Element, next.children);
    } else if (current.nodeValue !== next) current.nodeValue = next;
  }
  while (nodes.length > want.length) have.lastChild?.remove();
}
