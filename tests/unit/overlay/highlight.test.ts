/**
 * When the highlight reads layout: only where the browser has it ready (in a frame while the page
 * scrolls, or once a frame has been drawn after a change), never inside show(), a mutation callback or a
 * scroll handler, and never in a frame that follows a page change (that would force the layout early).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHighlight } from '../../../utils/overlay/highlight';

let frames: FrameRequestCallback[] = [];
/** Runs the callbacks of one animation frame (not those they queue for the next). */
function runFrame() {
  const now = frames;
  frames = [];
  for (const cb of now) cb(performance.now());
}

let reads = 0;
let target: HTMLElement;
let layer: HTMLElement;
let abort: AbortController;

beforeEach(() => {
  vi.useFakeTimers();
  frames = [];
  reads = 0;
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => {
    frames.push(cb);
    return frames.length;
  });
  vi.spyOn(window, 'cancelAnimationFrame').mockImplementation(() => undefined);
  document.body.innerHTML = '<main><button id="go">Save</button></main><div id="layer"></div>';
  target = document.getElementById('go') as HTMLElement;
  layer = document.getElementById('layer') as HTMLElement;
  target.getBoundingClientRect = () => {
    reads += 1;
    return DOMRect.fromRect({ x: 100, y: 200, width: 80, height: 30 });
  };
  abort = new AbortController();
});

afterEach(() => {
  abort.abort();
  vi.useRealTimers();
});

const ring = () => layer.querySelector('.ssa-ring') as HTMLElement;

/** A highlight shown and placed once, its layout reads counted from zero. */
function placed() {
  const h = createHighlight(layer, abort.signal);
  h.show(target, 'Click Save');
  runFrame();
  vi.advanceTimersByTime(0);
  reads = 0;
  return h;
}

describe('highlight', () => {
  it('places the ring only after the next frame has been drawn, and hides it until then', () => {
    const h = createHighlight(layer, abort.signal);
    h.show(target, 'Click Save');
    expect(reads).toBe(0);
    expect(ring().hidden).toBe(true);
    runFrame();
    expect(reads).toBe(0);
    vi.advanceTimersByTime(0);
    expect(reads).toBe(1);
    expect(ring().hidden).toBe(false);
    expect(ring().style.transform).toBe('translate(94px, 194px)');
  });

  it('follows a page change after the frame the change causes, not when told or in that frame', () => {
    const h = placed();
    document.querySelector('main')?.prepend(document.createElement('p'));
    // What the overlay's page watcher does when it sees the change.
    h.follow();
    expect(reads).toBe(0);
    runFrame();
    expect(reads).toBe(0);
    vi.advanceTimersByTime(0);
    expect(reads).toBe(1);
  });

  it('watches no DOM of its own (the page watcher tells it), and being shown the same again reads nothing', () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const h = placed();
    expect(observe).not.toHaveBeenCalled();
    h.show(target, 'Click Save');
    runFrame();
    vi.advanceTimersByTime(0);
    expect(reads).toBe(0);
  });

  it('writes nothing when placed again where it was, and moves when its element did', () => {
    const h = placed();
    const again = () => {
      h.follow();
      runFrame();
      vi.advanceTimersByTime(0);
    };
    // A mark no placement would write: it stays while the element stays put.
    ring().style.transform = 'translate(1px, 1px)';
    again();
    expect(reads).toBe(1);
    expect(ring().style.transform).toBe('translate(1px, 1px)');
    target.getBoundingClientRect = () => DOMRect.fromRect({ x: 100, y: 260, width: 80, height: 30 });
    again();
    expect(ring().style.transform).toBe('translate(94px, 254px)');
    target.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: 0, width: 0, height: 0 });
    again();
    expect(ring().hidden).toBe(true);
    target.getBoundingClientRect = () => DOMRect.fromRect({ x: 100, y: 260, width: 80, height: 30 });
    again();
    expect(ring().hidden).toBe(false);
    expect(ring().style.transform).toBe('translate(94px, 254px)');
  });

  it('goes when its element has left the page', () => {
    const h = placed();
    target.remove();
    h.follow();
    runFrame();
    vi.advanceTimersByTime(0);
    expect(ring()).toBeNull();
    expect(h.target).toBeNull();
  });

  it('follows scrolling in the next frame, not in the scroll handler', () => {
    placed();
    window.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('scroll'));
    expect(reads).toBe(0);
    runFrame();
    expect(reads).toBe(1);
  });

  it('the slow poll reads after a drawn frame too, and reading stops once cleared', () => {
    const h = placed();
    vi.advanceTimersByTime(500);
    expect(reads).toBe(0);
    runFrame();
    expect(reads).toBe(0);
    vi.advanceTimersByTime(0);
    expect(reads).toBe(1);
    h.clear();
    expect(ring()).toBeNull();
    vi.advanceTimersByTime(2000);
    runFrame();
    vi.advanceTimersByTime(0);
    expect(reads).toBe(1);
  });
});
