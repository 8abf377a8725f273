import { billsContract, billsServiceId, formatFen, type PayResult, type ProviderId, PROVIDERS, type UtilityKind } from '@bianmin/core';
import { DATABASE_ALLOWANCE_MS, departmentCallMs, HEALTH_PROBE_MS, IN_CALL_EXPIRY_MS, PAY_CALL_TIMEOUT_MS } from '../../runtime/budgets';
import { defineFlow } from '../../runtime/flow';
import { readBill } from './bill';
import { bindHousehold, listBindings, ownBinding, setDueReminders, unbindHousehold } from './bindings';
import { billsJobs } from './jobs';
import { payBills } from './pay';
import { billsPayables } from './payables';
import { topUp } from './topup';
import { readUsage } from './usage';

const kindOf = (providerId: ProviderId): UtilityKind => PROVIDERS.find((p) => p.id === providerId)!.kind;
const kindName = (kind: UtilityKind) => PROVIDERS.find((p) => p.kind === kind)?.kindName ?? '账单';
/** The holder's list of what a relative did for them: what was paid, and how much. */
const paidWhat = (verb: string) => (_: unknown, { order }: PayResult) => `${verb}${kindName(order.kind)} ${formatFen(order.amount)}`;

/** Water, electricity and gas: bind a household, see what is owed, pay exactly once. */
export const billsFlow = defineFlow({
  contract: billsContract,
  purpose: 'utility households, bills, payments and prepaid top-ups',
  subjects: { binding: { from: 'bindingId', load: ownBinding } },
  actions: {
    providers: { auth: 'public', run: async () => ({ providers: [...PROVIDERS] }) },
    bind: { service: (input) => billsServiceId(kindOf(input.providerId), 'query'), run: bindHousehold, familyWhat: '添加户号' },
    bindings: { run: listBindings, familyWhat: '查看户号' },
    unbind: { subject: 'binding', run: unbindHousehold, familyWhat: '解绑户号' },
    bill: { subject: 'binding', service: (_, { binding }) => billsServiceId(binding.kind as UtilityKind, 'query'), servesStale: true, run: readBill, familyWhat: '查看账单' },
    usage: { subject: 'binding', service: (_, { binding }) => billsServiceId(binding.kind as UtilityKind, 'query'), servesStale: true, run: readUsage, familyWhat: '查看用量' },
    pay: { subject: 'binding', service: (_, { binding }) => billsServiceId(binding.kind as UtilityKind, 'pay'), run: payBills, familyWhat: paidWhat('发起缴纳') },
    topup: { subject: 'binding', service: (_, { binding }) => billsServiceId(binding.kind as UtilityKind, 'pay'), run: topUp, familyWhat: paidWhat('发起预存') },
    dueReminders: { subject: 'binding', run: setDueReminders, familyWhat: '设置到期提醒' },
  },
  // pay: availability probe, the bills read fresh, the resident's superseded pending order expired
  // with WeChat Pay (one, see IN_CALL_EXPIRY_MS), unifiedOrder.
  budget: (t) => HEALTH_PROBE_MS + departmentCallMs(t) + IN_CALL_EXPIRY_MS + PAY_CALL_TIMEOUT_MS + DATABASE_ALLOWANCE_MS,
  payables: billsPayables,
  jobs: billsJobs,
  // A relative with the bills scope reads and pays the holder's households; the payment is theirs.
  family: 'bills',
});
