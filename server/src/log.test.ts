import { Writable } from 'node:stream';
import { createLogger } from './log';

describe('the logger', () => {
  it('masks identity data wherever it appears in a log line', () => {
    let out = '';
    const sink = new Writable({ write: (chunk, _enc, cb) => ((out += chunk.toString()), cb()) });
    const log = createLogger({ destination: sink as never });
    log.info({ idNumber: '440305199003071236', phone: '13812345678', input: { plate: '粤B12345', name: '张晓明', accountNo: '0300123456789' }, caller: { openid: 'oBmDemo01ZhangXiaoMing0000001' } }, 'call');
    expect(out).not.toMatch(/440305199003071236|13812345678|粤B12345|张晓明|0300123456789|oBmDemo01ZhangXiaoMing/);
    expect(out).toContain('[masked]');
  });
});
