import { setTransport } from '../../../src/services/cloud';
import type { Result } from '@core/errors';

export interface Pending {
  fn: string;
  action: string;
  input: Record<string, unknown>;
  answer(result: Result<unknown>): Promise<void>;
}

/**
 * A cloud transport whose answers the test gives, one request at a time and in any order —
 * for loading states and answers that arrive late.
 */
export function deferredTransport() {
  const requests: Pending[] = [];
  const transport = jest.fn(
    (fn: string, body: { action: string; input: unknown }) =>
      new Promise<unknown>((resolve) => {
        requests.push({
          fn,
          action: body.action,
          input: body.input as Record<string, unknown>,
          // Let React apply what the answer causes before the test looks.
          answer: async (result) => {
            resolve(result);
            await new Promise((r) => setTimeout(r, 0));
          },
        });
      }),
  );
  setTransport(transport);
  return { requests, transport };
}
