import { AppError, type BillResult, providerById, shanghaiDate, toShanghaiIso } from '@bianmin/core';
import { DepartmentRejection } from '../../departments/client';
import { liveOrdersFor } from '../../payments/orders';
import type { Db } from '../../db/open';
import { and, desc, eq, sql } from 'drizzle-orm';
import { preparedPer } from '../../db/prepared';
import { orders } from '../../db/schema';
import type { BindingContext } from './bindings';
import { billView, bindingView } from './views';
import { utilityFor } from './utilities';

export function mapAccountRejection(e: unknown, providerName: string): unknown {
  if (e instanceof DepartmentRejection && e.status === 404) {
    return new AppError('NOT_FOUND', `${providerName}查不到该户号的账单，户号可能已销户，请核对后重新绑定。`);
  }
  if (e instanceof DepartmentRejection) {
    return new AppError('DEPARTMENT_ERROR', `${providerName}暂时无法处理该请求，请稍后再试。`, { retryable: true, cause: e });
  }
  return e;
}

/**
 * The household's bills: the latest one, everything still owed, and how old the data is. When
 * the department is down a recent answer is served marked stale (with its age) rather than
 * nothing; paying from it is refused separately, because paying needs today's exact amount.
 */
export async function readBill(ctx: BindingContext): Promise<BillResult> {
  const db = await ctx.deps.db();
  const binding = ctx.binding;
  const provider = providerById(binding.providerId)!;
  const api = utilityFor(ctx.deps, binding.providerId);
  const now = ctx.clock.now();
  const asOf = shanghaiDate(now);
  // The prepaid balance is asked alongside the bills, not after them: two department round
  // trips in parallel. It never fails the call (caught here, so never an unhandled rejection).
  const prepaidAsked =
    binding.kind === 'electricity'
      ? prepaidAccount(db, api, binding.id, binding.accountNo)
          .then((a) => (a.data.prepaidBalance !== undefined ? { balance: a.data.prepaidBalance, topup: a.data.topup } : undefined))
          .catch(() => undefined)
      : undefined;
  let fetched;
  try {
    fetched = await api.bills(binding.accountNo, asOf, { allowStale: true });
  } catch (e) {
    throw mapAccountRejection(e, provider.name);
  }
  const [live, prepaid] = await Promise.all([liveOrdersFor(db, binding.providerId, fetched.data.map((b) => b.billId)), prepaidAsked]);
  const views = fetched.data.map((b) => billView(b, asOf, live.get(b.billId), ctx.caller.openid));
  const owed = views.filter((v) => v.status !== 'paid').reverse();
  return {
    binding: bindingView(binding),
    bill: views[0] ?? null,
    arrears: { bills: owed, total: owed.reduce((s, b) => s + b.amountDue, 0) },
    ...(prepaid !== undefined ? { prepaidBalance: prepaid.balance } : {}),
    // The department's own top-up rules, so that the app states them before the resident types.
    ...(prepaid?.topup ? { topup: { minimum: prepaid.topup.minimum, step: prepaid.topup.step } } : {}),
    fetchedAt: toShanghaiIso(fetched.fetchedAt),
    stale: fetched.stale,
    ageSeconds: Math.max(0, Math.round(fetched.ageMs / 1000)),
  };
}

const lastTopupQuery = preparedPer((db) =>
  db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.bindingId, sql.placeholder('bindingId')), eq(orders.kind, 'prepaid_topup'), eq(orders.status, 'settled')))
    .orderBy(desc(orders.settledAt), desc(orders.id))
    .limit(1)
    .prepare('last_settled_topup'),
);

/** Per household: the settled top-up its cached balance already reflects, and the read that saw it. */
const balanceSeen = new Map<string, { topupId: string | undefined; read: ReturnType<UtilityApi['account']>; done: boolean }>();

type UtilityApi = ReturnType<typeof utilityFor>;

/**
 * The account with its balance. A prepay meter's balance comes from the 30 s department cache
 * unless a top-up has settled since this process last read it: then it is read afresh once (every
 * caller in the meantime shares that read), so the balance shows the top-up at once while identical
 * lookups stay coalesced. Which top-up was seen is an order id, not a time, so the dev clock
 * (X-Dev-Now) and the department client's clock never have to agree.
 */
async function prepaidAccount(db: Db, api: UtilityApi, bindingId: string, accountNo: string): ReturnType<UtilityApi['account']> {
  const startedAt = Date.now();
  const [cached, [last]] = await Promise.all([api.account(accountNo), lastTopupQuery(db).execute({ bindingId })]);
  if (cached.data.prepaidBalance === undefined) return cached;
  const seen = balanceSeen.get(bindingId);
  if (seen === undefined && last === undefined) return cached;
  // Seen already: while its fresh read is in flight, share it; once done, the cache holds it.
  if (seen && seen.topupId === last?.id) return seen.done ? cached : seen.read;
  // Asked of the department during this call (the cache had dropped it: this process posted the
  // top-up itself): it already shows the top-up, a second read would only repeat it.
  if (!cached.stale && cached.ageMs <= Date.now() - startedAt) {
    balanceSeen.set(bindingId, { topupId: last?.id, read: Promise.resolve(cached), done: true });
    return cached;
  }
  const read = api.account(accountNo, { fresh: true });
  const entry = { topupId: last?.id, read, done: false };
  balanceSeen.set(bindingId, entry);
  read.then(
    () => (entry.done = true),
    () => balanceSeen.delete(bindingId),
  );
  return read;
}
