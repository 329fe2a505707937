import path from 'path';

export const ROOT = path.resolve(__dirname, '..');
export const DATA_DIR = process.env.LLT_DATA_DIR ?? path.join(ROOT, '.data');
export const DB_FILE = path.join(DATA_DIR, 'linlitong.db');
export const H5_DIR = path.join(ROOT, 'dist', 'h5');
export const UPLOADS_DIR = path.join(DATA_DIR, 'uploads');
