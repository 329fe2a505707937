import { decide } from '../../core/domain/applications';

test('approval needs no reason; a note is kept trimmed', () => {
  expect(decide('pending', true, undefined)).toEqual({ status: 'approved', reason: '' });
  expect(decide('pending', true, ' 欢迎 ')).toEqual({ status: 'approved', reason: '欢迎' });
});

test('rejection must say why', () => {
  expect(() => decide('pending', false, '   ')).toThrow(expect.objectContaining({ code: 'REASON_REQUIRED' }));
  expect(decide('pending', false, '材料不全')).toEqual({ status: 'rejected', reason: '材料不全' });
});

test('a decided application cannot be decided again', () => {
  for (const status of ['approved', 'rejected'] as const) {
    expect(() => decide(status, true, '')).toThrow(expect.objectContaining({ code: 'APPLICATION_DECIDED' }));
  }
});
