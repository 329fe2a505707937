/**
 * A file staff export (a CSV of the 双报到 record, later other lists). In H5 it downloads. In the
 * mini-program there is no download folder: it is written to the app's user-data folder and sent
 * to a WeChat chat (文件传输助手), where a computer opens it; `openDocument` cannot open CSV (it
 * takes doc/xls/ppt/pdf only). Where sending files is not supported, the text is copied instead.
 */
import Taro from '@tarojs/taro';
import { confirmStep, showDone, showError } from './feedback';

const MIME: Record<string, string> = { csv: 'text/csv;charset=utf-8', txt: 'text/plain;charset=utf-8' };
const extensionOf = (filename: string) => /\.(\w+)$/.exec(filename)?.[1]?.toLowerCase() ?? 'txt';

function downloadInBrowser(filename: string, text: string): void {
  const blob = new Blob([text], { type: MIME[extensionOf(filename)] ?? MIME.txt });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function writeUserFile(filename: string, text: string): Promise<string> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${filename}`;
  return new Promise((resolve, reject) =>
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: text,
      encoding: 'utf8',
      success: () => resolve(filePath),
      fail: reject,
    }),
  );
}

async function copyInstead(text: string): Promise<void> {
  await Taro.setClipboardData({ data: text });
  showDone('已复制，可粘贴到表格');
}

async function sendInMiniProgram(filename: string, text: string): Promise<void> {
  if (!Taro.canIUse('shareFileMessage')) {
    await copyInstead(text);
    return;
  }
  const filePath = await writeUserFile(filename, text);
  // Sending a file must follow a tap: the modal's button is that tap, after the export's wait.
  const send = await confirmStep({
    title: '导出完成',
    content: `已生成「${filename}」。发送到微信聊天（如文件传输助手）后，可在电脑上用表格打开。`,
    confirmText: '发送',
  });
  if (!send) return;
  try {
    await Taro.shareFileMessage({ filePath, fileName: filename });
  } catch (error) {
    if (/cancel/i.test(String((error as { errMsg?: string } | null)?.errMsg ?? ''))) return;
    await copyInstead(text);
  }
}

/** Hand `text` over as the file `filename`: a download in H5, a file to send in the mini-program. */
export async function exportTextFile(filename: string, text: string): Promise<void> {
  try {
    if (process.env.TARO_ENV === 'weapp') await sendInMiniProgram(filename, text);
    else {
      downloadInBrowser(filename, text);
      showDone('已导出');
    }
  } catch {
    showError({ message: '导出失败，请稍后重试' });
  }
}
