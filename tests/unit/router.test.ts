import { z } from 'zod';
import { describeInvalidInput } from '../../cloudfunctions/runtime/router';
import { ProfileInput } from '../../core/contract';

test('a custom Chinese message is passed on with the field', () => {
  const parsed = ProfileInput.safeParse({ nickname: '' });
  expect(parsed.success).toBe(false);
  if (!parsed.success) {
    expect(describeInvalidInput(parsed.error)).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '请填写昵称',
      field: 'nickname',
    });
  }
});

test("zod's own English messages become a Chinese one that names the field", () => {
  const parsed = z.object({ count: z.number() }).safeParse({ count: 'x' });
  if (parsed.success) throw new Error('expected a failure');
  const failure = describeInvalidInput(parsed.error);
  expect(failure.message).toBe('填写的信息有误，请检查后再试（count）');
});
