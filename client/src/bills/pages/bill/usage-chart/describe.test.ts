import { barLabel, monthLabel, percent, scaleMax, summary, thresholdLabel, unitWord } from './describe';

const months = [
  { period: '2025-03', usage: 120, amount: 8160 },
  { period: '2026-02', usage: 440, amount: 30820 },
];

describe('the usage chart in words', () => {
  it('gives each bar the sentence a screen reader says: month, usage in 度, amount', () => {
    expect(barLabel('electricity', 'kWh', { period: '2026-03', usage: 320, amount: 21760 })).toBe('2026年3月 用电 320 度 ¥217.60');
    expect(barLabel('water', 'm³', { period: '2025-12', usage: 18, amount: 6210 })).toBe('2025年12月 用水 18 立方米 ¥62.10');
    expect(barLabel('gas', 'm³', { period: '2026-01', usage: 0, amount: 0 })).toBe('2026年1月 用气 0 立方米 ¥0.00');
  });

  it('says a unit it does not know as the department wrote it', () => {
    expect(unitWord('吨')).toBe('吨');
  });

  it('labels the axis with the month number alone', () => {
    expect(monthLabel('2026-03')).toBe('3');
    expect(monthLabel('2025-12')).toBe('12');
  });

  it('names the tier step by its bound', () => {
    expect(thresholdLabel('kWh', { value: 260, tierName: '第一档', bound: 'upTo' })).toBe('第一档上限 260 度');
    expect(thresholdLabel('kWh', { value: 600, tierName: '第三档', bound: 'from' })).toBe('600 度以上为第三档');
  });

  it('sums twelve months into one sentence', () => {
    expect(summary('electricity', 'kWh', months)).toBe('近 2 个月共用电 560 度，合计 ¥389.80，月均 280 度');
    expect(summary('electricity', 'kWh', [])).toBe('');
  });
});

describe('the usage chart scale', () => {
  it('tops out above the largest month or the threshold, whichever is higher', () => {
    expect(scaleMax(months, null)).toBeCloseTo(484);
    expect(scaleMax(months, { value: 600, tierName: '第二档', bound: 'upTo' })).toBeCloseTo(660);
  });

  it('never divides by zero for a household that used nothing', () => {
    const max = scaleMax([{ period: '2026-02', usage: 0, amount: 0 }], null);
    expect(max).toBe(1);
    expect(percent(0, max)).toBe('0%');
  });

  it('turns a value into a CSS percentage of the scale, capped at 100%', () => {
    expect(percent(440, 484)).toBe('90.9%');
    expect(percent(600, 660)).toBe('90.9%');
    expect(percent(700, 660)).toBe('100%');
  });
});
