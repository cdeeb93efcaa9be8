import { describe, expect, it } from 'vitest';
import { hiddenByMarkup, hiddenByStyle, hiddenItself } from '../../../utils/readers/dom';

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
