/**
 * How every screen writes money, months, dates and times: one module to import. Money is grouped
 * by thousands (¥84,363.92, money.ts); months, dates and times are written as residents write them,
 * in Shanghai time (dates.ts, which the main package imports on its own).
 */
export { formatFen } from './money';
export { formatAge, formatClock, formatDate, formatDateTime, formatMonth, formatMonthRange, formatRecent } from './dates';
