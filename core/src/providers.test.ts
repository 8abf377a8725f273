import { hotlineForService } from './hotlines';
import { PROVIDERS, UTILITY_KINDS } from './providers';

describe('the utilities’ hotlines', () => {
  it.each(PROVIDERS.map((p) => [p.id, p] as const))('%s has its own customer-service line, dialable as printed', (_id, p) => {
    expect(p.hotline.name).toMatch(/热线$/);
    // 5-digit national service numbers (95598) or an area code and a local number.
    expect(p.hotline.number).toMatch(/^(9\d{4}|0\d{2,3}-\d{7,8})$/);
    expect(p.hotline.tel).toBe(p.hotline.number.replace(/-/g, ''));
  });

  it('covers every utility kind, and power is 95598', () => {
    expect(UTILITY_KINDS.map((k) => PROVIDERS.find((p) => p.kind === k)?.hotline.number)).toEqual(['0755-82137777', '95598', '0755-83601111']);
  });

  it('finds the hotline of the utility behind a bills service, and none behind any other', () => {
    expect(hotlineForService('bills.electricity.pay')?.tel).toBe('95598');
    expect(hotlineForService('bills.water.query')).toBe(PROVIDERS.find((p) => p.id === 'water')!.hotline);
    expect(hotlineForService('traffic.pay')).toBeUndefined();
    expect(hotlineForService('bills.heating.pay')).toBeUndefined();
    expect(hotlineForService('bills.constructor.pay')).toBeUndefined();
  });
});
