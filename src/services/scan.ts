import Taro from '@tarojs/taro';

/** Only the mini-program has a camera scanner; H5 pages offer a text field instead. */
export const canScan = process.env.TARO_ENV === 'weapp';

/** Open the camera for a QR code; null when the person closes it. */
export async function scanQr(): Promise<string | null> {
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return result;
  } catch {
    return null;
  }
}
