/** Local-cloud-only endpoints behind the dev pages (the server refuses them in production). */
import Taro from '@tarojs/taro';

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
  const res = await Taro.request<T>({ url, method: 'GET' });
  return res.data;
}

export const fetchDemoUsers = () => get<DemoUser[]>('/dev/users');
export const fetchOutbox = () => get<OutboxRow[]>('/dev/outbox');
