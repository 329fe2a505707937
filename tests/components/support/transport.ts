import type { Result } from '@core/errors';
import { setTransport } from '../../../src/services/cloud';

export type TransportBody = { action: string; input: unknown };
export type FakeTransport = jest.Mock<Promise<unknown>, [string, TransportBody]>;
/** An envelope, or a function of the action's input that returns one. */
export type Answer = Result<unknown> | ((input: unknown) => Result<unknown>);

/**
 * Replace the cloud transport (src/services/cloud.ts `setTransport`) with a jest.fn that
 * answers per `function.action`; any other call rejects, which `call()` turns into NETWORK.
 */
export function fakeTransport(answers: Record<string, Answer>): FakeTransport {
  const transport: FakeTransport = jest.fn(async (fn: string, body: TransportBody) => {
    const answer = answers[`${fn}.${body.action}`];
    if (answer === undefined) throw new Error(`unexpected cloud call ${fn}.${body.action}`);
    return typeof answer === 'function' ? answer(body.input) : answer;
  });
  setTransport(transport);
  return transport;
}
