import { AppError, ERROR_MESSAGES, fail, isErrorCode, ok } from '../../core/errors';

test('every error code has a Chinese message for residents', () => {
  for (const message of Object.values(ERROR_MESSAGES)) expect(message).toMatch(/[\u4e00-\u9fa5]/);
});

test('the envelope', () => {
  expect(ok(3)).toEqual({ ok: true, data: 3 });
  expect(fail('FORBIDDEN')).toEqual({ ok: false, code: 'FORBIDDEN', message: ERROR_MESSAGES.FORBIDDEN });
  expect(fail('CONFLICT', '换个说法')).toEqual({ ok: false, code: 'CONFLICT', message: '换个说法' });
});

test('AppError carries its code and default message', () => {
  const error = new AppError('NOT_FOUND');
  expect(error).toBeInstanceOf(Error);
  expect(error.code).toBe('NOT_FOUND');
  expect(error.message).toBe(ERROR_MESSAGES.NOT_FOUND);
});

test('isErrorCode knows the union and nothing else', () => {
  expect(isErrorCode('INVALID_INPUT')).toBe(true);
  expect(isErrorCode('toString')).toBe(false);
  expect(isErrorCode(42)).toBe(false);
});
