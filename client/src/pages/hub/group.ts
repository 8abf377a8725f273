import type { Availability, Category, ServiceListItem, ServicesListResult } from '@bianmin/core';
import { actionsLabel, refusesCalls, statusLabel } from '@bianmin/core/availability/vocabulary';

/** One tile on the hub: a service, or the services that share a `tile` (电费: 查询 and 缴费). */
export interface HubTile {
  /** Stable whatever the state: the last of its services (缴费 of 电费), as the catalogue orders them. */
  id: string;
  /** The tile's service ids, in catalogue order. */
  ids: string[];
  /** The service a tap and ⓘ speak for: the first that refuses calls now, else the last (缴费). */
  main: ServiceListItem;
  name: string;
  departmentName: string;
  icon: string;
  path: string;
  live: boolean;
  /** The state in words, for every action of the tile ('可查询 · 缴费 00:30 恢复'). Null when not live. */
  status: string | null;
  /** The availability whose tone the badge takes (the main service's). */
  availability: Availability | null;
  /** Every action refuses calls now: a tap explains why instead of opening the flow. */
  blocked: boolean;
  /** Each action with its own availability (查询 and 缴费 of 电费; one for a single-service tile). */
  actions: Array<{ id: string; verb: string | null; availability: Availability }>;
}

export interface TileGroup {
  category: Category;
  tiles: HubTile[];
}

function tileOf(members: ServiceListItem[]): HubTile {
  const main = members.find((s) => refusesCalls(s.availability)) ?? members[members.length - 1]!;
  const live = members.every((s) => s.live);
  const shared = members.length > 1;
  const status = !live
    ? null
    : shared
      ? actionsLabel(members.map((s) => ({ verb: s.verb ?? s.name, availability: s.availability })))
      : // The tile names its department right above: a down department's badge says 对方系统暂时连不上, not the name again.
        statusLabel(main.availability);
  return {
    id: members[members.length - 1]!.id,
    ids: members.map((s) => s.id),
    main,
    name: shared ? (main.tile ?? main.name) : main.name,
    departmentName: main.departmentName,
    icon: main.icon,
    path: main.path,
    live,
    status,
    availability: live ? main.availability : null,
    blocked: live && members.every((s) => refusesCalls(s.availability)),
    actions: members.map((s) => ({ id: s.id, verb: shared ? (s.verb ?? s.name) : null, availability: s.availability })),
  };
}

/**
 * Services under their categories, in the catalogue's category order, with the services that
 * share a tile folded into one. A service whose category the answer did not list still shows,
 * under 其他服务, rather than vanishing.
 */
export function groupServices(result: ServicesListResult): TileGroup[] {
  const known = new Set(result.categories.map((c) => c.id));
  const categories = [...result.categories].sort((a, b) => a.order - b.order);
  if (result.services.some((s) => !known.has(s.category))) categories.push({ id: 'other', name: '其他服务', order: Number.MAX_SAFE_INTEGER });
  return categories
    .map((category) => {
      const members = result.services.filter((s) => (known.has(s.category) ? s.category : 'other') === category.id);
      const tiles: ServiceListItem[][] = [];
      for (const s of members) {
        const same = s.tile ? tiles.find((t) => t[0]!.tile === s.tile) : undefined;
        if (same) same.push(s);
        else tiles.push([s]);
      }
      return { category, tiles: tiles.map(tileOf) };
    })
    .filter((g) => g.tiles.length > 0);
}

/** The tile's accessible name: name, department and status in words (or 即将上线). */
export function tileLabel(t: HubTile): string {
  return [t.name, t.departmentName, t.status ? t.status.replace(/ · /g, '，') : '即将上线'].join('，');
}
