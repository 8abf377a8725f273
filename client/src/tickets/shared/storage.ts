import Taro from '@tarojs/taro';

/** How a chosen photo or video reaches the Storage port (ARCHITECTURE §5), per platform. */
export interface UploadOptions {
  filePath: string;
  /** 'photo' or 'video': the cloud path's folder. */
  what: 'photo' | 'video';
  onProgress?(percent: number): void;
}

function extension(path: string, what: UploadOptions['what']): string {
  const m = /\.([A-Za-z0-9]{2,5})$/.exec(path);
  return m ? m[1]!.toLowerCase() : what === 'video' ? 'mp4' : 'jpg';
}

/**
 * weapp: `wx.cloud.uploadFile` → a `cloud://` file id. The cloud path is random: the file id is
 * the only name, and the function checks the bytes (type by content, size, duration) itself.
 */
export function uploadFile({ filePath, what, onProgress }: UploadOptions): Promise<string> {
  const random = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  return new Promise((resolve, reject) => {
    const task = Taro.cloud.uploadFile({
      cloudPath: `tickets/${what}/${random}.${extension(filePath, what)}`,
      filePath,
      success: (res) => (res.fileID ? resolve(res.fileID) : reject(new Error('上传没有返回文件标识'))),
      fail: (e) => reject(new Error(e.errMsg || '上传失败')),
    });
    (task as unknown as { onProgressUpdate?(cb: (p: { progress: number }) => void): void })?.onProgressUpdate?.((p) => onProgress?.(p.progress));
  });
}
