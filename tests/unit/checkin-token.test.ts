import { createHmac } from 'crypto';
import fc from 'fast-check';
import {
  STEP_MS,
  issueToken,
  parseToken,
  stepAt,
  tokenExpiresAt,
  verifyToken,
  type Signer,
} from '../../core/domain/checkin-token';
import { readVolunteerCard, volunteerCardCode } from '../../core/domain/volunteer-card';

const sign: Signer = (secret, message) =>
  createHmac('sha256', secret).update(message).digest('base64url').slice(0, 22);
const SECRET = 'event-secret';
const T = Date.UTC(2026, 10, 28, 1, 0, 10);

const verify = (token: string, now: number, purpose: 'in' | 'out' = 'in', eventId?: string) =>
  verifyToken(sign, SECRET, parseToken(token), { purpose, now, eventId });

test('a token of the current step is accepted', () => {
  expect(() => verify(issueToken(sign, SECRET, 'ev1', 'in', T), T, 'in', 'ev1')).not.toThrow();
});

test('a token of the previous step is accepted; two steps old is expired', () => {
  const token = issueToken(sign, SECRET, 'ev1', 'in', T);
  expect(() => verify(token, T + STEP_MS)).not.toThrow();
  expect(() => verify(token, T + 2 * STEP_MS)).toThrow(expect.objectContaining({ code: 'TOKEN_EXPIRED' }));
  expect(tokenExpiresAt(T)).toBe((stepAt(T) + 2) * STEP_MS);
});

test('a forged signature, a changed step or another secret is invalid', () => {
  const token = issueToken(sign, SECRET, 'ev1', 'in', T);
  const [eventId, purpose, step, signature] = token.split('.');
  const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A');
  expect(() => verify(`${eventId}.${purpose}.${step}.${flipped}`, T)).toThrow(
    expect.objectContaining({ code: 'TOKEN_INVALID' }),
  );
  expect(() => verify(`${eventId}.${purpose}.${Number(step) + 1}.${signature}`, T)).toThrow(
    expect.objectContaining({ code: 'TOKEN_INVALID' }),
  );
  expect(() => verify(issueToken(sign, 'other-secret', 'ev1', 'in', T), T)).toThrow(
    expect.objectContaining({ code: 'TOKEN_INVALID' }),
  );
  expect(() => verify('garbage', T)).toThrow(expect.objectContaining({ code: 'TOKEN_INVALID' }));
});

test("another event's token is refused when checking into this one", () => {
  const token = issueToken(sign, SECRET, 'ev2', 'in', T);
  expect(() => verify(token, T, 'in', 'ev1')).toThrow(expect.objectContaining({ code: 'TOKEN_WRONG_EVENT' }));
});

test('a check-in token cannot be used to check out', () => {
  const token = issueToken(sign, SECRET, 'ev1', 'in', T);
  expect(() => verify(token, T, 'out')).toThrow(expect.objectContaining({ code: 'TOKEN_WRONG_PURPOSE' }));
});

test('the QR payload prefix is accepted', () => {
  expect(() => verify(`llt:checkin:${issueToken(sign, SECRET, 'ev1', 'in', T)}`, T)).not.toThrow();
});

test('property: no token outside the current or previous step is ever accepted', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: -1000, max: 1000 }), (now, offset) => {
      const issuedAt = now + offset * STEP_MS;
      const token = issueToken(sign, SECRET, 'ev1', 'in', Math.max(0, issuedAt));
      const accepted = (() => {
        try {
          verify(token, now);
          return true;
        } catch {
          return false;
        }
      })();
      const age = stepAt(now) - stepAt(Math.max(0, issuedAt));
      expect(accepted).toBe(age === 0 || age === 1);
    }),
  );
});

test('电子志愿者证 codes name their volunteer and cannot be made up', () => {
  const code = volunteerCardCode(sign, 'card-secret', 'u123');
  expect(readVolunteerCard(sign, 'card-secret', code)).toBe('u123');
  expect(() => readVolunteerCard(sign, 'card-secret', code.replace('u123', 'u124'))).toThrow(
    expect.objectContaining({ code: 'TOKEN_INVALID' }),
  );
  expect(() => readVolunteerCard(sign, 'other', code)).toThrow(
    expect.objectContaining({ code: 'TOKEN_INVALID' }),
  );
  expect(() => readVolunteerCard(sign, 'card-secret', 'llt:pickup:ABCD')).toThrow(
    expect.objectContaining({ code: 'TOKEN_INVALID' }),
  );
});
