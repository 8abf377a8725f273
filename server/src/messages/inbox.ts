import type { Db } from '../db/open';
import { messages } from '../db/schema';

/** Files a message once per dedupe key: a retried sender never shows the resident a duplicate. */
export async function fileMessage(
  db: Db,
  m: { openid: string; kind: string; title: string; body: string; path?: string; dedupeKey: string; at: Date },
): Promise<void> {
  await db
    .insert(messages)
    .values({ openid: m.openid, kind: m.kind, title: m.title, body: m.body, path: m.path ?? null, dedupeKey: m.dedupeKey, createdAt: m.at })
    .onConflictDoNothing();
}

