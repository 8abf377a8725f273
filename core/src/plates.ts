/**
 * Chinese motor-vehicle plates (号牌) per GA 36-2018 《中华人民共和国机动车号牌》 and the Ministry of
 * Public Security's new-energy plate rules: parsing what a resident types, saying exactly what is
 * wrong, deriving the plate kind (号牌种类) where the characters fix it and asking where they do not.
 *
 * What the characters cannot tell apart: a 7-character ordinary plate is blue (小型汽车) or
 * yellow (大型汽车) — only the colour differs — so the kind is asked for. Every other kind is
 * fixed by the plate itself (its length, a suffix, a leading 使, the energy letter's position).
 */

export const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

export const PLATE_KINDS = ['small_car', 'large_car', 'small_nev', 'large_nev', 'trailer', 'coach', 'police', 'consulate', 'embassy', 'hk', 'macau'] as const;
export type PlateKind = (typeof PLATE_KINDS)[number];

/** Name and GA 24.7 号牌种类 code (the one traffic police systems use, e.g. 交管12123's hpzl). */
export const PLATE_KIND_INFO: Record<PlateKind, { name: string; code: string }> = {
  large_car: { name: '大型汽车', code: '01' },
  small_car: { name: '小型汽车', code: '02' },
  embassy: { name: '使馆汽车', code: '03' },
  consulate: { name: '领馆汽车', code: '04' },
  trailer: { name: '挂车', code: '15' },
  coach: { name: '教练汽车', code: '16' },
  police: { name: '警用汽车', code: '23' },
  hk: { name: '香港入出境车', code: '26' },
  macau: { name: '澳门入出境车', code: '27' },
  large_nev: { name: '大型新能源汽车', code: '51' },
  small_nev: { name: '小型新能源汽车', code: '52' },
};

/**
 * Energy letters of small new-energy plates: D first, then A, B, C, E as D ran out (pure
 * electric); F first, then G, H, J, K (plug-in hybrid and others). Large ones end in D or F.
 */
const SMALL_NEV_ELECTRIC = 'DABCE';
const SMALL_NEV_HYBRID = 'FGHJK';
const SMALL_NEV_LETTERS = SMALL_NEV_ELECTRIC + SMALL_NEV_HYBRID;

/** Letters and digits of a plate's sequence (序号): I and O are never used, they read as 1 and 0. */
const SEQ = /^[A-HJ-NP-Z0-9]+$/;

const SUFFIX_KINDS: Record<string, PlateKind> = { 学: 'coach', 警: 'police', 挂: 'trailer', 领: 'consulate', 港: 'hk', 澳: 'macau' };

export interface Plate {
  /** Canonical form, stored and sent to the traffic police: 粤B12345 */
  plate: string;
  /** The kind when the plate fixes it; null when only the resident can say (blue or yellow). */
  kind: PlateKind | null;
  /** Kinds the plate admits: one when derived, several when asked. */
  possibleKinds: PlateKind[];
}

export type PlateResult = { ok: true; value: Plate } | { ok: false; message: string };

const fail = (message: string): PlateResult => ({ ok: false, message });

/**
 * What a resident types, made canonical: full-width letters and digits (ＡＢ１２), lowercase,
 * spaces (also the ideographic one) and the middle dot that printed plates carry (粤B·12345).
 * I and O are NOT turned into 1 and 0: a plate is an identifier, and guessing could match
 * another person's car; the parser refuses them with a hint instead.
 */
export function normalisePlate(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s·•・.\-_]/g, '')
    .toUpperCase();
}

function ioHint(seq: string): string | null {
  if (seq.includes('O')) return '号牌不使用字母 O，是否为数字 0？';
  if (seq.includes('I')) return '号牌不使用字母 I，是否为数字 1？';
  return null;
}

function badSequence(seq: string, what: string): string | null {
  const hint = ioHint(seq);
  if (hint) return hint;
  if (!SEQ.test(seq)) return `${what}只能由数字和字母组成`;
  return null;
}

