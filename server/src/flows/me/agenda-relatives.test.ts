import type { AgendaResult, BindingView } from '@bianmin/core';
import { fixedClock } from '@bianmin/core';
import { STORE_KINDS } from '../../db/testing/index';
import { silentLogger } from '../../log';
import { LI, startTestStack, type TestStack, ZHANG } from '@bianmin/dev/testing/stack';
import { agendaOf } from './agenda';

/**
 * A helper's agenda with the holders they help: each holder's items under the label the helper
 * sees, within the scopes the holder granted, and every page opened acting for them. The links
 * are given here as the family circle's `holdersHelpedBy` answers them.
 */
const NOON = '2026-03-10T12:00:00+08:00';

describe.each(STORE_KINDS)('a helper’s agenda on %s', (kind) => {
  let stack: TestStack;
  let liWater: BindingView;
  beforeAll(async () => {
    stack = await startTestStack(kind);
    const a = LI.utilityAccounts.find((x) => x.kind === 'water')!;
    const r = await stack.call<{ binding: BindingView }>('bills', { action: 'bind', providerId: a.providerId, accountNo: a.accountNo, holderName: a.holderName }, { openid: LI.openid, now: NOON });
    if (!r.body.ok) throw new Error(r.body.error.message);
    liWater = r.body.data.binding;
    const z = ZHANG.utilityAccounts.find((x) => x.kind === 'water')!;
    const own = await stack.call('bills', { action: 'bind', providerId: z.providerId, accountNo: z.accountNo, holderName: z.holderName }, { openid: ZHANG.openid, now: NOON });
    if (!own.body.ok) throw new Error(own.body.error.message);
  });
  afterAll(() => stack?.stop());

  const asZhang = () => ({ caller: { openid: ZHANG.openid, source: 'test' }, clock: fixedClock(NOON), deps: stack.deps, log: silentLogger, requestId: 'test' });

  it('lists the holder’s bills under their label, paid acting for them, equal to their own agenda', async () => {
    const helper: AgendaResult = await agendaOf(asZhang(), [{ linkId: 'link-0001', holderOpenid: LI.openid, label: '妈妈', scopes: ['bills'] }]);
    const own = await stack.call<AgendaResult>('me', { action: 'agenda' }, { openid: LI.openid, now: NOON });
    if (!own.body.ok) throw new Error(own.body.error.message);
    const hers = own.body.data.items.find((i) => i.id === `bill:${liWater.bindingId}`)!;
    const forMum = helper.items.find((i) => i.id === `bill:${liWater.bindingId}`);
    expect(forMum).toEqual({
      ...hers,
      forWhom: '妈妈',
      path: `${hers.path}&actingFor=link-0001`,
      pay: { ...hers.pay, actingFor: 'link-0001' },
    });
    // The helper's own items first, then hers.
    expect(helper.items.map((i) => i.forWhom)).toEqual(['我', '妈妈']);
  });

  it('reads nothing outside the scopes the holder granted', async () => {
    const helper = await agendaOf(asZhang(), [{ linkId: 'link-0002', holderOpenid: LI.openid, label: '妈妈', scopes: ['traffic', 'tickets'] }]);
    expect(helper.items.filter((i) => i.forWhom === '妈妈')).toEqual([]);
  });
});
