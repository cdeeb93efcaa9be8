/**
 * Hands the readings of a page to the background, one kind at a time: a reading goes once it differs
 * from the last one sent, list readings as what changed since the last one the background accepted
 * (utils/reading-patch.ts). One message per kind is in flight at a time; readings made meanwhile are
 * folded into the next message, so a burst of page changes costs a few small messages, not one whole
 * 2,000-row list per frame.
 */
import { type Answer, send } from '../messages';
import type { Reading } from '../observations';
import { diffReading } from '../reading-patch';
import { sameData } from '../same-data';

interface Channel {
  /** The last reading handed in (sent, on its way, or waiting). */
  latest: Reading | undefined;
  /** The last reading the background accepted, and the revision it stored it as. */
  accepted: { reading: Reading; rev: number } | undefined;
  waiting: Reading | undefined;
  busy: boolean;
  /** Set by `reset`: a message in flight then is the channel's last. */
  closed: boolean;
}

export function createReporter(post: typeof send = send) {
  const channels = new Map<Reading['kind'], Channel>();

  async function deliver(channel: Channel, reading: Reading): Promise<Answer<'observed'>> {
    const patch = channel.accepted && diffReading(channel.accepted.reading, reading, channel.accepted.rev);
    if (patch) {
      const answer = await post('observed-patch', patch);
      // Stale (another tab wrote, the worker's copy moved on) or refused: the whole reading decides.
      if (answer.ok) return answer;
    }
    return post('observed', { reading });
  }

  async function pump(channel: Channel) {
    channel.busy = true;
    try {
      for (let reading = channel.waiting; reading && !channel.closed; reading = channel.waiting) {
        channel.waiting = undefined;
        // Back to what the background holds already (A, then B, then A again before B went).
        if (channel.accepted && sameData(channel.accepted.reading, reading)) continue;
        const answer = await deliver(channel, reading);
        if (answer.ok) {
          channel.accepted = { reading, rev: answer.value.rev };
        } else {
          channel.accepted = undefined;
          // Refused (e.g. the app was not recognised yet when the pane rendered first): send it again next time.
          if (channel.latest === reading) channel.latest = undefined;
        }
      }
    } finally {
      channel.busy = false;
    }
  }

  return {
    /** A reading of the page as it is now; sent only when it changed. */
    report(reading: Reading) {
      let channel = channels.get(reading.kind);
      if (!channel) {
        channel = { latest: undefined, accepted: undefined, waiting: undefined, busy: false, closed: false };
        channels.set(reading.kind, channel);
      }
      if (sameData(channel.latest, reading)) return;
      channel.latest = reading;
      channel.waiting = reading;
      if (!channel.busy) void pump(channel);
    },
    /** Forget everything sent: the next readings go whole (a new page, or the overlay stopped). */
    reset() {
      for (const channel of channels.values()) channel.closed = true;
      channels.clear();
    },
  };
}
