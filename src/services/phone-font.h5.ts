/** H5 (Taro picks this file for the H5 build): a browser has no WeChat text size to follow. */
export function readPhoneFontPx(): number | undefined {
  return undefined;
}
