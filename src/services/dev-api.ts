/** Local-cloud-only endpoints behind the dev pages (the server refuses them in production). */
import { devOpenid } from './dev-identity';

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

async function get<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { 'x-dev-openid': devOpenid() } });
  return (await res.json()) as T;
}

export const fetchDemoUsers = () => get<DemoUser[]>('/dev/users');
export const fetchOutbox = () => get<OutboxRow[]>('/dev/outbox');
