import { bindRefusal } from './bind';

describe('a refused bind, said once', () => {
  it('puts bad input under the fields it names', () => {
    expect(bindRefusal({ code: 'INVALID_INPUT', message: '请检查', fields: { accountNo: '户号应为 10 位数字' } })).toEqual({ fields: { accountNo: '户号应为 10 位数字' }, marked: [], form: null });
  });

  it('says a wrong name or unknown number once above the form and only marks both fields', () => {
    const r = bindRefusal({ code: 'NOT_FOUND', message: '户号或户主姓名不正确，请对照缴费单核对。', fields: { accountNo: '未找到', holderName: '未找到' } });
    expect(r.form).toBe('户号或户主姓名不正确，请对照缴费单核对。');
    expect(r.fields).toEqual({});
    expect(r.marked).toEqual(['accountNo', 'holderName']);
  });

  it('says anything else above the form', () => {
    expect(bindRefusal({ code: 'DEPARTMENT_UNAVAILABLE', message: '国网市供电公司系统暂时无法连接' })).toEqual({ fields: {}, marked: [], form: '国网市供电公司系统暂时无法连接' });
  });
});
