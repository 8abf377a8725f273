/**
 * h5: the document is downloaded as a JSON file through an `<a download>` and a blob URL (the
 * browser's own download; the data never goes anywhere but to the resident). Same exports as
 * save.ts, the weapp twin.
 */
export const SAVE_LABEL = '下载数据文件（JSON）';
export const SAVE_HINT = '文件保存在这台设备的“下载”文件夹，内容是完整信息，请妥善保管。';

export async function saveExport(text: string, fileName: string): Promise<string> {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has its own copy once started; the URL is only kept for browsers that start it late.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return `已下载 ${fileName}`;
}
