import {
  birthDateOf,
  ID_NUMBER_MESSAGES,
  idCheckDigit,
  idNumberProblem,
  idNumberSchema,
  isValidIdNumber,
  NAME_MESSAGES,
  nameProblem,
  normalizeIdNumber,
  realNameSchema,
} from './identity';
import { maskIdNumber, maskName } from './mask';

const withCheck = (first17: string) => first17 + idCheckDigit(first17);
const TODAY = '2026-03-10';

describe('GB 11643-1999 check character', () => {
  it('matches the standard’s published example and numbers ending in X', () => {
    // GB 11643-1999 appendix example.
    expect(idCheckDigit('11010519491231002')).toBe('X');
    expect(idCheckDigit('44030519900307123')).toBe('6');
    expect(idCheckDigit('11010119900307123')).toBe('3');
  });

  it('detects every single-digit change in the first 17 digits of a valid number', () => {
    const valid = withCheck('44030519900307123');
    for (let i = 0; i < 17; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === valid[i]) continue;
        const changed = valid.slice(0, i) + d + valid.slice(i + 1);
        expect(idCheckDigit(changed.slice(0, 17))).not.toBe(valid[17]);
      }
    }
  });

  it('detects every swap of two adjacent different digits', () => {
    const valid = withCheck('32010619820713452');
    for (let i = 0; i < 16; i++) {
      if (valid[i] === valid[i + 1]) continue;
      const swapped = valid.slice(0, i) + valid[i + 1] + valid[i] + valid.slice(i + 2);
      expect(idCheckDigit(swapped.slice(0, 17))).not.toBe(valid[17]);
    }
  });
});

describe('identity number rules', () => {
  it.each([
    ['a wrong check character', '11010119900307123X', 'checkDigit'],
    ['30 February', '440305199002301234', 'birthDate'],
    ['29 February of a common year', withCheck('44030520230229123'), 'birthDate'],
    ['month 13', withCheck('44030519901301123'), 'birthDate'],
    ['day 00', withCheck('44030519900300123'), 'birthDate'],
    ['31 April', withCheck('44030519900431123'), 'birthDate'],
    ['a birth year before 1900', withCheck('44030518991231123'), 'before1900'],
    ['a birth date after today', withCheck('44030520260311123'), 'future'],
    ['the 15-digit legacy form', '440305900307123', 'legacy15'],
    ['a province code nobody uses (00)', withCheck('00030519900307123'), 'region'],
    ['a province code nobody uses (99)', withCheck('99030519900307123'), 'region'],
    ['a province code between divisions (24)', withCheck('24030519900307123'), 'region'],
    ['17 digits', '44030519900307123', 'length'],
    ['19 digits', '4403051990030712361', 'length'],
    ['a letter inside', '4403051990O3071236', 'characters'],
    ['X before the end', '44030519900307X236', 'characters'],
    ['nothing', '', 'empty'],
  ])('refuses %s with its own reason', (_label, id, problem) => {
    expect(idNumberProblem(normalizeIdNumber(id), TODAY)).toBe(problem);
  });

  it('accepts real numbers: 29 February of a leap year, born today, a Hong Kong residence permit, 1900', () => {
    for (const id of [
      withCheck('44030519900307123'),
      withCheck('44030520000229123'),
      withCheck('44030520260310123'),
      withCheck('81000019900307123'),
      withCheck('11010119000101123'),
      '11010519491231002X',
    ]) {
      expect(idNumberProblem(id, TODAY)).toBeNull();
      expect(isValidIdNumber(id, TODAY)).toBe(true);
    }
  });

  it('accepts every province-level code of GB/T 2260 and refuses every other two-digit prefix', () => {
    const valid = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83']);
    for (let p = 0; p <= 99; p++) {
      const prefix = String(p).padStart(2, '0');
      const id = withCheck(`${prefix}030519900307123`);
      expect(idNumberProblem(id)).toBe(valid.has(prefix) ? null : 'region');
    }
  });

  it('without a date, does not judge the future (the server adds its clock)', () => {
    expect(idNumberProblem(withCheck('44030520990101123'))).toBeNull();
    expect(idNumberProblem(withCheck('44030520990101123'), TODAY)).toBe('future');
  });

  it('reads the birth date', () => {
    expect(birthDateOf(withCheck('44030519900307123'))).toBe('1990-03-07');
  });
});

