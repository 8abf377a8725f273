import type { StatusIncident, StatusPageResult, StatusPageService, Uptime } from '@bianmin/core';

/** One department's public record, as the status page shows it. */
export interface DepartmentRecord {
  departmentId: string;
  name: string;
  /** The health probes' view of its system now. */
  state: 'up' | 'down' | 'unknown';
  uptime: Uptime;
  services: StatusPageService[];
  /** The last 30 days across its services, newest first, each said once. */
  incidents: StatusIncident[];
}

/**
 * The page's answer regrouped by department: residents ask "does 供电公司 keep its promises",
 * not one service at a time. A department outage is reported on each of its services; it is
 * listed once here (same kind, start and description).
 */
export function departmentRecords(page: StatusPageResult): DepartmentRecord[] {
  const names = new Map(page.departments.map((d) => [d.departmentId as string, d]));
  const order: string[] = page.departments.map((d) => d.departmentId);
  for (const s of page.services) if (!order.includes(s.departmentId)) order.push(s.departmentId);
  return order
    .map((id) => {
      const services = page.services.filter((s) => s.departmentId === id);
      const dept = names.get(id);
      const name = dept?.name ?? services[0]?.departmentName ?? id;
      const seen = new Set<string>();
      const incidents = services
        .flatMap((s) => s.incidents)
        .filter((i) => {
          const key = `${i.kind}|${i.startedAt}|${i.description}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        })
        .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
      return {
        departmentId: id,
        name,
        state: dept?.state ?? 'unknown',
        uptime: dept?.uptime ?? { days30: null, days90: null },
        services,
        incidents,
      };
    })
    .filter((d) => d.services.length > 0);
}

/** A share of probes as a percentage that does not round 99.96 % up to a perfect 100 %. */
export function percent(share: number | null): string {
  if (share === null) return '暂无数据';
  const p = Math.floor(share * 1000) / 10;
  return `${p.toFixed(1)}%`;
}

/** '35 分钟', '2 小时', '1 天 3 小时'. */
export function duration(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m} 分钟`;
  if (m < 24 * 60) return m % 60 === 0 ? `${m / 60} 小时` : `${Math.floor(m / 60)} 小时 ${m % 60} 分钟`;
  const days = Math.floor(m / (24 * 60));
  const hours = Math.floor((m % (24 * 60)) / 60);
  return hours ? `${days} 天 ${hours} 小时` : `${days} 天`;
}

export function uptimeLine(u: Uptime): string {
  if (u.days30 === null && u.days90 === null) return '可用率：暂无探测数据';
  return `可用率：近 30 天 ${percent(u.days30)}，近 90 天 ${percent(u.days90)}`;
}

export const DEPARTMENT_STATE = { up: '系统连接正常', down: '系统暂时连不上', unknown: '暂无探测数据' } as const;
