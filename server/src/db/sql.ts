export { and, eq, sql } from 'drizzle-orm';
