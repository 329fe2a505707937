import { createHmac } from 'crypto';
import fc from 'fast-check';
import {
  STEP_MS,
  checkinLink,
  checkinPhrase,
  formatPhrase,
  issueToken,
  parseToken,
  phraseMatches,
  readPhrase,
  stepAt,
  tokenExpiresAt,
  tokenFromScan,
  verifyToken,
  type Signer,
} from '../../core/domain/checkin-token';
import {
  formatCardNumber,
  readCardNumber,
  readVolunteerCard,
  volunteerCardCode,
  volunteerCardNumber,
} from '../../core/domain/volunteer-card';

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

describe('the QR holds a link WeChat’s 扫一扫 opens in the 扫码签到 page', () => {
  const token = issueToken(sign, SECRET, 'ev1', 'in', T);
  const link = checkinLink('https://linlitong.example.cn/checkin', token);

  test('the link carries the token as its t parameter, and every way it arrives gives it back', () => {
    expect(link).toBe(`https://linlitong.example.cn/checkin?t=${token}`);
    // WeChat hands the page the link percent-encoded once, as `q`; H5's router has decoded it.
    expect(tokenFromScan(encodeURIComponent(link))).toBe(token);
    expect(tokenFromScan(link)).toBe(token);
    // The in-app scanner returns the link itself; older codes held the bare token.
    expect(tokenFromScan(`llt:checkin:${token}`)).toBe(`llt:checkin:${token}`);
    expect(() => verify(tokenFromScan(encodeURIComponent(link)) ?? '', T)).not.toThrow();
    expect(checkinLink('https://x.cn/c?from=poster', token)).toBe(`https://x.cn/c?from=poster&t=${token}`);
  });

  test('a link without a token, or a broken one, gives none', () => {
    expect(tokenFromScan('https://linlitong.example.cn/checkin')).toBeNull();
    expect(tokenFromScan('https%3A%2F%2Fx.cn%2Fc%3Ft%3D%E0%A4%A')).toBeNull();
    expect(tokenFromScan('   ')).toBeNull();
  });
});

describe('the 口令 beside the QR', () => {
  test('six digits of the step: the same on the server and the leader’s screen, changing each step', () => {
    const phrase = checkinPhrase(sign, SECRET, 'ev1', 'in', stepAt(T));
    expect(phrase).toMatch(/^\d{6}$/);
    expect(formatPhrase(phrase)).toMatch(/^\d{3} \d{3}$/);
    expect(readPhrase(formatPhrase(phrase))).toBe(phrase);
    expect(phraseMatches(sign, SECRET, 'ev1', 'in', phrase, T)).toBe(true);
    expect(phraseMatches(sign, SECRET, 'ev1', 'in', phrase, T + STEP_MS)).toBe(true);
    expect(phraseMatches(sign, SECRET, 'ev1', 'in', phrase, T + 2 * STEP_MS)).toBe(false);
    expect(phraseMatches(sign, SECRET, 'ev1', 'out', phrase, T)).toBe(false);
    expect(phraseMatches(sign, SECRET, 'ev2', 'in', phrase, T)).toBe(false);
    expect(phraseMatches(sign, 'other-secret', 'ev1', 'in', phrase, T)).toBe(false);
  });

  test('only six digits read as a 口令; a scanned token or link does not', () => {
    expect(readPhrase('48271')).toBeNull();
    expect(readPhrase('4827190')).toBeNull();
    expect(readPhrase(issueToken(sign, SECRET, 'ev1', 'in', T))).toBeNull();
    expect(readPhrase(' 482 719 ')).toBe('482719');
  });

  test('property: the 口令 spreads over the digits (no step repeats its neighbour often)', () => {
    const phrases = Array.from({ length: 200 }, (_, i) => checkinPhrase(sign, SECRET, 'ev1', 'in', 1000 + i));
    expect(new Set(phrases).size).toBeGreaterThan(195);
  });
});

test('a volunteer’s 证号: eight digits of their own, read back with spaces', () => {
  const number = volunteerCardNumber(sign, 'card-secret', 'u123');
  expect(number).toMatch(/^\d{8}$/);
  expect(volunteerCardNumber(sign, 'card-secret', 'u124')).not.toBe(number);
  expect(volunteerCardNumber(sign, 'other', 'u123')).not.toBe(number);
  expect(readCardNumber(formatCardNumber(number))).toBe(number);
  expect(readCardNumber(volunteerCardCode(sign, 'card-secret', 'u123'))).toBeNull();
});