/** Parses a plate. A refusal names what is wrong, in words a resident can act on. */
export function parsePlate(input: string): PlateResult {
  if (typeof input !== 'string') return fail('请填写号牌号码');
  // Control characters are nobody's plate; say so rather than let them be stripped or stored.
  if (/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\ufeff]/.test(input)) return fail('号牌号码含有不可见字符，请重新输入');
  const p = normalisePlate(input);
  if (!p) return fail('请填写号牌号码');
  const chars = Array.from(p);

  if (chars[0] === '使') {
    const rest = chars.slice(1).join('');
    if (!/^\d{6}$/.test(rest)) return fail('使馆汽车号牌应为“使”加 6 位数字，如 使014578');
    return ok(p, 'embassy');
  }

  if (!PROVINCES.includes(chars[0])) {
    return fail(/[A-Z0-9]/.test(chars[0]) ? '号牌第 1 位应为省、自治区、直辖市简称，如 粤' : `“${chars[0]}”不是省、自治区、直辖市简称`);
  }
  const authority = chars[1];
  if (authority === undefined) return fail('号牌号码不完整：省份简称后应为发牌机关代号字母');
  if (authority === 'I') return fail('发牌机关代号不使用字母 I，请核对号牌第 2 位');
  if (!/^[A-Z]$/.test(authority)) return fail('号牌第 2 位应为发牌机关代号（一个英文字母），如 粤B 的 B');

  const body = chars.slice(2);
  const last = body[body.length - 1];
  const suffixKind = last !== undefined ? SUFFIX_KINDS[last] : undefined;
  if (suffixKind) {
    const seq = body.slice(0, -1).join('');
    const name = PLATE_KIND_INFO[suffixKind].name;
    if ((suffixKind === 'hk' || suffixKind === 'macau') && (chars[0] !== '粤' || authority !== 'Z')) {
      return fail(`${name}号牌应以“粤Z”开头，如 粤Z1234${last}`);
    }
    if (seq.length !== 4) return fail(`${name}号牌应为省份简称、发牌机关字母、4 位序号加“${last}”，如 粤B1234${last}`);
    const bad = badSequence(seq, '序号');
    if (bad) return fail(bad);
    return ok(p, suffixKind);
  }

  const hanzi = body.find((c) => /\p{Script=Han}/u.test(c));
  if (hanzi !== undefined) return fail(`号牌序号中不应有“${hanzi}”；挂车、教练车等号牌的汉字在最后一位`);

  const seq = body.join('');
  if (seq.length < 5) return fail(`号牌号码不完整：发牌机关字母后应有 5 位（新能源车 6 位），现在只有 ${seq.length} 位`);
  if (seq.length > 6) return fail(`号牌号码过长：发牌机关字母后应有 5 位（新能源车 6 位），现在有 ${seq.length} 位`);
  const bad = badSequence(seq, '号牌序号');
  if (bad) return fail(bad);

  if (seq.length === 5) {
    // An ordinary plate: a D or F at the front is an ordinary letter here (京AD1234).
    return { ok: true, value: { plate: p, kind: null, possibleKinds: ['small_car', 'large_car'] } };
  }

  // Six characters: new energy. Small ones carry the energy letter first, large ones last.
  if (/^\d{5}[DF]$/.test(seq)) return ok(p, 'large_nev');
  if (/^\d{5}[A-Z]$/.test(seq)) return fail('新能源大型车号牌最后一位应为 D 或 F');
  const first = seq[0];
  if (!SMALL_NEV_LETTERS.includes(first)) {
    return fail('新能源小型车号牌第 3 位应为 D 或 F（或 A、B、C、E、G、H、J、K），新能源大型车号牌最后一位应为 D 或 F');
  }
  if (!/^\d{4}$/.test(seq.slice(2))) return fail('新能源小型车号牌最后 4 位应为数字');
  return ok(p, 'small_nev');
}

function ok(plate: string, kind: PlateKind): PlateResult {
  return { ok: true, value: { plate, kind, possibleKinds: [kind] } };
}

/**
 * The plate and its kind, or the field that is wrong: `plate` (unparseable) or `plateKind`
 * (required because the plate does not fix it, or contradicting what the plate fixes).
 */
export function resolvePlate(input: string, plateKind?: PlateKind): { ok: true; plate: string; kind: PlateKind } | { ok: false; field: 'plate' | 'plateKind'; message: string } {
  const r = parsePlate(input);
  if (!r.ok) return { ok: false, field: 'plate', message: r.message };
  const { plate, kind, possibleKinds } = r.value;
  if (kind) {
    if (plateKind && plateKind !== kind) {
      return { ok: false, field: 'plateKind', message: `号牌 ${formatPlate(plate)} 是${PLATE_KIND_INFO[kind].name}号牌，不是${PLATE_KIND_INFO[plateKind].name}` };
    }
    return { ok: true, plate, kind };
  }
  const names = possibleKinds.map((k) => PLATE_KIND_INFO[k].name).join('（蓝牌）或');
  if (!plateKind) return { ok: false, field: 'plateKind', message: `请选择号牌种类：${names}（黄牌）` };
  if (!possibleKinds.includes(plateKind)) {
    return { ok: false, field: 'plateKind', message: `号牌 ${formatPlate(plate)} 不是${PLATE_KIND_INFO[plateKind].name}号牌，应为${names}（黄牌）` };
  }
  return { ok: true, plate, kind: plateKind };
}

function split(plate: string): { head: string; body: string[] } {
  const chars = Array.from(plate);
  return chars[0] === '使' ? { head: '使', body: chars.slice(1) } : { head: chars.slice(0, 2).join(''), body: chars.slice(2) };
}

/** 粤B12345 → 粤B·12345, as printed on the plate. */
export function formatPlate(plate: string): string {
  const { head, body } = split(plate);
  return head === '使' ? plate : `${head}·${body.join('')}`;
}

/** 粤B12345 → 粤B·1**45: enough to tell one's cars apart, not enough to name a stranger's. */
export function maskPlateDisplay(plate: string): string {
  const { head, body } = split(plate);
  if (body.length < 4) return formatPlate(plate);
  const masked = `${body[0]}${'*'.repeat(body.length - 3)}${body.slice(-2).join('')}`;
  return head === '使' ? `使${masked}` : `${head}·${masked}`;
}
