/**
 * The production entry: CloudBase calls `main(event)`; identity is the OPENID of the cloud
 * context, never anything in the event. Platform services are WeChat's own.
 */
import cloud from 'wx-server-sdk';
import type { Deps } from './context';
import type { ContentCheck, Deliver, ImageCheck } from './ports';
import { systemClock } from './ports';
import type { Route } from './router';
import { findUser } from './users';
import { connectDatabase, type Database } from './db';
import { dispatch } from './dispatch';
import type { Job } from './jobs';
import type { PushHandler } from './push';

/** msgSecCheck v2 answers errCode 0 even for risky text: the verdict is in `result.suggest`. */
const wechatContentCheck: ContentCheck = {
  async checkText(content, openid) {
    const res = (await cloud.openapi.security.msgSecCheck({
      content,
      version: 2,
      scene: 2,
      openid: openid ?? undefined,
    })) as { result?: { suggest?: 'pass' | 'review' | 'risky' } };
    return res.result?.suggest ?? 'review';
  },
};

/**
 * Subscribe-message template ids per notification kind, from the function's environment,
 * e.g. SUBSCRIBE_TEMPLATES={"application_decided":"<templateId>"}.
 */
function subscribeTemplates(): Record<string, string> {
  try {
    return JSON.parse(process.env.SUBSCRIBE_TEMPLATES ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

/**
 * mediaCheckAsync judges an image by URL and answers only a trace id; the verdict comes later as
 * a `wxa_media_check` message push to the function configured in the console (see moderation).
 */
const wechatImageCheck: ImageCheck = {
  async submit(fileId, openid) {
    const urls = (await cloud.getTempFileURL({ fileList: [fileId] })) as {
      fileList: { tempFileURL: string }[];
    };
    const res = (await cloud.openapi.security.mediaCheckAsync({
      mediaUrl: urls.fileList[0]?.tempFileURL ?? '',
      mediaType: 2,
      version: 2,
      scene: 2,
      openid: openid ?? undefined,
    })) as { traceId?: string; trace_id?: string };
    return { traceId: res.traceId ?? res.trace_id ?? '' };
  },
};

function subscribeDelivery(db: Database): Deliver {
  const templates = subscribeTemplates();
  return async (message) => {
    const templateId = templates[message.template];
    const user = templateId ? await findUser(db, message.userId) : null;
    // No template for this kind, or a managed resident without WeChat: the 消息 row is all there is.
    if (!templateId || !user?.openid) return 'skipped';
    await cloud.openapi.subscribeMessage.send({
      touser: user.openid,
      templateId,
      page: message.page,
      data: { thing1: { value: message.title.slice(0, 20) }, thing2: { value: message.body.slice(0, 20) } },
    });
    return 'sent';
  };
}

let deps: Deps | undefined;

function productionDeps(): Deps {
  const db = connectDatabase();
  return {
    db,
    clock: systemClock,
    contentCheck: wechatContentCheck,
    imageCheck: wechatImageCheck,
    deliver: subscribeDelivery(db),
  };
}

export function cloudbaseMain(route: Route, jobs: readonly Job[] = [], pushes: readonly PushHandler[] = []) {
  return async function main(event: unknown) {
    deps ??= productionDeps();
    const { OPENID } = cloud.getWXContext();
    return dispatch(event, OPENID || null, route, jobs, deps, pushes);
  };
}
