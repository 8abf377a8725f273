/**
 * The largest files a function accepts, checked by size (Storage.stat) before a byte is
 * downloaded: a function holds what it reads in memory, and its memorySize is computed from
 * these (runtime/budgets.ts `memoryFor`).
 */

/** WeChat's media check takes images up to 10 MB; a phone photo is far below. */
export const TICKET_PHOTO_MAX_BYTES = 10 * 1024 * 1024;
/** A 60 s phone video at the mini-program's compressed quality. */
export const TICKET_VIDEO_MAX_BYTES = 50 * 1024 * 1024;
/** OCR takes images up to 7 MB once base64-encoded (×4/3). */
export const LICENCE_PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/** Photos of one ticket read at a time: the bytes in memory at once stay below the video's. */
export const TICKET_PHOTO_READ_CONCURRENCY = 3;
