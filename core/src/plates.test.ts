import { formatPlate, maskPlateDisplay, normalisePlate, parsePlate, PLATE_KIND_INFO, PROVINCES, resolvePlate } from './plates';

const accepted = (input: string) => {
  const r = parsePlate(input);
  if (!r.ok) throw new Error(`${input} refused: ${r.message}`);
  return r.value;
};
const refusal = (input: string) => {
  const r = parsePlate(input);
  if (r.ok) throw new Error(`${input} accepted as ${r.value.plate}`);
  return r.message;
};

describe('normalising what a resident types', () => {
  it.each([
    ['粤b 12345', '粤B12345'],
    ['粤B·12345', '粤B12345'],
    ['粤Ｂ１２３４５', '粤B12345'],
    ['　粤 b・1 2 3 4 5 ', '粤B12345'],
    ['粤bd12345', '粤BD12345'],
    ['粤B-12345', '粤B12345'],
  ])('%s → %s', (typed, canonical) => {
    expect(normalisePlate(typed)).toBe(canonical);
    expect(accepted(typed).plate).toBe(canonical);
  });

  it('never turns a letter O or I into a digit', () => {
    expect(normalisePlate('粤B1O345')).toBe('粤B1O345');
    expect(normalisePlate('粤B1i345')).toBe('粤B1I345');
  });
});

describe('each plate kind', () => {
  it.each([
    // [plate, kind derived (null = asked)]
    ['粤B12345', null],
    ['京AD1234', null],
    ['京AF1234', null],
    ['沪A6D7K8', null],
    ['粤BD12345', 'small_nev'],
    ['粤BF12345', 'small_nev'],
    ['粤BDA1234', 'small_nev'],
    ['浙AA12345', 'small_nev'],
    ['浙AK12345', 'small_nev'],
    ['粤B12345D', 'large_nev'],
    ['粤B12345F', 'large_nev'],
    ['粤B1234学', 'coach'],
    ['粤B1234警', 'police'],
    ['粤B1234挂', 'trailer'],
    ['粤B1234领', 'consulate'],
    ['粤Z1234港', 'hk'],
    ['粤Z1234澳', 'macau'],
    ['使014578', 'embassy'],
  ])('%s is accepted as %s', (plate, kind) => {
    const v = accepted(plate);
    expect(v.plate).toBe(plate);
    expect(v.kind).toBe(kind);
    if (kind === null) expect(v.possibleKinds).toEqual(['small_car', 'large_car']);
    else expect(v.possibleKinds).toEqual([kind]);
  });

  it('knows all 31 provincial abbreviations', () => {
    expect(Array.from(PROVINCES)).toHaveLength(31);
    for (const p of PROVINCES) expect(accepted(`${p}A12345`).plate).toBe(`${p}A12345`);
  });
});

describe('each trap', () => {
  it.each([
    ['京A123456', /新能源小型车号牌第 3 位应为 D 或 F/],
    ['粤B12345A', /新能源大型车号牌最后一位应为 D 或 F/],
    ['粤BD1234X', /新能源小型车号牌最后 4 位应为数字/],
    ['粤B1O345', /号牌不使用字母 O，是否为数字 0？/],
    ['粤BO2345', /号牌不使用字母 O，是否为数字 0？/],
    ['粤BD1O345', /号牌不使用字母 O/],
    ['粤B1I345', /号牌不使用字母 I，是否为数字 1？/],
    ['粤BO123学', /号牌不使用字母 O/],
    ['粤I12345', /发牌机关代号不使用字母 I/],
    ['B12345', /号牌第 1 位应为省、自治区、直辖市简称/],
    ['港B12345', /“港”不是省、自治区、直辖市简称/],
    ['粤112345', /号牌第 2 位应为发牌机关代号/],
    ['粤B1234', /号牌号码不完整.*只有 4 位/],
    ['粤B1234567', /号牌号码过长/],
    ['粤', /号牌号码不完整/],
    ['', /请填写号牌号码/],
    ['   ', /请填写号牌号码/],
    ['粤B12学45', /号牌序号中不应有“学”/],
    ['粤B12345学', /教练汽车号牌应为.*4 位序号/],
    ['粤B1234港', /香港入出境车号牌应以“粤Z”开头/],
    ['京Z1234澳', /澳门入出境车号牌应以“粤Z”开头/],
    ['使01457', /使馆汽车号牌应为“使”加 6 位数字/],
    ['粤B12\u000045', /不可见字符/],
    ['粤B\u202e12345', /不可见字符/],
    ['粤B12#45', /只能由数字和字母组成/],
  ])('%s is refused: %s', (plate, reason) => {
    expect(refusal(plate)).toMatch(reason);
  });
});

describe('the plate kind: derived or asked', () => {
  it('asks for the kind of an ordinary plate, naming both colours', () => {
    expect(resolvePlate('粤B12345')).toEqual({ ok: false, field: 'plateKind', message: '请选择号牌种类：小型汽车（蓝牌）或大型汽车（黄牌）' });
    expect(resolvePlate('粤B12345', 'large_car')).toEqual({ ok: true, plate: '粤B12345', kind: 'large_car' });
  });

  it('derives the kind where the plate fixes it, and refuses a contradicting one on plateKind', () => {
    expect(resolvePlate('粤bd12345')).toEqual({ ok: true, plate: '粤BD12345', kind: 'small_nev' });
    expect(resolvePlate('粤BD12345', 'small_nev')).toMatchObject({ ok: true });
    expect(resolvePlate('粤BD12345', 'small_car')).toEqual({ ok: false, field: 'plateKind', message: '号牌 粤B·D12345 是小型新能源汽车号牌，不是小型汽车' });
    expect(resolvePlate('粤B12345', 'coach')).toMatchObject({ ok: false, field: 'plateKind', message: expect.stringContaining('不是教练汽车号牌') });
  });

  it('reports a bad plate on the plate field before asking for a kind', () => {
    expect(resolvePlate('京A123456')).toMatchObject({ ok: false, field: 'plate' });
  });

  it('carries the GA code of every kind', () => {
    expect(Object.values(PLATE_KIND_INFO).map((k) => k.code).sort()).toEqual(['01', '02', '03', '04', '15', '16', '23', '26', '27', '51', '52']);
  });
});

describe('display', () => {
  it.each([
    ['粤B12345', '粤B·12345', '粤B·1**45'],
    ['粤BD12345', '粤B·D12345', '粤B·D***45'],
    ['粤B1234学', '粤B·1234学', '粤B·1**4学'],
    ['使014578', '使014578', '使0***78'],
  ])('%s shows as %s and masked as %s', (plate, shown, masked) => {
    expect(formatPlate(plate)).toBe(shown);
    expect(maskPlateDisplay(plate)).toBe(masked);
  });
});
