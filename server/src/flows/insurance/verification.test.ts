import { idCheckDigit } from '@bianmin/core';
import type { Database } from '../../db/open';
import { insuranceVerifications } from '../../db/schema';
import { openTestDatabase, STORE_KINDS } from '../../db/testing/index';
import type { FaceResult, FaceVerifier } from '../../faceid/port';
import { testContext } from '../../runtime/testing';
import { seal } from '../../faceid/seal';
import { idHash, refreshVerification, type VerificationRow } from './verification';

const NOW = '2026-03-10T12:00:00+08:00';
const KEY = 'k'.repeat(32);
const ID = (() => {
  const f = '11010519491231002';
  return f + idCheckDigit(f); // …X
})();

/** FaceID as a script: the domain's decisions are what is tested here; the adapter has its own tests. */
const scripted = (answer: FaceResult): FaceVerifier => ({ method: 'faceid', start: async () => ({ session: 'T', url: 'u' }), result: async () => answer });

describe.each(STORE_KINDS)('deciding a verification on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database?.close());

  const ctxWith = (answer: FaceResult, now = NOW) => testContext(now, { deps: { db: async () => database.db, realName: { providers: { faceid: scripted(answer) }, idHashKey: KEY } } });

  async function pending(): Promise<VerificationRow> {
    const [row] = await database.db
      .insert(insuranceVerifications)
      .values({ openid: 'oResident000001', bizToken: crypto.randomUUID(), idHash: idHash(KEY, ID), idMasked: '1101**********002X', nameMasked: '韦*宝', personRef: null, createdAt: new Date(NOW), linkExpiresAt: new Date('2026-03-10T12:30:00+08:00') })
      .returning();
    return row;
  }

  it('links nothing when FaceID verified someone other than the person named', async () => {
    const other = '110105194912310037';
    const r = await refreshVerification(ctxWith({ state: 'passed', verified: { idNumber: other, name: '韦小宝' } }), await pending());
    expect(r).toMatchObject({ status: 'failed', failureCode: 'ID_MISMATCH', accessExpiresAt: null });
  });

  it('accepts FaceID’s reading of the same number written with a lowercase x', async () => {
    const r = await refreshVerification(ctxWith({ state: 'passed', verified: { idNumber: ID.toLowerCase(), name: '韦小宝' } }), await pending());
    expect(r).toMatchObject({ status: 'passed', accessExpiresAt: new Date('2026-03-10T12:30:00+08:00') });
  });

  it('keeps the first decision when a second, different answer arrives for the same check', async () => {
    const row = await pending();
    const first = await refreshVerification(ctxWith({ state: 'failed', code: '2016', reason: 'face_mismatch' }), row);
    expect(first.status).toBe('failed');
    // A poll that read the row while it was still pending, now told "passed": the row stays failed.
    const late = await refreshVerification(ctxWith({ state: 'passed', verified: { idNumber: ID, name: '韦小宝' } }, '2026-03-10T12:01:00+08:00'), row);
    expect(late).toMatchObject({ id: row.id, status: 'failed', failureCode: '2016' });
  });

  it('expires a check past its link time without asking FaceID', async () => {
    const asked = jest.fn();
    const ctx = testContext('2026-03-10T12:31:00+08:00', { deps: { db: async () => database.db, realName: { providers: { faceid: { method: 'faceid', start: asked, result: asked } }, idHashKey: KEY } } });
    expect(await refreshVerification(ctx, await pending())).toMatchObject({ status: 'expired' });
    expect(asked).not.toHaveBeenCalled();
  });

  it('takes a WeChat pass as the person named (WeChat answers only for the cert_hash of the identity we gave it) and hands the adapter its sealed secret back', async () => {
    const result = jest.fn(async () => ({ state: 'passed', verified: 'as_asked' }) as FaceResult);
    const wechat: FaceVerifier = { method: 'wechat', start: jest.fn(), result };
    const [row] = await database.db
      .insert(insuranceVerifications)
      .values({ openid: 'oResident000002', method: 'wechat', bizToken: 'VERIFYID-' + crypto.randomUUID(), providerSecret: seal(KEY, 'the-cert-hash'), idHash: idHash(KEY, ID), idMasked: '1101**********002X', nameMasked: '韦*宝', personRef: null, createdAt: new Date(NOW), linkExpiresAt: new Date('2026-03-10T12:30:00+08:00') })
      .returning();
    expect(row.providerSecret).not.toContain('the-cert-hash');
    const ctx = testContext(NOW, { deps: { db: async () => database.db, realName: { providers: { wechat }, idHashKey: KEY } } });
    expect(await refreshVerification(ctx, row)).toMatchObject({ status: 'passed' });
    expect(result).toHaveBeenCalledWith({ session: row.bizToken, reference: row.id.replace(/-/g, ''), openid: 'oResident000002', secret: 'the-cert-hash' });
  });
});
