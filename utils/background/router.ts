/**
 * The background's single door: every message is shape-checked, its sender classified and matched
 * against the protocol's allow-list, then handed to its handler. Refusals are logged without payloads.
 */
import { ALLOWED_SENDERS, type Answer, isEnvelope, type MessageType, type Payload, VALIDATORS } from '../messages';
import { classifySender, type SenderKind, type SenderLike } from '../sender';

export interface HandlerContext {
  sender: SenderLike & { tab?: { id?: number; windowId?: number } };
  kind: SenderKind;
}

export function createRouter(
  handlers: { [K in MessageType]: (payload: Payload<K>, ctx: HandlerContext) => Promise<Answer<K>> },
  extension: { id: string; origin: string },
  log: (line: string) => void = (line) => console.warn(line),
) {
  return async function route(message: unknown, sender: HandlerContext['sender']): Promise<Answer<MessageType>> {
    if (!isEnvelope(message)) {
      log('[scim-setup-assistant] refused a message of unknown shape');
      return { ok: false, error: 'Unknown message.' };
    }
    const kind = classifySender(sender, extension.id, extension.origin);
    if (!kind || !ALLOWED_SENDERS[message.type].includes(kind)) {
      log(`[scim-setup-assistant] refused "${message.type}" from ${kind ?? 'an unknown sender'}`);
      return { ok: false, error: 'This page may not ask for that.' };
    }
    const validate = VALIDATORS[message.type] as (p: unknown) => boolean;
    if (!validate(message.payload)) {
      log(`[scim-setup-assistant] refused "${message.type}": malformed payload`);
      return { ok: false, error: 'The request was malformed and nothing was changed.' };
    }
    const handler = handlers[message.type] as (p: unknown, c: HandlerContext) => Promise<Answer<MessageType>>;
    try {
      return await handler(message.payload, { sender, kind });
    } catch (error) {
      log(`[scim-setup-assistant] "${message.type}" failed: ${error instanceof Error ? error.name : 'error'}`);
      return { ok: false, error: 'Something went wrong in the extension. Try again.' };
    }
  };
}
