/**
 * What the content check says decides: only a pass is stored. msgSecCheck v2 answers `review`
 * (疑似) as well as `risky`, and a missing answer is read as `review`: both keep the text out.
 */
import { assertCleanText } from '../../cloudfunctions/runtime/content';
import type { ContentCheck } from '../../cloudfunctions/runtime/ports';

function checker(verdict: Awaited<ReturnType<ContentCheck['checkText']>>) {
  const checkText = jest.fn(async () => verdict);
  return { ctx: { contentCheck: { checkText } as ContentCheck, openid: 'wx-writer' }, checkText };
}

test.each(['review', 'risky'] as const)(
  'a %s verdict refuses the text with CONTENT_REJECTED',
  async (verdict) => {
    const { ctx } = checker(verdict);
    await expect(assertCleanText(ctx, '标题', '正文')).rejects.toMatchObject({ code: 'CONTENT_REJECTED' });
  },
);

test('a pass lets it through; every field goes to the check at once, as the writer', async () => {
  const { ctx, checkText } = checker('pass');
  await expect(assertCleanText(ctx, '东门加装座椅', undefined, '  ', '老人多')).resolves.toBeUndefined();
  expect(checkText).toHaveBeenCalledTimes(1);
  expect(checkText).toHaveBeenCalledWith('东门加装座椅\n老人多', 'wx-writer');
});

test('nothing written, nothing asked', async () => {
  const { ctx, checkText } = checker('risky');
  await expect(assertCleanText(ctx, '', undefined, ' ')).resolves.toBeUndefined();
  expect(checkText).not.toHaveBeenCalled();
});
