/**
 * Saving an export (a table the functions answered page by page) as a CSV file, the one place
 * that knows how each platform does it:
 * - H5 (the community office's browser): the file downloads.
 * - Mini-program: the file is written to the phone, put in cloud storage and offered as a link
 *   to copy (open it on a PC to download) or sent to a chat as a file. `Taro.openDocument`
 *   opens only Office and PDF files, not CSV, so it is not used.
 * And printing, which only a browser does (`canPrint`).
 */
import Taro from '@tarojs/taro';
import { toCsv } from '@core/domain/csv';
import type { ExportTable } from '@core/domain/exports';
import { formatStamp } from '@core/time';
import { showDone, showError } from './feedback';

/** The platform's way of handing a table over as CSV; false when it was not handed over. */
export function saveExportFile(table: ExportTable): Promise<boolean> {
  return saveCsvFile(table.filename, toCsv(table.header, table.rows));
}

/** A CSV written elsewhere (a function that answers the whole file), handed over the same way. */
export async function saveCsvFile(filename: string, csv: string): Promise<boolean> {
  try {
    if (process.env.TARO_ENV === 'weapp') return await offerFromCloud(filename, csv);
    download(filename, csv);
    showDone('已下载');
    return true;
  } catch (error) {
    showError({ message: error instanceof Error && error.message ? error.message : '保存失败，请重试' });
    return false;
  }
}

function download(filename: string, csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const LINK_HOURS = 2;

/** Write the file on the phone, upload it, and let staff copy its link or send it to a chat. */
async function offerFromCloud(filename: string, csv: string): Promise<boolean> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${filename}`;
  Taro.getFileSystemManager().writeFileSync(filePath, csv, 'utf8');
  const stamp = formatStamp(Date.now()).replace(/[^\d]/g, '');
  const { fileID } = await Taro.cloud.uploadFile({ cloudPath: `exports/${stamp}-${filename}`, filePath });
  // The SDK takes `{ fileID, maxAge }` (seconds) to choose the validity; Taro types only ids.
  const wanted = { fileID, maxAge: LINK_HOURS * 3600 } as unknown as string;
  const { fileList } = await Taro.cloud.getTempFileURL({ fileList: [wanted] });
  const link = fileList[0]?.tempFileURL ?? '';
  const choices = ['复制下载链接', ...(Taro.canIUse('shareFileMessage') ? ['发送到聊天'] : [])];
  const { tapIndex } = await Taro.showActionSheet({ itemList: choices }).catch(() => ({ tapIndex: -1 }));
  if (choices[tapIndex] === '复制下载链接') {
    await Taro.setClipboardData({ data: link });
    await Taro.showModal({
      title: '链接已复制',
      content: `在电脑浏览器中打开即可下载（${LINK_HOURS}小时内有效）。`,
      showCancel: false,
    });
    return true;
  }
  if (choices[tapIndex] === '发送到聊天') {
    await Taro.shareFileMessage({ filePath, fileName: filename });
    return true;
  }
  return false;
}

/** Only a browser prints; the mini-program saves the file instead. */
export const canPrint = process.env.TARO_ENV === 'h5';

/** Print the page as it now shows (the printable table), after it has been drawn. */
export function printPage(): void {
  if (canPrint) setTimeout(() => window.print(), 100);
}
