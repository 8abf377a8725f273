import { formatTimeEnd, parseTimeEnd } from './wechat-time';

describe('WeChat Pay time_end', () => {
  it('is Beijing time: 20260310120500 is 04:05 UTC, whatever the host zone', () => {
    expect(parseTimeEnd('20260310120500')).toEqual(new Date('2026-03-10T04:05:00Z'));
    expect(formatTimeEnd(new Date('2026-03-10T16:30:00Z'))).toBe('20260311003000');
  });

  it.each(['20260230120000', '20260310240000', '20261301000000', '2026031012050', '2026-03-10T12:05:00', ''])('refuses %j instead of rolling it into another day', (s) => {
    expect(parseTimeEnd(s)).toBeNull();
  });
});
