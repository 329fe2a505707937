/**
 * The one caller of cloud functions. `call('user', 'login', {})` is typed from the shared
 * contract; it always resolves to the envelope, never throws for a failed action.
 */
import Taro from '@tarojs/taro';
import type { ActionName, FunctionName, InputOf, OutputOf } from '@core/contract';
import { fail, type Result } from '@core/errors';
import { DEV_OPENID_HEADER, devOpenid, isLocalCloud } from './dev-identity';

type Transport = (fn: string, body: { action: string; input: unknown }) => Promise<unknown>;

/**
 * H5: the local cloud at `/cloud/<function>`, with the dev identity header. The browser's own
 * fetch, not Taro.request: that one brings fetch, AbortController and JSONP polyfills into the
 * first screen, which every browser H5 runs in has no need of.
 */
const httpTransport: Transport = async (fn, body) => {
  const res = await fetch(`/cloud/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [DEV_OPENID_HEADER]: devOpenid() },
    body: JSON.stringify(body),
  });
  return res.json();
};

/** Mini-program: CloudBase, where WeChat attaches the caller's OPENID itself. */
const cloudbaseTransport: Transport = async (fn, body) => {
  const res = await Taro.cloud.callFunction({ name: fn, data: body });
  return res.result;
};

let transport: Transport = isLocalCloud ? httpTransport : cloudbaseTransport;

/** Connect the mini-program to its CloudBase environment once, at launch. */
export function initCloud(): void {
  if (process.env.TARO_ENV === 'weapp' && Taro.cloud) {
    Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true });
  }
}

/** Tests swap the transport; the app never does. */
export function setTransport(next: Transport): void {
  transport = next;
}

function isEnvelope(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value;
}

export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: InputOf<F, A>,
): Promise<Result<OutputOf<F, A>>> {
  try {
    const answer = await transport(fn, { action, input });
    return isEnvelope(answer) ? (answer as Result<OutputOf<F, A>>) : fail('INTERNAL');
  } catch {
    return fail('NETWORK');
  }
}
