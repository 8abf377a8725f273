import { idCheckDigit } from '@bianmin/core/id-rules';
import { checkVerifyForm, fieldErrors } from './form';
import { safeReturn, verifyUrl } from '../flow';

const NOW = new Date('2026-03-10T04:00:00Z');
const valid = `44030519900307123${idCheckDigit('44030519900307123')}`;

describe('verify form checks (the server rules, on the phone)', () => {
  it('accepts a real name and number, normalising full-width digits, a lowercase x and spaces', () => {
    const fullWidth = valid.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect(checkVerifyForm({ name: ' 张晓明 ', idNumber: fullWidth }, NOW)).toEqual({ value: { name: '张晓明', idNumber: valid }, errors: {} });
    const withX = '11010119900307123X';
    expect(checkVerifyForm({ name: '阿依古丽・买买提', idNumber: '1101 0119 9003 0712 3x' }, NOW).value).toEqual({ name: '阿依古丽·买买提', idNumber: withX });
  });

  it.each([
    ['a wrong check character', '11010119900307123X'.slice(0, 17) + '5', '校验位'],
    ['30 February', '440305199002301234', '出生日期不存在'],
    ['the 15-digit legacy form', '440305900307123', '18 位'],
    ['a birth date after today', '440305202612011234', '晚于今天'],
    ['an empty number', '', '请填写身份证号'],
  ])('refuses %s with the reason under the field', (_what, idNumber, reason) => {
    expect(checkVerifyForm({ name: '张晓明', idNumber }, NOW).errors.idNumber).toContain(reason);
  });

  it("refuses a name that is not a name (Robert'); DROP TABLE)", () => {
    expect(checkVerifyForm({ name: "Robert'); DROP TABLE", idNumber: valid }, NOW).errors).toEqual({ name: expect.stringContaining('汉字') });
    expect(checkVerifyForm({ name: '张', idNumber: valid }, NOW).errors.name).toContain('至少 2 个字');
  });

  it("takes the server's reasons for this form's fields only", () => {
    expect(fieldErrors({ idNumber: '校验位不正确', verificationId: 'x' })).toEqual({ idNumber: '校验位不正确' });
    expect(fieldErrors(undefined)).toEqual({});
  });
});

describe('the return target of the verify step', () => {
  it("returns to this subpackage's pages only", () => {
    expect(safeReturn(encodeURIComponent('/insurance/pages/records/index?insurance=pension'))).toBe('/insurance/pages/records/index?insurance=pension');
    expect(safeReturn(undefined)).toBe('/insurance/pages/summary/index');
    expect(safeReturn(encodeURIComponent('/bills/pages/bill/index'))).toBe('/insurance/pages/summary/index');
    expect(safeReturn(encodeURIComponent('/insurance/pages/verify/index'))).toBe('/insurance/pages/summary/index');
    expect(safeReturn(encodeURIComponent('/insurance/pages/records/index?x=<script>'))).toBe('/insurance/pages/summary/index');
    expect(safeReturn('%E0%A4%A')).toBe('/insurance/pages/summary/index');
  });

  it('round-trips through the verify URL', () => {
    const url = verifyUrl('/insurance/pages/records/index?insurance=medical', 'expired');
    const q = new URLSearchParams(url.split('?')[1]);
    expect(q.get('reason')).toBe('expired');
    expect(safeReturn(encodeURIComponent(q.get('return')!))).toBe('/insurance/pages/records/index?insurance=medical');
  });
});
