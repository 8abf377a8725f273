import type { PlateKind, TrafficOrderView, ViolationGroup, ViolationStatus, ViolationView } from '@bianmin/core';
import type { PillTone } from '../../ui/status-pill';
import { formatFen } from '@bianmin/core/format';
import { normalisePlate, parsePlate, PLATE_KIND_INFO, resolvePlate } from '@bianmin/core/plates';

/**
 * The traffic pages' words for what the server says: plates as typed, groups, statuses, money
 * splits. Rules (what a plate is, what a late fee is) stay in core; this only phrases them.
 */

/** What the form's plate field says under itself: nothing while the plate is fine, core's reason when not. */
export interface PlateCheck {
  /** The canonical plate (粤B12345), when it parses. */
  plate: string | null;
  /** Core's refusal, word for word (号牌不使用字母 O，是否为数字 0？). */
  problem: string | null;
  /** The kind the plate fixes, or null when the resident must choose (blue or yellow). */
  kind: PlateKind | null;
  /** The kinds to offer when the plate does not fix one. */
  choices: PlateKind[];
}

export function checkPlate(raw: string): PlateCheck {
  if (!normalisePlate(raw)) return { plate: null, problem: '请填写号牌号码', kind: null, choices: [] };
  const r = parsePlate(raw);
  if (!r.ok) return { plate: null, problem: r.message, kind: null, choices: [] };
  return { plate: r.value.plate, problem: null, kind: r.value.kind, choices: r.value.kind ? [] : r.value.possibleKinds };
}

/** The kind-field's message when the chosen kind does not go with the plate (core's own words), or null. */
export function plateKindProblem(raw: string, kind: PlateKind | null): string | null {
  const r = resolvePlate(raw, kind ?? undefined);
  return !r.ok && r.field === 'plateKind' ? r.message : null;
}

/** 小型汽车（蓝牌）: the colour is what a resident sees on the car. */
export function plateKindLabel(kind: PlateKind): string {
  const colour = kind === 'small_car' ? '（蓝牌）' : kind === 'large_car' ? '（黄牌）' : '';
  return `${PLATE_KIND_INFO[kind].name}${colour}`;
}

/** What the 行驶证's engine number field turns into: the last six letters or digits. */
export function engineSuffix(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export function engineSuffixProblem(raw: string): string | null {
  const v = engineSuffix(raw);
  if (!v) return '请填写发动机号后六位';
  return /^[A-Z0-9]{6}$/.test(v) ? null : '发动机号后六位应为 6 位字母或数字（见行驶证“发动机号码”栏）';
}

export const STATUS_INFO: Record<ViolationStatus, { label: string; tone: PillTone }> = {
  unhandled: { label: '未处理', tone: 'warn' },
  under_appeal: { label: '申诉中', tone: 'muted' },
  decided: { label: '待缴款', tone: 'danger' },
  paying: { label: '缴款处理中', tone: 'progress' },
  paid: { label: '已缴款', tone: 'ok' },
};

/** What a group's total means, so ¥200.00 is never a bare number. */
export function groupSummary(g: ViolationGroup): string {
  if (g.count === 0) return '无';
  const what = g.key === 'todo' ? '罚款' : g.key === 'payable' ? '今日应缴' : '已缴';
  return `${g.count} 条 · ${what} ${formatFen(g.total)}`;
}

/** How many to handle and to pay, for the vehicle card (nothing to say: null). */
export function vehicleCounts(groups: ViolationGroup[]): { todo: number; payable: number; payableTotal: number } {
  const by = (k: ViolationGroup['key']) => groups.find((g) => g.key === k);
  return { todo: by('todo')?.count ?? 0, payable: by('payable')?.count ?? 0, payableTotal: by('payable')?.total ?? 0 };
}

/** Whether the violation can be paid now, and the amount the server computed for today. */
export function payableToday(v: ViolationView): number | null {
  return v.status === 'decided' && v.today ? v.today.amountDue : null;
}

/** An order's amount split as the receipt shows it: fine + late fee = amount. */
export function moneySplit(o: Pick<TrafficOrderView, 'fine' | 'lateFee' | 'amount'>): Array<{ label: string; value: string }> {
  return [
    { label: '罚款', value: formatFen(o.fine) },
    { label: '加处罚款（滞纳金）', value: formatFen(o.lateFee) },
    { label: '合计', value: formatFen(o.amount) },
  ];
}


/**
 * How current violation records are, said with every list: cameras' and officers' records reach
 * the traffic police's system in batches, days after the event.
 */
export const VIOLATION_RECORDS_NOTE = '新的违法记录通常在违法行为发生后几天内才会录入交警系统，最近几天的记录可能还查不到。';
