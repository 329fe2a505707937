/**
 * The demo community's own pictures (server/seed-pictures/*.jpg, drawn by the project in
 * scripts/demo-pictures.ts and rendered by scripts/make-pictures.ts): the seed copies each into
 * the local uploads folder, where the cloud storage stand-in serves it, and stores its address
 * as an upload would. Without an uploads folder (function tests) nothing is copied and no
 * picture is referenced, so no page shows a broken image.
 */
import fs from 'fs';
import path from 'path';

const SOURCE = path.join(__dirname, 'seed-pictures');

export type PictureFolder = 'goods' | 'events' | 'avatars';

export function demoPicture(uploadsDir: string | undefined, folder: PictureFolder, name: string): string {
  if (!uploadsDir) return '';
  const file = `demo-${name}.jpg`;
  fs.mkdirSync(path.join(uploadsDir, folder), { recursive: true });
  fs.copyFileSync(path.join(SOURCE, `${folder}-${name}.jpg`), path.join(uploadsDir, folder, file));
  return `/uploads/${folder}/${file}`;
}
