import { forContentCheck } from './normalise';
import { FLAGGED_TEST_PHRASE, sandboxContentCheck } from './sandbox';

const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u034f', '\ufe0f', '\u3164', '\u{e0041}'];

describe('forContentCheck: the text as a reader sees it', () => {
  it.each(INVISIBLES.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, c]))('drops %s between the letters of a phrase', (_name, c) => {
    expect(forContentCheck(Array.from(FLAGGED_TEST_PHRASE).join(c))).toBe(FLAGGED_TEST_PHRASE);
  });

  it('folds full-width letters and digits (and the half-width Hangul filler) to what they look like', () => {
    expect(forContentCheck(fullWidth(FLAGGED_TEST_PHRASE))).toBe(FLAGGED_TEST_PHRASE);
    expect(forContentCheck('ａ\uffa0ｂ')).toBe('ab');
  });

  it('leaves ordinary text as it reads: Han characters, spaces and line breaks', () => {
    expect(forContentCheck('小区门口的井盖缺失已经三天了\n福田区景田北路 18 号')).toBe('小区门口的井盖缺失已经三天了\n福田区景田北路 18 号');
  });

  it('lets the local check see every disguise the server undoes, and nothing the server does not', async () => {
    const check = sandboxContentCheck();
    const verdict = async (content: string) => (await check.checkText({ content, openid: 'o', scene: 3 })).suggest;
    await expect(verdict(forContentCheck(`前面${Array.from(fullWidth(FLAGGED_TEST_PHRASE)).join('\u200b')}后面`))).resolves.toBe('risky');
    // WeChat reads across a line break (the place under the description): so does the stand-in.
    await expect(verdict(`前面${FLAGGED_TEST_PHRASE.slice(0, 8)}\n${FLAGGED_TEST_PHRASE.slice(8)}`)).resolves.toBe('risky');
    // Left as it came, a disguise passes the stand-in: undoing it is the server's job.
    await expect(verdict(fullWidth(FLAGGED_TEST_PHRASE))).resolves.toBe('pass');
  });
});
