import { CATALOGUE, type Catalogue, type ServicesListResult, summarise, toShanghaiIso } from '@bianmin/core';

/** The hub's catalogue, categories in their configured order. */
export function listServices(now: Date, catalogue: Catalogue = CATALOGUE): ServicesListResult {
  const categories = [...catalogue.categories].sort((a, b) => a.order - b.order);
  return {
    categories,
    services: catalogue.services.map((s) => summarise(s, catalogue)),
    now: toShanghaiIso(now),
  };
}
