// PGlite in a worker thread (started by pglite-thread.ts). Plain CommonJS on purpose: a worker
// runs outside jest's and tsx's transforms and outside esbuild bundles, so it must load as it is.
//
// PGlite's WASM engine and its result parsing run here, off the gateway's event loop. The
// instance serialises work itself (`_runExclusiveTransaction`): a query from another caller waits
// while a transaction is open, so a transaction's statements never interleave with anyone's.
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require(workerData.pglite);

const pg = new PGlite(workerData.dataDir);
/** Open transactions by id: the PGlite transaction handle and the callback that ends it. */
const open = new Map();
let nextTx = 1;

const identity = (v) => v;
const parserSets = new Map();
/** drizzle asks for some types (timestamps, dates, intervals) as text; functions cannot be posted, their type ids can. */
function parsersFor(raw) {
  if (!raw || raw.length === 0) return undefined;
  const key = raw.join(',');
  let set = parserSets.get(key);
  if (!set) parserSets.set(key, (set = Object.fromEntries(raw.map((oid) => [oid, identity]))));
  return set;
}

/**
 * A database error's fields (code, constraint, detail, …) survive the trip; the class does not.
 * Only plain values: PGlite also attaches the query's options (parser functions) and params.
 */
function serialiseError(e) {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e) };
  const out = { name: e.name, message: e.message, stack: e.stack };
  for (const [k, v] of Object.entries(e)) {
    if (k === 'params' || k === 'query') continue;
    if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) out[k] = v;
  }
  return out;
}

function reply(id, result) {
  try {
    parentPort.postMessage({ id, ok: true, result });
  } catch (e) {
    // A value that cannot cross threads: the caller gets an error, never a hang.
    fail(id, e);
  }
}
const fail = (id, e) => parentPort.postMessage({ id, ok: false, error: serialiseError(e) });

function target(tx) {
  if (tx === undefined) return pg;
  const t = open.get(tx);
  if (!t) throw new Error(`transaction ${tx} is not open`);
  return t.handle;
}

function begin(id) {
  const tx = nextTx++;
  const entry = { handle: undefined, end: undefined, endId: undefined };
  pg.transaction(async (handle) => {
    entry.handle = handle;
    open.set(tx, entry);
    const commit = await new Promise((resolve) => {
      entry.end = resolve;
      reply(id, tx);
    });
    if (!commit) await handle.rollback();
  }).then(
    () => {
      open.delete(tx);
      reply(entry.endId, null);
    },
    (e) => {
      open.delete(tx);
      // Failed before the caller got the transaction (BEGIN itself), or at COMMIT / ROLLBACK.
      if (entry.end === undefined) fail(id, e);
      else fail(entry.endId, e);
    },
  );
}

parentPort.on('message', (m) => {
  try {
    switch (m.op) {
      case 'query':
        target(m.tx)
          .query(m.sql, m.params, { rowMode: m.rowMode, parsers: parsersFor(m.raw) })
          .then((r) => reply(m.id, { rows: r.rows, fields: r.fields, affectedRows: r.affectedRows }), (e) => fail(m.id, e));
        return;
      case 'exec':
        target(m.tx)
          .exec(m.sql)
          .then((rs) => reply(m.id, rs.map((r) => ({ rows: r.rows, fields: r.fields, affectedRows: r.affectedRows }))), (e) => fail(m.id, e));
        return;
      case 'begin':
        begin(m.id);
        return;
      case 'end': {
        const t = open.get(m.tx);
        if (!t) throw new Error(`transaction ${m.tx} is not open`);
        t.endId = m.id;
        t.end(m.commit);
        return;
      }
      case 'close':
        // The caller ends the thread once this is answered.
        pg.close().then(() => reply(m.id, null), (e) => fail(m.id, e));
        return;
      default:
        throw new Error(`unknown op ${m.op}`);
    }
  } catch (e) {
    fail(m.id, e);
  }
});

pg.waitReady.then(
  () => parentPort.postMessage({ ready: true }),
  (e) => parentPort.postMessage({ ready: false, error: serialiseError(e) }),
);
