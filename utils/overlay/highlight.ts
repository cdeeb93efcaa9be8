/**
 * The highlight primitive: a ring and a short tooltip over a page element, drawn in the overlay's shadow
 * root. It follows scroll, resize and layout changes, and disappears when the element does. It has no
 * observer of the page's DOM: the overlay's page watcher tells it when the page changed (`follow`), so
 * one observer watches the page, not two. Layout is
 * read once per animation frame, never inside the scroll or mutation handlers themselves, and all of it
 * before anything is written, so one frame lays out once. It is read only where the browser has it ready:
 * while the page scrolls (a scroll leaves layout clean) and in ResizeObserver callbacks (run just after
 * layout); everything else (a new target, page changes, the slow poll) waits until the next frame has
 * been drawn, so the ring never makes the browser lay out a page that is still changing.
 */

export interface Highlight {
  show(element: Element, text: string): void;
  /** The page changed: its element may have moved or left, so it is placed again once a frame is drawn. */
  follow(): void;
  clear(): void;
  readonly target: Element | null;
}

const GAP = 6;

/**
 * @param onPlaced called in the same frame with the target's rectangle, so the caller can move out of its
 *   way without another layout pass.
 */
export function createHighlight(
  layer: HTMLElement,
  signal: AbortSignal,
  onPlaced?: (rect: DOMRect) => void,
): Highlight {
  const ring = document.createElement('div');
  ring.className = 'ssa-ring';
  ring.setAttribute('aria-hidden', 'true');
  const tip = document.createElement('div');
  tip.className = 'ssa-tip';
  tip.setAttribute('role', 'status');
  let target: Element | null = null;
  let text = '';
  let frame = 0;
  let settleFrame = 0;
  let settleTimer = 0;
  let poll = 0;
  /** Where the ring and tip were last put: placed again unchanged, they are not written (nor restyled). */
  let drawn = '';
  // Called right after the browser laid the page out: reading the target's box here costs nothing.
  const resize = new ResizeObserver(() => update());

  /** In the next frame, before it is drawn: for scrolling, where the layout is clean and lag would show. */
  function schedule() {
    if (!frame && target) frame = requestAnimationFrame(update);
  }

  /**
   * Right after the next frame is drawn: the page has changed (or may have), so its layout is stale until
   * that frame lays it out, and reading it now would force that layout early.
   */
  function settle() {
    if (settleFrame || settleTimer || !target) return;
    settleFrame = requestAnimationFrame(() => {
      settleFrame = 0;
      // A task queued in an animation frame runs after that frame's layout and paint.
      settleTimer = window.setTimeout(() => {
        settleTimer = 0;
        update();
      }, 0);
    });
  }

  function update() {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    if (!target) return;
    if (!target.isConnected) return clear();
    const r = target.getBoundingClientRect();
    const hidden = r.width === 0 && r.height === 0;
    // The caller reads its own layout here too, before the writes below.
    if (!hidden) onPlaced?.(r);
    // The page's own changes (a burst of rows, the slow poll) mostly leave the target where it was.
    const place = hidden
      ? 'hidden'
      : `${r.left} ${r.top} ${r.width} ${r.height} ${window.innerWidth} ${window.innerHeight}`;
    if (place === drawn) return;
    drawn = place;
    ring.hidden = hidden;
    tip.hidden = hidden;
    if (hidden) return;
    ring.style.transform = `translate(${r.left - GAP}px, ${r.top - GAP}px)`;
    ring.style.width = `${r.width + GAP * 2}px`;
    ring.style.height = `${r.height + GAP * 2}px`;
    const below = r.bottom + 44 < window.innerHeight;
    const left = Math.max(8, Math.min(r.left, window.innerWidth - 280));
    tip.style.transform = `translate(${left}px, ${below ? r.bottom + GAP * 2 : Math.max(8, r.top - GAP * 2 - 36)}px)`;
  }

  function clear() {
    target = null;
    text = '';
    drawn = '';
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    cancelAnimationFrame(settleFrame);
    clearTimeout(settleTimer);
    settleFrame = 0;
    settleTimer = 0;
    clearInterval(poll);
    resize.disconnect();
    ring.remove();
    tip.remove();
  }

  /** Points at `element`; asked again for what it already shows (every render does), it changes nothing. */
  function show(element: Element, hint: string) {
    if (target === element && text === hint) return;
    if (target !== element) {
      clear();
      target = element;
      resize.observe(element);
      resize.observe(document.documentElement);
      // Moves no observer sees (a CSS transition, a stylesheet swapped, an attribute not watched): a slow poll.
      poll = window.setInterval(settle, 500);
      // Not drawn until placed (one frame later), rather than drawn once where the last target was.
      ring.hidden = true;
      tip.hidden = true;
      layer.append(ring, tip);
    }
    text = hint;
    tip.textContent = hint;
    settle();
  }

  const onViewport = () => schedule();
  window.addEventListener('scroll', onViewport, { capture: true, passive: true, signal });
  window.addEventListener('resize', onViewport, { passive: true, signal });
  signal.addEventListener('abort', clear);

  return {
    show,
    follow: settle,
    clear,
    get target() {
      return target;
    },
  };
}
