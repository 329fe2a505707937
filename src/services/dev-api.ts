/** Local-cloud-only endpoints behind the dev pages (the server refuses them in production). */
import { DEV_OPENID_HEADER, devOpenid } from './dev-identity';

export interface DemoUser {
  openid: string;
  nickname: string;
  description: string;
}

export interface OutboxRow {
  id: string;
  userName: string;
  title: string;
  body: string;
  status: string;
  createdAt: number;
}

/** As the demo user picked on the dev login page: the outbox shows a resident their own messages. */
async function get<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { [DEV_OPENID_HEADER]: devOpenid() } });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return (await res.json()) as T;
}

export const fetchDemoUsers = () => get<DemoUser[]>('/dev/users');
export const fetchOutbox = () => get<OutboxRow[]>('/dev/outbox');
