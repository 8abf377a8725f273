import type { MyDataExport } from '@bianmin/core';
import { confirms, displayValue, exportFileName, exportFileText, recordCount, sectionsInOrder } from './format';

const section = (key: string, n: number) => ({ key, title: key, about: '', retention: '', onDelete: '', fields: [{ key: 'a', label: 'A' }], rows: Array.from({ length: n }, () => ({ a: 1 })) });

describe('my data’s formatting', () => {
  it('shows Beijing times as wall time, yes/no in words, empty values as a dash and lists joined', () => {
    expect(displayValue('2026-03-10T14:05:00+08:00')).toBe('2026年3月10日 14:05');
    expect(displayValue(true)).toBe('是');
    expect(displayValue(false)).toBe('否');
    expect(displayValue(null)).toBe('—');
    expect(displayValue('')).toBe('—');
    expect(displayValue([])).toBe('—');
    expect(displayValue(['local://a', 'local://b'])).toBe('local://a、local://b');
    expect(displayValue({ lat: 22.5, name: '景田北路' })).toBe('lat: 22.5；name: 景田北路');
    expect(displayValue('0300123456789')).toBe('0300123456789');
  });

  it('names the file by the export’s Beijing minute', () => {
    expect(exportFileName('2026-03-10T14:05:09+08:00')).toBe('bianmin-my-data-20260310-1405.json');
  });

  it('counts every record, puts the sections with records first, and writes the document as indented JSON that reads back the same', () => {
    const doc = { format: 'bianmin.my-data/1', exportedAt: '2026-03-10T14:05:00+08:00', openid: 'o1', sections: [section('a', 0), section('b', 2), section('c', 1)], audit: [] } as MyDataExport;
    expect(recordCount(doc)).toBe(3);
    expect(sectionsInOrder(doc.sections).map((s) => s.key)).toEqual(['b', 'c', 'a']);
    expect(JSON.parse(exportFileText(doc))).toEqual(doc);
  });

  it('takes the confirmation word with spaces around it, and nothing else', () => {
    expect(confirms(' 删除 ', '删除')).toBe(true);
    for (const typed of ['', '删', '删 除', '刪除', '删除了']) expect(confirms(typed, '删除')).toBe(false);
  });
});
