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
  read(fileId: string, ownerOpenid: string): Promise<Buffer>;
  /** A short-lived URL the client can show the file from. */
  displayUrl(fileId: string): Promise<string>;
}

export { cloudbaseStorage } from './cloudbase';
export { localStorage, type LocalStorage } from './local';
export { sniffMedia, mp4DurationMs, type SniffedMedia } from './sniff';
