import { DEPARTMENTS } from '../departments';
import type { Catalogue, ServiceDefinition } from './schema';
import { CATALOGUE } from './validated';

export { parseCatalogue, type Catalogue, type Category, type ServiceDefinition } from './schema';
export { CATALOGUE };

/** The product catalogue's services by id: the guard and the hub look one up on every call. */
let byId: Map<string, ServiceDefinition> | undefined;

export function findService(id: string, catalogue: Catalogue = CATALOGUE): ServiceDefinition | undefined {
  if (catalogue !== CATALOGUE) return catalogue.services.find((s) => s.id === id);
  byId ??= new Map(CATALOGUE.services.map((s) => [s.id, s]));
  return byId.get(id);
}

/** What a resident's client is told about a service (the live availability is added by the function). */
export interface ServiceSummary {
  id: string;
  name: string;
  department: string;
  departmentName: string;
  category: string;
  categoryName: string;
  path: string;
  icon: string;
  /** False while the service's flow is not built: the hub says 即将上线 and offers no reminder. */
  live: boolean;
  /** Services sharing a tile name are one tile on the hub. */
  tile?: string;
  verb?: string;
}

export function summarise(s: ServiceDefinition, catalogue: Catalogue = CATALOGUE): ServiceSummary {
  const category = catalogue.categories.find((c) => c.id === s.category);
  return {
    id: s.id,
    name: s.name,
    department: s.department,
    departmentName: DEPARTMENTS[s.department].name,
    category: s.category,
    categoryName: category?.name ?? s.category,
    path: s.path,
    icon: s.icon,
    live: s.live,
    ...(s.tile ? { tile: s.tile, verb: s.verb } : {}),
  };
}
