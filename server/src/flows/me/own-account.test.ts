import { testContext } from '../../runtime/testing';
import type { ResidentContext } from '../../runtime/types';
import { deleteMyData, exportMyData, planDeletion } from './data';

/**
 * A relative acting for a resident (a family link's `actingFor`, which the runtime puts on the
 * context) may pay their bills, never take away or erase their data: each command refuses before
 * it opens the database (this context has none, so reaching it would fail differently).
 */
describe('my data, for the resident alone', () => {
  const acting = { ...testContext('2026-03-10T12:00:00+08:00'), actingFor: { linkId: 'link-1', helperOpenid: 'oHelper0000000000000000001' } } as unknown as ResidentContext;

  it.each([
    ['export', () => exportMyData(acting)],
    ['deletePlan', () => planDeletion(acting)],
    ['delete', () => deleteMyData(acting, { confirmToken: 'A'.repeat(43) })],
  ])('refuses %s on a relative’s behalf with FORBIDDEN, saying only the resident may', async (_a, run) => {
    await expect(run()).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('只能由本人') });
  });

  it('answers INTERNAL, naming nothing, where the account audit’s key is not configured', async () => {
    const own = testContext('2026-03-10T12:00:00+08:00') as ResidentContext;
    await expect(exportMyData(own)).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});
