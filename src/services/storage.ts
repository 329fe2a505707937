/**
 * Images residents and staff upload (avatars, goods photos): CloudBase storage in the
 * mini-program, the local cloud's `/local-storage` in H5. Returns what the contract calls a
 * stored image: a fileID or an `/uploads/…` path.
 */
import Taro from '@tarojs/taro';
import type { Result } from '@core/errors';
import { DEV_OPENID_HEADER, devOpenid } from './dev-identity';
import { showError } from './feedback';

export type ImageFolder = 'avatars' | 'goods' | 'events' | 'wishes' | 'proposals' | 'projects';

export async function uploadImage(tempPath: string, folder: ImageFolder): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') {
    const ext = /\.(\w+)$/.exec(tempPath)?.[1] ?? 'jpg';
    const cloudPath = `${folder}/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${ext}`;
    const { fileID } = await Taro.cloud.uploadFile({ cloudPath, filePath: tempPath });
    return fileID;
  }
  const blob = await (await fetch(tempPath)).blob();
  const res = await fetch(`/local-storage/${folder}`, {
    method: 'POST',
    headers: { 'content-type': blob.type || 'image/jpeg', [DEV_OPENID_HEADER]: devOpenid() },
    body: blob,
  });
  const answer = (await res.json()) as Result<{ url: string }>;
  if (!answer.ok) throw new Error(answer.message || '上传失败');
  return answer.data.url;
}

/** Let the user pick one photo (compressed: images on a slow phone should stay small). */
export async function pickImage(): Promise<string | null> {
  try {
    const { tempFilePaths } = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] });
    return tempFilePaths[0] ?? null;
  } catch {
    return null; // cancelled
  }
}

/** Upload a picked image, telling the person when it fails; null when nothing was stored. */
export async function uploadPicked(tempPath: string | null, folder: ImageFolder): Promise<string | null> {
  if (!tempPath) return null;
  try {
    return await uploadImage(tempPath, folder);
  } catch (error) {
    showError({ message: error instanceof Error ? error.message : '上传失败' });
    return null;
  }
}
