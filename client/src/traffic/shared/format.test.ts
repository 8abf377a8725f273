import type { ViolationGroup, ViolationView } from '@bianmin/core';
import { checkPlate, engineSuffixProblem, groupSummary, moneySplit, payableToday, plateKindLabel, plateKindProblem, vehicleCounts } from './format';

const group = (key: ViolationGroup['key'], count: number, total: number): ViolationGroup => ({
  key,
  title: key === 'todo' ? '待处理' : key === 'payable' ? '待缴款' : '已完成',
  count,
  total,
  violations: [],
});

describe('checkPlate: the add form says core’s reason under the field', () => {
  it('normalises what the phone types (粤b 12345 → 粤B12345) and asks blue or yellow, which the characters cannot tell', () => {
    expect(checkPlate('粤b 12345')).toEqual({ plate: '粤B12345', problem: null, kind: null, choices: ['small_car', 'large_car'] });
    expect(checkPlate('粤Ｂ·１２３４５').plate).toBe('粤B12345');
  });

  it('derives the kind where the plate fixes it, so nothing is asked', () => {
    expect(checkPlate('粤BD12345')).toMatchObject({ plate: '粤BD12345', kind: 'small_nev', choices: [] });
    expect(checkPlate('京AD1234')).toMatchObject({ plate: '京AD1234', kind: null });
  });

  it('refuses with the exact words of core’s plates module', () => {
    expect(checkPlate('粤B1O345').problem).toBe('号牌不使用字母 O，是否为数字 0？');
    expect(checkPlate('京A123456').problem).toMatch(/^新能源小型车号牌第 3 位应为 D 或 F/);
    expect(checkPlate('   ').problem).toBe('请填写号牌号码');
  });

  it('names a kind the plate contradicts on the kind field', () => {
    expect(plateKindProblem('粤BD12345', 'large_car')).toMatch(/是小型新能源汽车号牌/);
    expect(plateKindProblem('粤B12345', 'small_car')).toBeNull();
  });
});

it('says the plate colour with the kind, and checks the engine suffix as the server does', () => {
  expect(plateKindLabel('small_car')).toBe('小型汽车（蓝牌）');
  expect(plateKindLabel('large_car')).toBe('大型汽车（黄牌）');
  expect(engineSuffixProblem(' a61234 ')).toBeNull();
  expect(engineSuffixProblem('A6123')).toMatch(/6 位字母或数字/);
  expect(engineSuffixProblem('')).toBe('请填写发动机号后六位');
});

it('sums a group in words, never a bare number', () => {
  expect(groupSummary(group('todo', 1, 20000))).toBe('1 条 · 罚款 ¥200.00');
  expect(groupSummary(group('payable', 2, 50600))).toBe('2 条 · 今日应缴 ¥506.00');
  expect(groupSummary(group('done', 0, 0))).toBe('无');
  expect(vehicleCounts([group('todo', 1, 20000), group('payable', 2, 50600), group('done', 1, 20000)])).toEqual({ todo: 1, payable: 2, payableTotal: 50600 });
});

it('offers pay only for a decided violation, at the amount the server computed for today', () => {
  const today = { overdueDays: 2, lateFee: 600, amountDue: 10600, capped: false, note: '' };
  const v = { status: 'decided', today } as ViolationView;
  expect(payableToday(v)).toBe(10600);
  expect(payableToday({ ...v, status: 'under_appeal' })).toBeNull();
});

it('splits a fine’s order into fine + late fee = amount', () => {
  expect(moneySplit({ fine: 20000, lateFee: 20000, amount: 40000 })).toEqual([
    { label: '罚款', value: '¥200.00' },
    { label: '加处罚款（滞纳金）', value: '¥200.00' },
    { label: '合计', value: '¥400.00' },
  ]);
});
