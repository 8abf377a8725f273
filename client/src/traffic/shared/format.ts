import type { PlateKind, TrafficOrderStatus, TrafficOrderView, ViolationGroup, ViolationStatus, ViolationView } from '@bianmin/core';
import { formatFen } from '@bianmin/core/money';
import { normalisePlate, parsePlate, PLATE_KIND_INFO, resolvePlate } from '@bianmin/core/plates';
import { parseInstant, toShanghaiIso } from '@bianmin/core/time';

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

export const STATUS_INFO: Record<ViolationStatus, { label: string; tone: 'warn' | 'danger' | 'progress' | 'ok' | 'muted' }> = {
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

export const ORDER_STATUS: Record<TrafficOrderStatus, { label: string; tone: 'warn' | 'progress' | 'ok' | 'muted'; hint: string }> = {
  pending: { label: '待支付', tone: 'warn', hint: '订单已创建，尚未收到支付结果。未支付的订单会在当日 24 点前自动关闭（届时加处罚款会增加），不会扣款。' },
  paid: { label: '支付成功 · 正在送达交警', tone: 'progress', hint: '罚款已支付，正在送达交通警察部门销账。会自动完成，无需重复缴款。' },
  settled: { label: '支付成功 · 交警已销账', tone: 'ok', hint: '交通警察部门已确认收款，这条违法记录已缴清。' },
  closed: { label: '已关闭', tone: 'muted', hint: '订单未支付，已关闭，没有扣款。如仍需缴款，请回到违法详情重新发起。' },
  // The money went back, so the fine is still owed at the traffic police (and its late fee grows).
  refund_pending: {
    label: '未能销账 · 正在退款',
    tone: 'warn',
    hint: '这笔罚款没能在交警销账，正在原路退回您的微信支付账户，一般 1–3 个工作日到账。',
  },
  refunded: { label: '已退款', tone: 'muted', hint: '款项已原路退回您的微信支付账户，可在微信支付账单中查看。' },
};

/** A status the server may grow still gets words, not a blank. */
export function orderStatusInfo(status: string): { label: string; tone: 'warn' | 'progress' | 'ok' | 'muted'; hint: string } {
  if (status in ORDER_STATUS) return ORDER_STATUS[status as TrafficOrderStatus];
  return { label: status, tone: 'muted', hint: '' };
}

/**
 * How current violation records are, said with every list: cameras' and officers' records reach
 * the traffic police's system in batches, days after the event.
 */
export const VIOLATION_RECORDS_NOTE = '新的违法记录通常在违法行为发生后几天内才会录入交警系统，最近几天的记录可能还查不到。';

/** An instant as Shanghai wall time: '2026-03-10 12:00'. */
export function formatDateTime(iso: string | undefined): string {
  if (!iso) return '';
  const at = parseInstant(iso);
  if (!at) return iso;
  const local = toShanghaiIso(at);
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

/** '2026-03-15' → '2026年3月15日' */
export function formatDate(date: string | undefined): string {
  if (!date) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}

/** How old the traffic police's data is: 刚刚 / 3 分钟前 / 2 小时前. */
export function formatAge(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 10) return '刚刚';
  if (seconds < 60) return `${Math.floor(seconds)} 秒前`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} 分钟前`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} 小时前`;
  return `${Math.floor(seconds / 86400)} 天前`;
}
