import type { Db } from './open';

/**
 * A query prepared once per database handle. drizzle rebuilds a query's SQL from its builder on
 * every call (28% of a cache-hit `bills.bill`'s CPU on PostgreSQL before this, npm run bench);
 * a prepared query builds it once, and on PostgreSQL the server parses and plans it once per
 * connection. Keyed by handle: the local gateway and the tests hold several databases at once.
 */
export function preparedPer<P>(build: (db: Db) => P): (db: Db) => P {
  const cache = new WeakMap<Db, P>();
  return (db) => {
    let p = cache.get(db);
    if (!p) cache.set(db, (p = build(db)));
    return p;
  };
}
