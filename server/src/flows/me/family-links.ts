import type { Db } from '../../db/open';

/** What a relative may do for the holder: one scope per flow family members can act in. */
export type FamilyScope = 'bills' | 'traffic' | 'tickets' | 'insurance';

/**
 * The holders a resident helps (亲友代办), each with the link, the label the helper sees and the
 * scopes the holder granted. Placeholder until the family circle lands: nobody helps anybody yet,
 * so the agenda lists the resident's own items only.
 */
export async function holdersHelpedBy(db: Db, helperOpenid: string): Promise<Array<{ linkId: string; holderOpenid: string; label: string; scopes: FamilyScope[] }>> {
  void db;
  void helperOpenid;
  return [];
}
