import { billsInput } from './flows/bills/contract';
import { text } from './text';

const label = text({ label: '备注名', max: 12, min: 0 });
const note = text({ label: '情况说明', max: 500, multiline: true });
const problem = (s: unknown, schema = label) => {
  const r = schema.safeParse(s);
  return r.success ? null : r.error.issues[0].message;
};

describe('the shared text schema', () => {
  it.each([
    ['U+0000', 'a\u0000b', '空字符'],
    ['a C0 control (bell)', 'a\u0007b', '控制字符'],
    ['a tab in a one-line field', 'a\tb', '控制字符'],
    ['a newline in a one-line field', 'a\nb', '控制字符'],
    ['DEL', 'a\u007fb', '控制字符'],
    ['a C1 control (NEL)', 'a\u0085b', '控制字符'],
    ['a right-to-left override', 'abc\u202Efdp.exe', '文字方向'],
    ['a lone high surrogate', 'a\ud83d', '无法识别'],
    ['a lone low surrogate', '\ude00a', '无法识别'],
  ])('refuses %s with a Chinese message naming the field', (_l, value, words) => {
    const m = problem(value);
    expect(m).toContain('备注名');
    expect(m).toContain(words);
  });

  it('normalises to NFC before counting, and trims', () => {
    expect(label.parse('  Cafe\u0301  ')).toBe('Café');
    expect(label.parse('Cafe\u0301').length).toBe(4);
  });

  it('counts characters as a resident does: an emoji is one, not two UTF-16 units', () => {
    expect(label.parse('😀'.repeat(12))).toBe('😀'.repeat(12));
    expect(problem('😀'.repeat(13))).toBe('备注名最多 12 个字（现在 13 个）');
  });

  it('keeps line breaks in long text (as \\n) and nothing else invisible', () => {
    expect(note.parse('第一行\r\n第二行\r第三行')).toBe('第一行\n第二行\n第三行');
    expect(problem('第一行\u0000', note)).toContain('空字符');
  });

  it('counts what a reader sees for the shortest length: zero-width characters are no words, and only them is blank', () => {
    const reason = text({ label: '重办理由', min: 5, max: 500, multiline: true });
    expect(problem('\u200b'.repeat(12), reason)).toBe('请填写重办理由');
    expect(problem(`没修好${'\u200b\u2060\ufeff'.repeat(4)}`, reason)).toBe('重办理由至少 5 个字（现在 3 个）');
    expect(label.parse('\u200b\u200b')).toBe('');
    // An emoji family keeps its joiners: stored as typed.
    expect(reason.parse('全家👨\u200d👩\u200d👧都满意')).toBe('全家👨\u200d👩\u200d👧都满意');
  });

  it('refuses a blank required value as missing, and a value that is not a string', () => {
    const name = text({ label: '户主姓名', max: 40 });
    expect(problem('   ', name)).toBe('请填写户主姓名');
    expect(problem(42, name)).toBe('请填写户主姓名');
  });

  it('is what the bind action uses: U+0000 in the label is INVALID_INPUT on fields.label', () => {
    const r = billsInput.bind.safeParse({ providerId: 'power', accountNo: '0300123456789', holderName: '张晓明', label: '我家\u0000' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['label'], message: expect.stringContaining('空字符') });
  });
});
