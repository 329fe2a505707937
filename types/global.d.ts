/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.scss';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    TARO_ENV: 'weapp' | 'h5';
    /** The CloudBase environment id the mini-program calls (weapp only). */
    TARO_APP_CLOUD_ENV?: string;
    /** Comma-separated subscribe-message template ids asked for when signing up to an event. */
    TARO_APP_REMINDER_TEMPLATES?: string;
  }
}

/** The pure core of the `qrcode` package (the main entry pulls in canvas and fs). */
declare module 'qrcode/lib/core/qrcode' {
  export function create(
    data: string | { data: string | Uint8Array; mode: 'byte' | 'alphanumeric' | 'numeric' }[],
    options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' },
  ): { modules: { size: number; get(row: number, col: number): number | boolean } };
}
