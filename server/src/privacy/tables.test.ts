import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openTestDatabase, STORE_KINDS } from '../db/testing/index';
import { PERSONAL_DATA_HEADING, renderPersonalDataSection } from './doc';
import { NOT_PERSONAL, PERSONAL_TABLES, RESIDENT_COLUMN, type PersonalTable } from './tables';

type Columns = Map<string, string[]>;

/** What the registry misses or gets wrong against the database's own tables and columns. */
export function registryGaps(columns: Columns, personal: readonly PersonalTable[] = PERSONAL_TABLES, notPersonal = NOT_PERSONAL): string[] {
  const gaps: string[] = [];
  const declared = new Set([...personal.map((t) => t.table), ...notPersonal.map((t) => t.table)]);
  for (const [table, cols] of columns) {
    if (!declared.has(table)) {
      const telling = cols.filter((c) => RESIDENT_COLUMN.test(c));
      gaps.push(`${table}: not in the personal-data registry${telling.length ? ` (it has ${telling.join(', ')})` : ''}: declare it in server/src/privacy/tables.ts — in PERSONAL_TABLES with its export, deletion and retention, or in NOT_PERSONAL saying why`);
    }
  }
  for (const t of personal) {
    const cols = columns.get(t.table);
    if (!cols) {
      gaps.push(`${t.table}: in the registry but not in the database`);
      continue;
    }
    const classified = new Set([...t.personal, ...t.other]);
    for (const c of cols) if (!classified.has(c)) gaps.push(`${t.table}.${c}: a column the registry does not classify: add it to the table's \`personal\` (and its export and deletion) or \`other\``);
    for (const c of classified) if (!cols.includes(c)) gaps.push(`${t.table}.${c}: in the registry but not in the database`);
    for (const c of t.other) if (RESIDENT_COLUMN.test(c)) gaps.push(`${t.table}.${c}: points at a resident but is classified as not personal`);
  }
  for (const t of notPersonal) {
    const cols = columns.get(t.table);
    if (!cols) gaps.push(`${t.table}: in NOT_PERSONAL but not in the database`);
    else for (const c of cols.filter((x) => RESIDENT_COLUMN.test(x))) gaps.push(`${t.table}.${c}: points at a resident, yet the table is declared NOT_PERSONAL`);
  }
  return gaps;
}

describe.each(STORE_KINDS)('the personal-data registry against the database’s tables on %s', (kind) => {
  // The migrator's own bookkeeping sits beside the tables on a server schema (PGlite keeps it apart).
  let columns: Columns;
  beforeAll(async () => {
    const db = await openTestDatabase(kind);
    try {
      const r = (await db.db.execute(
        `select table_name, column_name from information_schema.columns where table_schema = current_schema() and table_name <> '__drizzle_migrations' order by table_name, ordinal_position`,
      )) as unknown as { rows: Array<{ table_name: string; column_name: string }> };
      columns = new Map();
      for (const row of r.rows) columns.set(row.table_name, [...(columns.get(row.table_name) ?? []), row.column_name]);
    } finally {
      await db.close();
    }
  });

  it('classifies every table of the database and every column of each personal table', () => {
    expect(columns.size).toBeGreaterThan(20);
    expect(registryGaps(columns)).toEqual([]);
  });

  it('fails for a new table with personal columns the registry does not know (a guardian’s links between residents)', () => {
    const withNew = new Map(columns).set('guardian_links', ['id', 'ward_openid', 'guardian_openid', 'label', 'created_at']);
    expect(registryGaps(withNew)).toEqual([expect.stringMatching(/^guardian_links: not in the personal-data registry \(it has ward_openid, guardian_openid\)/)]);
  });

  it('fails for a new column on a personal table (who refunded an order to whom)', () => {
    const withPayee = new Map(columns).set('orders', [...columns.get('orders')!, 'refunded_to']);
    expect(registryGaps(withPayee)).toEqual([expect.stringMatching(/^orders\.refunded_to: a column the registry does not classify/)]);
  });

  it('fails for a resident column on a table declared to hold nothing personal, and for a resident column classified as other', () => {
    const payments = new Map(columns).set('payments', [...columns.get('payments')!, 'payer_openid']);
    expect(registryGaps(payments)).toEqual(['payments.payer_openid: points at a resident, yet the table is declared NOT_PERSONAL']);
    const vehicles = PERSONAL_TABLES.map((t) => (t.table === 'vehicles' ? { ...t, personal: t.personal.filter((c) => c !== 'plate'), other: [...t.other, 'plate'] } : t));
    expect(registryGaps(columns, vehicles)).toEqual(['vehicles.plate: points at a resident but is classified as not personal']);
  });
});

describe('the registry', () => {
  it('exports only columns it has, with a label each, and says for each table what deletion does and how long it is kept', () => {
    for (const t of PERSONAL_TABLES) {
      expect([t.table, t.title.length > 0, t.retention.length > 0, t.onDelete.length > 0, t.fields.every((f) => f.label.length > 0)]).toEqual([t.table, true, true, true, true]);
    }
    expect(new Set(PERSONAL_TABLES.map((t) => t.table)).size).toBe(PERSONAL_TABLES.length);
  });

  it('is what docs/ARCHITECTURE.md lists under “Personal data”, word for word (paste renderPersonalDataSection() there)', () => {
    const doc = readFileSync(resolve(__dirname, '../../../docs/ARCHITECTURE.md'), 'utf8');
    const start = doc.indexOf(PERSONAL_DATA_HEADING);
    expect(start).toBeGreaterThan(0);
    const next = doc.indexOf('\n## ', start + PERSONAL_DATA_HEADING.length);
    expect(doc.slice(start, next === -1 ? undefined : next).trimEnd()).toBe(renderPersonalDataSection().trimEnd());
  });
});
