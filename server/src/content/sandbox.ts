import { randomUUID } from 'node:crypto';
import { type CheckScene, type ContentCheck, ContentCheckUnavailable } from './port';

/**
 * The phrase the local content check flags (WeChat's own published test sample for msgSecCheck).
 * Listed by GET /api/__dev/fixtures so tests and people can provoke a refusal without guessing.
 */
export const FLAGGED_TEST_PHRASE = '特3456书yuuo莞6543李zxcz蒜7782法fgnv级';

export interface SandboxContentCheck extends ContentCheck {
  /** Every check asked for, in order: what WeChat would have been sent. */
  readonly texts: Array<{ content: string; openid: string; scene: CheckScene }>;
  readonly images: Array<{ url: string; openid: string; traceId: string }>;
  /** Make the next checks fail as WeChat does when it is busy (errCode -1). */
  setUnavailable(on: boolean): void;
  /** The trace ids the next image checks answer, in order (then random ones): lets a test deliver a verdict before the check is asked. */
  presetTraceIds(ids: string[]): void;
}

/** The local stand-in: flags text containing the test phrase (whitespace aside) as risky (违法犯罪, 20006), passes everything else. */
export function sandboxContentCheck(): SandboxContentCheck {
  const texts: SandboxContentCheck['texts'] = [];
  const images: SandboxContentCheck['images'] = [];
  let unavailable = false;
  const preset: string[] = [];
  return {
    texts,
    images,
    setUnavailable: (on) => void (unavailable = on),
    presetTraceIds: (ids) => void preset.push(...ids),
    async checkText({ content, openid, scene }) {
      if (unavailable) {
        throw new ContentCheckUnavailable(-1, 'system busy');
      }
      texts.push({ content, openid, scene });
      // WeChat's check is a classifier, not a substring match: it reads a phrase across spaces and
      // line breaks. Nothing more is folded here — full-width and invisible characters are the
      // server's to normalise (content/normalise.ts), so a server that forgets is caught locally.
      const flagged = content.replace(/\s+/g, '').includes(FLAGGED_TEST_PHRASE);
      return { suggest: flagged ? 'risky' : 'pass', label: flagged ? 20006 : 100, traceId: randomUUID() };
    },
    async submitImage({ url, openid }) {
      const traceId = preset.shift() ?? randomUUID();
      images.push({ url, openid, traceId });
      return { traceId };
    },
  };
}
