import { join } from 'node:path';
import { checkText, formatViolations, isNumericExpression, scanRepo, scanSource } from './copy-spacing';

describe('the copy spacing checker', () => {
  it('wants a space between Han and a digit, a Latin letter or a ¥ amount', () => {
    expect(checkText('以下是57 秒前')).toHaveLength(1);
    expect(checkText('应缴¥31.50')).toHaveLength(1);
    expect(checkText('用电403度')).toHaveLength(2);
    expect(checkText('请上传JPG照片')).toHaveLength(2);
    expect(checkText('第2档')).toHaveLength(2);
    expect(checkText('以下是 57 秒前查到的，还有 1 期 ¥31.50 待缴，第 2 档')).toEqual([]);
  });

  it('wants no space next to full-width punctuation', () => {
    expect(checkText('（ 还有 42 分钟）')).toHaveLength(1);
    expect(checkText('已缴清 。')).toHaveLength(1);
    expect(checkText('（还有 42 分钟），1 小时内')).toEqual([]);
  });

  it('keeps dates in the Chinese form, licence plates and Latin units as they are', () => {
    expect(checkText('2026年3月5日 前缴纳，3月5日 起，2026年3月 账单')).toEqual([]);
    expect(checkText('如 粤B12345，如 使014578')).toEqual([]);
    expect(checkText('单价 0.62 元/kWh，0.1%')).toEqual([]);
    expect(checkText('共123月')).toHaveLength(2); // not a date: the month is one or two digits
  });

  it('tells interpolations that render numbers from those that render Chinese', () => {
    expect(isNumericExpression('formatFen(o.amount)')).toBe(true);
    expect(isNumericExpression('bills.length')).toBe(true);
    expect(isNumericExpression('v.points')).toBe(true);
    expect(isNumericExpression('provider.name')).toBe(false);
    expect(isNumericExpression('formatPeriod(bill.period)')).toBe(false);
  });

  it('finds a planted violation in a template, a string and JSX text, with its line', () => {
    const source = [
      "import { x } from './中文2模块';", // an import: not copy
      'const a = `还有${n}期`;',
      "const b = `${provider.name}账单`;", // renders Chinese: fine
      "const c = '应缴¥31.50';",
      '// 注释里的57秒 is a comment, not copy',
      'const d = <View className="共2笔">共{bills.length}笔</View>;',
      'const e = `以下是${formatAge(s)}查到的`;',
      "const f = { '键1值': 1 };", // an object key: not copy
    ].join('\n');
    const found = scanSource('planted.tsx', source);
    expect(found.map((v) => v.line)).toEqual([2, 2, 4, 6, 6, 7]);
    expect(formatViolations(found)).toContain('planted.tsx:4: 应缴¥31.50');
  });
});

describe('the copy of the whole app', () => {
  it('follows the spacing rule (client, console, core and server)', () => {
    const violations = scanRepo(join(__dirname, '..'));
    if (violations.length > 0) throw new Error(`${violations.length} strings break the copy spacing rule (README, Notes for maintainers):\n${formatViolations(violations)}`);
  });
});
