import { changeLabel, refusesCalls } from '@bianmin/core/availability/vocabulary';
import { parseInstant } from '@bianmin/core/time';
import type { HubTile } from './group';

/**
 * The hub's first sentence: what can be done now, in the tiles' own words (可办理, 可查询, 恢复),
 * and what reopens next. Built from the tiles' live availability — never from the list of
 * services that exist, which at 03:00 named five closed ones as "可在线办理".
 */
export function openNowSentence(tiles: readonly HubTile[]): string {
  const live = tiles.filter((t) => t.live);
  if (live.length === 0) return '办理前先看能不能办，暂停时告诉您何时恢复';
  const whole = live.filter((t) => t.actions.every((a) => !refusesCalls(a.availability))).map((t) => t.name);
  // A tile open for some of its actions (水费: 查询 yes, 缴费 not yet), grouped by what can be done.
  // Array methods, not for…of over a Map: the main package ships ES5, where each for…of
  // becomes an iterator helper with try/finally, and this module counts against its budget.
  const partly: Array<{ can: string; names: string[] }> = [];
  live.forEach((t) => {
    const open = t.actions.filter((a) => !refusesCalls(a.availability));
    if (open.length === 0 || open.length === t.actions.length) return;
    const can = `可${open.map((a) => a.verb).join('、')}`;
    const same = partly.find((p) => p.can === can);
    if (same) same.names.push(t.name);
    else partly.push({ can, names: [t.name] });
  });
  const now: string[] = [];
  if (whole.length) now.push(`现在可办理：${whole.join('、')}`);
  partly.forEach((p) => now.push(`${now.length ? '' : '现在'}${p.names.join('、')}${p.can}`));
  const first = now.length ? `${now.join('；')}。` : '现在都暂停办理。';
  const next = nextReopening(live);
  return next ? `${first}${next}。` : first;
}

/** The soonest reopening among what is refused now: '违章查询、罚款缴纳 04:00 恢复'. */
function nextReopening(tiles: readonly HubTile[]): string | null {
  let soonest: { at: number; label: string; names: string[] } | null = null;
  tiles.forEach((t) =>
    t.actions.forEach((a) => {
      if (!refusesCalls(a.availability) || a.availability.state === 'down' || !a.availability.opensAt) return;
      const at = parseInstant(a.availability.opensAt)?.getTime();
      const label = changeLabel(a.availability);
      if (at === undefined || !label) return;
      const name = a.verb && t.actions.some((x) => !refusesCalls(x.availability)) ? `${t.name}${a.verb}` : t.name;
      if (!soonest || at < soonest.at) soonest = { at, label, names: [name] };
      else if (at === soonest.at && !soonest.names.includes(name)) soonest.names.push(name);
    }),
  );
  const s = soonest as { label: string; names: string[] } | null;
  return s ? `${s.names.join('、')} ${s.label}` : null;
}
