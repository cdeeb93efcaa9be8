import { useCallback, useState } from 'react';
import { type MessageType, type Payload, send } from '../utils/messages';

/**
 * Sends a message to the background and keeps the last failure to show. The UI changes nothing itself:
 * on success the store updates from storage, on failure only the error appears.
 */
export function useSend() {
  const [error, setError] = useState<string>();
  const run = useCallback(async <K extends MessageType>(type: K, payload: Payload<K>): Promise<boolean> => {
    const answer = await send(type, payload);
    setError(answer.ok ? undefined : answer.error);
    return answer.ok;
  }, []);
  const dismiss = useCallback(() => setError(undefined), []);
  return { run, error, dismiss };
}

export type RunAction = ReturnType<typeof useSend>['run'];
