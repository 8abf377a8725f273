import { NOT_PERSONAL, PERSONAL_TABLES } from './tables';

/** The heading of docs/ARCHITECTURE.md's section that lists the registry. */
export const PERSONAL_DATA_HEADING = '## Personal data';

/**
 * docs/ARCHITECTURE.md's "Personal data" section, rendered from the registry (tables.test.ts holds
 * the document equal to it): every table with a resident's data, its export, deletion and retention.
 */
export function renderPersonalDataSection(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [
    PERSONAL_DATA_HEADING,
    '',
    "Every table that holds a resident's personal data, what 导出我的数据 (`me.export`) gives of it, what",
    '删除我的数据 (`me.deletePlan`, then `me.delete` with its confirmation and the typed word) does to it, and',
    'how long it is kept. Rendered from the registry `server/src/privacy/tables.ts`, which drives both',
    "actions; `server/src/privacy/tables.test.ts` holds this section equal to it and fails for a table or a",
    "column of the database the registry does not classify. Both actions are recorded in `account_audit`",
    'under a keyed hash of the openid (ACCOUNT_AUDIT_KEY), which outlives the deletion.',
    '',
    'Not covered yet: files residents uploaded (ticket photos and video, vehicle licence photos) stay in',
    'cloud storage under `uploads/<openid>/`: the storage port reads files but cannot delete them, and a',
    'licence photo is recorded nowhere else. Deletion says so to the resident.',
    '',
    '| table | what | personal columns | export | on deletion | retention |',
    '| --- | --- | --- | --- | --- | --- |',
    ...PERSONAL_TABLES.map(
      (t) =>
        `| \`${t.table}\` | ${cell(t.title)} | ${t.personal.map((c) => `\`${c}\``).join(', ')} | ${t.exportAs === 'audit' ? 'as the account audit' : t.fields.map((f) => f.key).join(', ')} | ${cell(t.onDelete)} | ${cell(t.retention)} |`,
    ),
    '',
    "Tables with nothing of a resident's: " + NOT_PERSONAL.map((t) => `\`${t.table}\` (${t.why})`).join('; ') + '.',
    '',
  ].join('\n');
}
