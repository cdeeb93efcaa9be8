/**
 * The overlay's reporter, with the background replaced by a fake `post` whose answers the test gives when
 * it wants: what is sent (whole or as a patch), when, and what happens when the background refuses.
 */
import { describe, expect, it } from 'vitest';
import type { Answer, MessageType, Payload, send } from '../../utils/messages';
import type { Reading } from '../../utils/observations';
import { createReporter } from '../../utils/overlay/reporter';
import type { OktaPushGroupsReading, PushedGroup } from '../../utils/readers/okta-push-groups';
import { applyPatch, type ReadingPatch } from '../../utils/reading-patch';

interface Sent {
  type: MessageType;
  payload: unknown;
  answer: (a: Answer<'observed'>) => void;
}

/** A background that answers only when told to; every message waits in `sent`. */
function fakeBackground() {
  const sent: Sent[] = [];
  const post = (<K extends MessageType>(type: K, payload: Payload<K>) =>
    new Promise<Answer<K>>((resolve) => {
      sent.push({ type, payload, answer: resolve as (a: Answer<'observed'>) => void });
    })) as typeof send;
  /** Answer message `i` and let the reporter act on it. */
  const answer = async (i: number, a: Answer<'observed'>) => {
    sent[i]!.answer(a);
    await settle();
  };
  const accept = (i: number, rev: number) => answer(i, { ok: true, value: { rev } });
  return { post, sent, answer, accept };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const STALE = { ok: false as const, error: 'The page must send the whole reading.', code: 'reading-stale' };
const REFUSED = { ok: false as const, error: 'This page is not the Atlassian Cloud app of this setup.' };

const group = (i: number, status: PushedGroup['status'] = 'active'): PushedGroup => ({ name: `Group ${i}`, status });
const groups = (...ids: number[]): OktaPushGroupsReading => ({
  kind: 'okta-push-groups',
  enabled: true,
  groups: ids.map((i) => group(i)),
  complete: true,
});
const people = (...names: string[]): Reading => ({
  kind: 'okta-assigned-people',
  individuals: names.map((name) => ({ name })),
  complete: true,
});
const sign = (usernameFormat: 'email' | 'login'): Reading => ({
  kind: 'okta-sign-on',
  mode: 'read',
  usernameFormat,
  updateOn: 'create-and-update',
});

describe('the page reporter', () => {
  it('sends the first reading of a kind whole', async () => {
    const bg = fakeBackground();
    createReporter(bg.post).report(groups(1, 2));
    await settle();
    expect(bg.sent.map(({ type, payload }) => ({ type, payload }))).toEqual([
      { type: 'observed', payload: { reading: groups(1, 2) } },
    ]);
  });

  it('sends a later change as a patch against the revision the background answered', async () => {
    const bg = fakeBackground();
    const reporter = createReporter(bg.post);
    const first = groups(...Array.from({ length: 100 }, (_, i) => i));
    reporter.report(first);
    await bg.accept(0, 7);
    const later = groups(...Array.from({ length: 101 }, (_, i) => i));
    reporter.report(later);
    await settle();
    expect(bg.sent).toHaveLength(2);
    const { type, payload } = bg.sent[1]!;
    expect(type).toBe('observed-patch');
    const patch = payload as ReadingPatch;
    expect(patch.base).toBe(7);
    expect(patch.splice).toEqual({ start: 100, deleteCount: 0, items: [group(100)] });
    expect(applyPatch(first, patch)).toEqual(later);
  });

  it('keeps patching from the last accepted reading', async () => {
    const bg = fakeBackground();
    const reporter = createReporter(bg.post);
    reporter.report(groups(1));
    await bg.accept(0, 1);
    reporter.report(groups(1, 2));
    await bg.accept(1, 2);
    reporter.report(groups(1, 2, 3));
    await settle();
    const patch = bg.sent[2]!.payload as ReadingPatch;
    expect(bg.sent[2]!.type).toBe('observed-patch');
    expect(patch.base).toBe(2);
    expect(applyPatch(groups(1, 2), patch)).toEqual(groups(1, 2, 3));
  });

  it('sends a reading without a list whole every time it changes', async () => {
    const bg = fakeBackground();
    const reporter = createReporter(bg.post);
    reporter.report(sign('email'));
    await bg.accept(0, 1);
    reporter.report(sign('login'));
    await settle();
    expect(bg.sent.map((s) => s.type)).toEqual(['observed', 'observed']);
    expect(bg.sent[1]!.payload).toEqual({ reading: sign('login') });
  });

  it('does not send a reading equal to the last one handed in', async () => {
    const bg = fakeBackground();
    const reporter = createReporter(bg.post);
    reporter.report(groups(1, 2));
    await settle();
    reporter.report(groups(1, 2));
    await bg.accept(0, 1);
    reporter.report(groups(1, 2));
    await settle();
    expect(bg.sent).toHaveLength(1);
  });

  it('keeps one message per kind in flight and sends only the newest of the readings made meanwhile', async () => {
    const bg = fakeBackground();
    const reporter = createReporter(bg.post);
    reporter.report(groups(1));
    await settle();
    reporter.report(groups(1, 2));
    reporter.report(groups(1, 2, 3));
    reporter.report(groups(1, 2, 3, 4));
    await settle();
    expect(bg.sent).toHaveLength(1);
    await bg.accept(0, 1);
    expect(bg.sent).toHaveLength(2);
    const patch = bg.sent[1]!.payload as ReadingPatch;
    expect(applyPatch(groups(1), patch)).toEqual(groups(1, 2, 3, 4));
    await bg.accept(1, 2);
    expect(bg.sent).toHaveLength(2);
  });

  it('does not hold one kind back while another is in flight', async () => {
    const bg = fakeBackground();
    const reporter = createReporter(bg.post);
    reporter.report(groups(1));
    reporter.report(people('Ada'));
    await settle();
    expect(bg.sent.map((s) => (s.payload as { reading: Reading }).reading.kind)).toEqual([
      'okta-push-groups',
      'okta-assigned-people',
    ]);
  });

  it('sends the reading whole when the background says the patch is stale', async () => {
    const bg = fakeBackground();
    const reporter = createReporter(bg.post);
    reporter.report(groups(1));
    await bg.accept(0, 1);
    reporter.report(groups(1, 2));
    await bg.answer(1, STALE);
    expect(bg.sent.map((s) => s.type)).toEqual(['observed', 'observed-patch', 'observed']);
    expect(bg.sent[2]!.payload).toEqual({ reading: groups(1, 2) });
    // Patches go on from the whole reading, against the revision it was stored as.
    await bg.accept(2, 9);
    reporter.report(groups(1, 2, 3));
    await settle();
    expect(bg.sent[3]!.type).toBe('observed-patch');
    expect((bg.sent[3]!.payload as ReadingPatch).base).toBe(9);
    expect(applyPatch(groups(1, 2), bg.sent[3]!.payload as ReadingPatch)).toEqual(groups(1, 2, 3));
  });

  it('sends the reading again when the background refused it whole', async () => {
    const bg = fakeBackground();
    const reporter = createReporter(bg.post);
    reporter.report(groups(1));
    await bg.answer(0, REFUSED);
    // The app is recognised now; the page still shows the same rows.
    reporter.report(groups(1));
    await settle();
    expect(bg.sent.map(({ type, payload }) => ({ type, payload }))).toEqual([
      { type: 'observed', payload: { reading: groups(1) } },
      { type: 'observed', payload: { reading: groups(1) } },
    ]);
  });

  it('sends whole after a refusal, not a patch against what was accepted before', async () => {
    const bg = fakeBackground();
    const reporter = createReporter(bg.post);
    reporter.report(groups(1));
    await bg.accept(0, 1);
    reporter.report(groups(1, 2));
    await bg.answer(1, REFUSED);
    await bg.answer(2, REFUSED);
    reporter.report(groups(1, 2, 3));
    await settle();
    expect(bg.sent.map((s) => s.type)).toEqual(['observed', 'observed-patch', 'observed', 'observed']);
    expect(bg.sent[3]!.payload).toEqual({ reading: groups(1, 2, 3) });
  });

  it('sends the waiting reading whole when the one in flight was refused', async () => {
    const bg = fakeBackground();
    const reporter = createReporter(bg.post);
    reporter.report(groups(1));
    await settle();
    reporter.report(groups(1, 2));
    await bg.answer(0, REFUSED);
    expect(bg.sent.map(({ type, payload }) => ({ type, payload }))).toEqual([
      { type: 'observed', payload: { reading: groups(1) } },
      { type: 'observed', payload: { reading: groups(1, 2) } },
    ]);
  });

  it('forgets everything on reset: the same reading goes again, whole', async () => {
    const bg = fakeBackground();
    const reporter = createReporter(bg.post);
    reporter.report(groups(1));
    await bg.accept(0, 1);
    reporter.reset();
    reporter.report(groups(1));
    await bg.accept(1, 2);
    reporter.report(groups(1, 2));
    await settle();
    expect(bg.sent.map((s) => s.type)).toEqual(['observed', 'observed', 'observed-patch']);
    expect(bg.sent[1]!.payload).toEqual({ reading: groups(1) });
    expect((bg.sent[2]!.payload as ReadingPatch).base).toBe(2);
  });

  // A message in flight at reset() is the old channel's last: what waited behind it is never sent.
  it('does not send, after reset, a reading that was waiting before it', async () => {
    const bg = fakeBackground();
    const reporter = createReporter(bg.post);
    reporter.report(groups(1));
    await settle();
    reporter.report(groups(1, 2));
    reporter.reset();
    reporter.report(groups(9));
    await settle();
    await bg.accept(0, 1);
    await bg.accept(1, 2);
    expect(bg.sent.map((s) => s.payload)).toEqual([{ reading: groups(1) }, { reading: groups(9) }]);
  });
});
