/**
 * The content-safety port (WeChat's rule for text and images residents write for others to read).
 * Deployed: `security.msgSecCheck` and `security.mediaCheckAsync` (version 2) through
 * wx-server-sdk's cloud call; locally and in tests a sandbox that flags one fixed phrase.
 */
export type Suggest = 'pass' | 'review' | 'risky';

/** WeChat's labels (msgSecCheck v2 `result.label`). */
export const LABELS: Record<number, string> = {
  100: '正常',
  10001: '广告',
  20001: '时政',
  20002: '色情',
  20003: '辱骂',
  20006: '违法犯罪',
  20008: '欺诈',
  20012: '低俗',
  20013: '版权',
  21000: '其他',
};

export interface TextVerdict {
  suggest: Suggest;
  label: number;
  traceId: string | null;
}

/** Scene values of the API: 1 资料, 2 评论, 3 论坛, 4 社交日志. A complaint is a forum-like post. */
export type CheckScene = 1 | 2 | 3 | 4;

export interface ContentCheck {
  checkText(input: { content: string; openid: string; scene: CheckScene; title?: string }): Promise<TextVerdict>;
  /**
   * Starts WeChat's asynchronous check of an image (the verdict arrives later as a message push,
   * matched by `traceId`). The URL must be reachable from WeChat's servers.
   */
  submitImage(input: { url: string; openid: string; scene: CheckScene }): Promise<{ traceId: string }>;
}

/** The check itself could not be done (WeChat busy, a bad token…): nothing is decided, nothing filed. */
export class ContentCheckUnavailable extends Error {
  constructor(
    readonly errCode: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'ContentCheckUnavailable';
  }
}
