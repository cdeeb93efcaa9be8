/** A tiny element builder for the overlay: no framework on admin pages, and no innerHTML. */
type Attrs = Record<string, string | number | boolean | undefined>;
type Child = Node | string | false | null | undefined;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

/** The attributes that name a control or a row: one with other values is another thing, not an update. */
const IDENTITY = ['data-action', 'data-step', 'data-finding', 'role'];

function sameThing(have: Node, want: Node): boolean {
  if (have.nodeType !== want.nodeType) return false;
  if (have.nodeType !== Node.ELEMENT_NODE) return true;
  const a = have as Element;
  const b = want as Element;
  return a.tagName === b.tagName && IDENTITY.every((name) => a.getAttribute(name) === b.getAttribute(name));
}

function patchAttributes(have: Element, want: Element): void {
  for (const name of have.getAttributeNames()) if (!want.hasAttribute(name)) have.removeAttribute(name);
  for (const name of want.getAttributeNames()) {
    const value = want.getAttribute(name) as string;
    if (have.getAttribute(name) !== value) have.setAttribute(name, value);
  }
}

/**
 * Makes `have`'s children what `want`'s are (a tree `h` built and nobody shows), keeping every node that
 * stays the same thing: same tag and identity (IDENTITY), or text. An update then changes only what
 * differs, so the browser lays out those parts alone, focus stays on its control, and a live region
 * (role="status") is announced when its text changes, not at every render. Consumes `want`'s children.
 */
export function patchChildren(have: Element, want: Element): void {
  const wanted = Array.from(want.childNodes);
  for (let i = 0; i < wanted.length; i++) {
    const next = wanted[i] as Node;
    const current = have.childNodes[i];
    if (!current) have.append(next);
    else if (!sameThing(current, next)) have.replaceChild(next, current);
    else if (current.nodeType === Node.ELEMENT_NODE) {
      patchAttributes(current as Element, next as Element);
      patchChildren(current as Element, next as Element);
    } else if (current.nodeValue !== next.nodeValue) current.nodeValue = next.nodeValue;
  }
  while (have.childNodes.length > wanted.length) have.lastChild?.remove();
}