describe('the identity number field', () => {
  const parse = (v: unknown) => idNumberSchema.safeParse(v);

  it('turns a lowercase x into X', () => {
    expect(parse('11010519491231002x')).toEqual({ success: true, data: '11010519491231002X' });
  });

  it('normalises full-width digits and X from a Chinese keyboard, and spaces between groups', () => {
    expect(parse('１１０１０５１９４９１２３１００２Ｘ')).toEqual({ success: true, data: '11010519491231002X' });
    expect(parse('110105 19491231 002ｘ')).toEqual({ success: true, data: '11010519491231002X' });
    expect(parse(' 110105-19491231-002X\u3000')).toEqual({ success: true, data: '11010519491231002X' });
  });

  it.each([
    ['11010119900307123X', ID_NUMBER_MESSAGES.checkDigit],
    ['440305199002301234', ID_NUMBER_MESSAGES.birthDate],
    ['440305900307123', '请使用 18 位身份证号'],
    ['', ID_NUMBER_MESSAGES.empty],
    ['1'.repeat(41), ID_NUMBER_MESSAGES.length],
  ])('refuses %p saying %p', (id, message) => {
    const r = parse(id);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toContain(message);
  });

  it.each([[null], [undefined], [440305199003071236], [{}]])('refuses a non-string %p', (v) => {
    expect(parse(v).success).toBe(false);
  });
});

describe('real names', () => {
  it.each([
    ['张晓明', '张晓明'],
    ['李白', '李白'],
    ['阿依古丽·买买提', '阿依古丽·买买提'],
    ['阿依古丽•买买提', '阿依古丽·买买提'],
    ['阿依古丽・买买提', '阿依古丽·买买提'],
    ['  欧阳娜娜 ', '欧阳娜娜'],
    ['𠮷野家', '𠮷野家'],
    ['爱新觉罗·溥仪', '爱新觉罗·溥仪'],
  ])('accepts %p as %p', (raw, name) => {
    expect(realNameSchema.safeParse(raw)).toEqual({ success: true, data: name });
  });

  it.each([
    ["Robert'); DROP TABLE", 'characters'],
    ['Robert', 'characters'],
    ['张 三', 'characters'],
    ['张三\u0000', 'characters'],
    ['张三\n', null],
    ['张\u202e三', 'characters'],
    ['张3', 'characters'],
    ['张', 'short'],
    ['·张三', 'dots'],
    ['张三·', 'dots'],
    ['张··三', 'dots'],
    ['张'.repeat(31), 'long'],
    ['', 'empty'],
  ])('judges %p as %p', (raw, problem) => {
    const name = raw.normalize('NFC').replace(/[\u2022\u30FB]/g, '·').trim();
    expect(nameProblem(name)).toBe(problem);
  });

  it('refuses the SQL example with a message naming what a name may contain', () => {
    const r = realNameSchema.safeParse("Robert'); DROP TABLE");
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toBe(NAME_MESSAGES.characters);
  });

  it('accepts 30 characters and no more', () => {
    expect(realNameSchema.safeParse('张'.repeat(30)).success).toBe(true);
    expect(realNameSchema.safeParse('张'.repeat(31)).success).toBe(false);
  });
});

describe('masking', () => {
  it('keeps the region and the last four of an identity number', () => {
    expect(maskIdNumber('44030519900307123X')).toBe('4403**********123X');
  });

  it('keeps the first and last character of a name', () => {
    expect(maskName('张晓明')).toBe('张*明');
    expect(maskName('李白')).toBe('李*');
    expect(maskName('阿依古丽·买买提')).toBe('阿******提');
  });
});
