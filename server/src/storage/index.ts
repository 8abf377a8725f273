/**
 * Files residents upload (a vehicle licence, a complaint's photos and video). The client uploads
 * them to storage and sends only the file id; a function reads the bytes through this port and
 * checks them by content (`sniffMedia`). Two adapters: CloudBase storage (`cloud://`) deployed,
 * a directory on disk (`local://`) in the local stack and the tests.
 */
export interface Storage {
  /**
   * The bytes of a file the resident uploaded. NOT_FOUND when there is no such file or it was
   * uploaded by someone else: one answer for both, so ids cannot be probed.
   */
  read(fileId: string, ownerOpenid: string, opts?: ReadOptions): Promise<Buffer>;
  /**
   * A file's size without reading it, so that a function refuses a file too large for it before
   * holding a byte of it. NOT_FOUND as `read`.
   */
  stat(fileId: string, ownerOpenid: string): Promise<{ size: number }>;
  /** A short-lived URL the client can show the file from. */
  displayUrl(fileId: string): Promise<string>;
}

export interface ReadOptions {
  /** Give up after this long (the function's own deadline for the read); the adapter's default otherwise. */
  deadlineMs?: number;
}


export { StorageUnavailable } from './errors';
export { cloudbaseStorage } from './cloudbase';
export { localStorage, type LocalStorage } from './local';
export { sniffMedia, mp4DurationMs, type SniffedMedia } from './sniff';
