import type { Category, ServiceListItem, ServicesListResult } from '@bianmin/core';

export interface ServiceGroup {
  category: Category;
  services: ServiceListItem[];
}

/**
 * Services under their categories, in the catalogue's category order. A service whose
 * category the answer did not list still shows, under 其他服务, rather than vanishing.
 */
export function groupServices(result: ServicesListResult): ServiceGroup[] {
  const known = new Set(result.categories.map((c) => c.id));
  const groups = [...result.categories]
    .sort((a, b) => a.order - b.order)
    .map((category) => ({ category, services: result.services.filter((s) => s.category === category.id) }));
  const orphans = result.services.filter((s) => !known.has(s.category));
  if (orphans.length > 0) groups.push({ category: { id: 'other', name: '其他服务', order: Number.MAX_SAFE_INTEGER }, services: orphans });
  return groups.filter((g) => g.services.length > 0);
}
