import type { UsageMonth, UsageResult, UtilityKind } from '@bianmin/core';
import { formatFen, formatMonth } from '@bianmin/core/format';

/** How residents say the quantity (用电 320 度, 用水 18 立方米), not the department's unit code. */
const VERB: Record<UtilityKind, string> = { electricity: '用电', water: '用水', gas: '用气' };
const UNIT_WORDS: Record<string, string> = { kWh: '度', 'm³': '立方米' };

export function usageVerb(kind: UtilityKind): string {
  return VERB[kind];
}

export function unitWord(unit: string): string {
  return UNIT_WORDS[unit] ?? unit;
}

/** What a screen reader says for one bar: '2026年3月 用电 320 度 ¥217.60'. */
export function barLabel(kind: UtilityKind, unit: string, m: UsageMonth): string {
  return `${formatMonth(m.period)} ${VERB[kind]} ${m.usage} ${unitWord(unit)} ${formatFen(m.amount)}`;
}

/**
 * The axis under a bar: the month's number alone ('3', '12'). Twelve bars share a phone's width
 * (~25 CSS px each) and '12月' does not fit; the caption and each bar's label say the months in full.
 */
export function monthLabel(period: string): string {
  return String(Number(period.slice(5, 7)));
}

/** The tier step in words: '第一档上限 260 度' (the price rises above it) or '600 度以上为第三档'. */
export function thresholdLabel(unit: string, t: NonNullable<UsageResult['threshold']>): string {
  return t.bound === 'upTo' ? `${t.tierName}上限 ${t.value} ${unitWord(unit)}` : `${t.value} ${unitWord(unit)}以上为${t.tierName}`;
}

/**
 * The top of the scale: the largest month or the threshold, whichever is higher, with headroom
 * so that the threshold's label never sits on the top edge. Never 0 (a vacant household).
 */
export function scaleMax(months: UsageMonth[], threshold: UsageResult['threshold']): number {
  const top = Math.max(0, ...months.map((m) => m.usage), threshold?.value ?? 0);
  return top > 0 ? top * 1.1 : 1;
}

/** A share of the scale as a CSS percentage, to one decimal (bars of 0 stay visible as a hairline by CSS). */
export function percent(value: number, max: number): string {
  return `${Math.round((Math.min(value, max) / max) * 1000) / 10}%`;
}

/** '近 12 个月共用电 4560 度，合计 ¥3120.40，月均 380 度' — the chart's summary in one sentence. */
export function summary(kind: UtilityKind, unit: string, months: UsageMonth[]): string {
  if (!months.length) return '';
  const total = months.reduce((s, m) => s + m.usage, 0);
  const amount = months.reduce((s, m) => s + m.amount, 0);
  return `近 ${months.length} 个月共${VERB[kind]} ${total} ${unitWord(unit)}，合计 ${formatFen(amount)}，月均 ${Math.round(total / months.length)} ${unitWord(unit)}`;
}
