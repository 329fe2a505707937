/**
 * jsdom has no `TextEncoder` (Node and browsers do). The `qrcode` core encodes byte-mode
 * text such as `llt:pickup:…` with it, so lend it Node's before a QR matrix is built.
 */
import { TextEncoder } from 'util';

if (typeof globalThis.TextEncoder === 'undefined') Object.assign(globalThis, { TextEncoder });
export {};
