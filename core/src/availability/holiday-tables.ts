// The package's own published data tables (documented in its README for non-JS users). We read
// them rather than call its functions because its date helpers use the host's local-time
// getters: with the host west of UTC, isWorkday('2026-10-01') looks up 2026-09-30.
// A cloud function bundle replaces this module with the same tables validated at build time and
// cut to the years in use (scripts/build-functions.mjs): a year left out is 'unknown' to the
// calendar, exactly like a year the package has not published, so the stated fallback applies.
import { z } from 'zod';
import tables from 'chinese-days/dist/chinese-days.json';

/** date → "English name,中文名,days" */
const tablesSchema = z.object({
  holidays: z.record(z.string(), z.string()),
  workdays: z.record(z.string(), z.string()),
  inLieuDays: z.record(z.string(), z.string()),
});

export type HolidayTables = z.output<typeof tablesSchema>;

let parsed: HolidayTables | undefined;

export function holidayTables(): HolidayTables {
  return (parsed ??= tablesSchema.parse(tables));
}
