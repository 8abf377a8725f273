import { invokedAs, useCloudbaseEnv, mainOf } from '../../runtime/entry-testing';

const main = mainOf('mediaCheckNotify');

/**
 * The deployed receiver of WeChat's 消息推送: anyone who can name the function could call it, so
 * every source a client, a timer, the pay callback or another function produces is refused
 * before the event is read, whatever the event claims.
 */
describe('the mediaCheckNotify cloud function entry', () => {
  useCloudbaseEnv();
  const verdict = { MsgType: 'event', Event: 'wxa_media_check', trace_id: 'forged-trace', version: 2, errcode: 0, errmsg: 'ok', result: { suggest: 'risky', label: 20002 } };

  it.each([['wx_client'], ['wx_http'], ['wx_trigger'], ['wx_paycallback'], ['wx_client,scf'], ['scf']])('refuses a call whose WeChat context says %s', async (source) => {
    invokedAs({ WX_OPENID: 'oAttacker0001', SOURCE: source });
    expect(await main(verdict)).toEqual({ ok: false, refused: 'source' });
  });

  it('answers WeChat "success" for a push it cannot read, without touching the database', async () => {
    invokedAs({ SOURCE: undefined });
    expect(await main({ MsgType: 'event', Event: 'something_else' })).toBe('success');
  });

  it('asks WeChat to push again when the verdict cannot be recorded (the database is unreachable here)', async () => {
    invokedAs({ SOURCE: undefined });
    expect(await main(verdict)).toEqual({ ok: false });
  });
});
