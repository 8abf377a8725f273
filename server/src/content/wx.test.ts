import { ContentCheckUnavailable } from './port';
import { FLAGGED_TEST_PHRASE, sandboxContentCheck } from './sandbox';
import { type SecurityOpenApi, wxContentCheck } from './wx';

function fakeOpenApi(answer: { text?: unknown; media?: unknown; throws?: unknown }) {
  const calls: Array<{ api: string; args: unknown }> = [];
  const openapi = {
    security: {
      msgSecCheck: async (args: unknown) => {
        calls.push({ api: 'msgSecCheck', args });
        if (answer.throws) throw answer.throws;
        return answer.text;
      },
      mediaCheckAsync: async (args: unknown) => {
        calls.push({ api: 'mediaCheckAsync', args });
        return answer.media;
      },
    },
  } as unknown as SecurityOpenApi;
  return { openapi, calls };
}

describe('wxContentCheck (cloud.openapi.security, version 2)', () => {
  it('sends version 2 with the caller’s openid and scene, and reads result.suggest and label', async () => {
    const { openapi, calls } = fakeOpenApi({ text: { errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok', traceId: 't1', result: { suggest: 'risky', label: 20006 }, detail: [] } });
    const v = await wxContentCheck(() => openapi).checkText({ content: '内容', openid: 'oABC', scene: 3 });
    expect(v).toEqual({ suggest: 'risky', label: 20006, traceId: 't1' });
    expect(calls).toEqual([{ api: 'msgSecCheck', args: { openid: 'oABC', scene: 3, version: 2, content: '内容' } }]);
  });

  it('treats WeChat’s error codes, a rejected call and an answer without a verdict as "could not check", never as passed', async () => {
    const check = (a: Parameters<typeof fakeOpenApi>[0]) => wxContentCheck(() => fakeOpenApi(a).openapi).checkText({ content: 'x', openid: 'o', scene: 3 });
    await expect(check({ text: { errCode: 40003, errMsg: 'invalid openid' } })).rejects.toBeInstanceOf(ContentCheckUnavailable);
    await expect(check({ throws: Object.assign(new Error('errCode: -1 system busy'), { errCode: -1 }) })).rejects.toMatchObject({ name: 'ContentCheckUnavailable', errCode: -1 });
    await expect(check({ text: { errCode: 0 } })).rejects.toBeInstanceOf(ContentCheckUnavailable);
  });

  it('submits an image to mediaCheckAsync as media type 2 and returns its trace id', async () => {
    const { openapi, calls } = fakeOpenApi({ media: { errCode: 0, errMsg: 'ok', traceId: 'm1' } });
    expect(await wxContentCheck(() => openapi).submitImage({ url: 'https://x/y.jpg', openid: 'oABC', scene: 3 })).toEqual({ traceId: 'm1' });
    expect(calls[0]).toEqual({ api: 'mediaCheckAsync', args: { mediaUrl: 'https://x/y.jpg', mediaType: 2, version: 2, openid: 'oABC', scene: 3 } });
  });

  it('does not touch the SDK until a check runs', () => {
    const getter = jest.fn();
    wxContentCheck(getter);
    expect(getter).not.toHaveBeenCalled();
  });
});

describe('sandboxContentCheck', () => {
  it('flags only the fixed test phrase, wherever it sits in the text', async () => {
    const c = sandboxContentCheck();
    expect((await c.checkText({ content: `前面${FLAGGED_TEST_PHRASE}后面`, openid: 'o', scene: 3 })).suggest).toBe('risky');
    expect((await c.checkText({ content: '路灯坏了三天了', openid: 'o', scene: 3 })).suggest).toBe('pass');
    c.setUnavailable(true);
    await expect(c.checkText({ content: 'x', openid: 'o', scene: 3 })).rejects.toBeInstanceOf(ContentCheckUnavailable);
  });
});
