import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstElement, hiddenByMarkup, hiddenByStyle, hiddenItself } from '../../../utils/readers/dom';
import { taskPerRun } from '../task-per-run';

function el(html: string): Element {
  document.body.innerHTML = html;
  return document.body.firstElementChild as Element;
}

/** Makes reading the element's style object throw (once its style is set): the readers answer from the attribute. */
function noStyleObject(e: Element): Element {
  Object.defineProperty(e, 'style', {
    get() {
      throw new Error('the style object was read');
    },
  });
  return e;
}

/** An inline style a property test generated: happy-dom 21 never returns from `el.style` on it. */
const STALLS_HAPPY_DOM =
  '<E.:|G9&<%q<guC)z]I2kF\\pgq.MO,r0epV dd \\-ApIs$;=t YDOrE={yNJ#RBT>](K~ND{h 3_Y1wSdm59tU7skriFCf1qM.T6w&)wPKDI6WK^^QF}WJz\\nis|Jz_#"ij(ZNgnY*Y+<iwe)Q_(t>>lX2PPLybz)*YOSY5qQUht4?8qQa16/xFy"X#BcR&H6s |;FZ,~~*e-qA.CBmIRq[_"/4UI8^Hp(m\\;2|p3X1"_]ME@K tXKfu,3[zd#GEDq9Fp{e+g}1$yY.J2mUm) w%;}2[obCUk.t$OxcZoP4)_.}=vV7|2BftHd&21|Y34} JF6v3m&1_8)op_5k.P%%M<lTw$-%j9Q6-)9t<5X,@{PxmpE!7I+szs$a*SERXAh4Jz:^|nZ\\hns,/55c{u*4 TM9@vt?w/F`K|_/`l6B9]!g#\'W-L3GD4<yd4{[<m(';

describe('hiddenByStyle', () => {
  it.each([
    ['display:none', true],
    ['display: none;', true],
    ['DISPLAY : None', true],
    ['color: red; display: none', true],
    ['display: none !important; color: red', true],
    ['display: block', false],
    ['display: nonesuch', false],
    ['--my-display: none', false],
    ['visibility: hidden', false],
    ['', false],
  ])('%j → %s', (style, hidden) => {
    const e = el('<div></div>');
    e.setAttribute('style', style);
    expect(hiddenByStyle(noStyleObject(e))).toBe(hidden);
  });

  it('answers on malformed inline styles', () => {
    const e = el('<div></div>');
    e.setAttribute('style', STALLS_HAPPY_DOM);
    expect(hiddenByStyle(e)).toBe(false);
    expect(hiddenByMarkup(e)).toBe(false);
    e.setAttribute('style', `${STALLS_HAPPY_DOM}; display: none`);
    expect(hiddenByStyle(e)).toBe(true);
  });
});

describe('hiddenItself and hiddenByMarkup', () => {
  it('hiddenItself: the hidden attribute or an inline display: none, on the element only', () => {
    expect(hiddenItself(el('<div hidden></div>'))).toBe(true);
    expect(hiddenItself(el('<div style="display:none"></div>'))).toBe(true);
    expect(hiddenItself(el('<div aria-hidden="true"></div>'))).toBe(false);
    const inner = el('<div style="display:none"><span></span></div>').firstElementChild as Element;
    expect(hiddenItself(inner)).toBe(false);
  });

  it('hiddenByMarkup: the element or an ancestor up to `within`, aria-hidden included', () => {
    const outer = noStyleObject(el('<div style="display: none"><section><button></button></section></div>'));
    const section = noStyleObject(outer.firstElementChild as Element);
    const button = noStyleObject(section.firstElementChild as Element);
    expect(hiddenByMarkup(button)).toBe(true);
    expect(hiddenByMarkup(button, outer)).toBe(false);
    section.setAttribute('aria-hidden', 'true');
    expect(hiddenByMarkup(button, outer)).toBe(true);
  });
});

describe('firstElement', () => {
  /** A tree of up to 30 elements: each names its parent among those before it (or the root), and a number. */
  const tree = fc.array(fc.tuple(fc.nat(), fc.nat(9)), { maxLength: 30 });
  function build(root: Element, nodes: [number, number][]) {
    const made: Element[] = [];
    for (const [parent, n] of nodes) {
      const el = document.createElement('i');
      el.setAttribute('data-n', String(n));
      const at = parent % (made.length + 1);
      (at === made.length ? root : (made[at] as Element)).append(el);
      made.push(el);
    }
  }

  /** What a TreeWalker with a filter answers: every element below the root in document order, rejected subtrees left out. */
  function reference(root: Node, skip: (el: Element) => boolean, found: (el: Element) => boolean): Element | null {
    const doc = root.nodeType === 9 ? (root as Document) : (root.ownerDocument as Document);
    const walker = doc.createTreeWalker(root, 1, { acceptNode: (n) => (skip(n as Element) ? 2 : 1) });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (found(n as Element)) return n as Element;
    return null;
  }

  it('answers as a walk in document order that leaves out the subtrees skipped (property)', async () => {
    await fc.assert(
      fc.asyncProperty(tree, fc.nat(9), fc.nat(9), fc.boolean(), async (nodes, skipN, findN, fromDocument) => {
        document.body.innerHTML = `<p></p><div id="root"></div><p data-n="${findN}"></p>`;
        build(document.getElementById('root') as Element, nodes);
        const root = fromDocument ? document : (document.getElementById('root') as Element);
        const skip = (el: Element) => el.getAttribute('data-n') === String(skipN);
        const found = (el: Element) => el.getAttribute('data-n') === String(findN);
        const seen: Element[] = [];
        const all = (el: Element) => {
          seen.push(el);
          return false;
        };
        expect(firstElement(root, skip, found)).toBe(reference(root, skip, found));
        const expected: Element[] = [];
        reference(root, skip, (el) => {
          expected.push(el);
          return false;
        });
        expect(firstElement(root, skip, all)).toBeNull();
        expect(seen).toEqual(expected);
      }),
      { numRuns: 300, ...taskPerRun },
    );
  });
});
