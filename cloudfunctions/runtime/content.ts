import { AppError } from '../../core/errors';
import type { HandlerContext } from './context';

/** Reject user-written text the content check does not pass, before anything is stored. */
export async function assertCleanText(
  ctx: Pick<HandlerContext, 'contentCheck' | 'openid'>,
  ...texts: (string | undefined)[]
): Promise<void> {
  const joined = texts.filter((t): t is string => Boolean(t && t.trim())).join('\n');
  if (!joined) return;
  const verdict = await ctx.contentCheck.checkText(joined, ctx.openid);
  if (verdict !== 'pass') throw new AppError('CONTENT_REJECTED');
}
