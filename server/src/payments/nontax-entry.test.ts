import { FUNCTIONS, DEPLOYMENTS } from '../functions';
import { mainOf, useCloudbaseEnv } from '../runtime/entry-testing';
import { NONTAX_ENV } from './channels';
import { nontaxSign } from './nontax-notify';

const main = mainOf('nontaxNotify') as (event: unknown) => Promise<{ statusCode: number; body: string }>;
const KEY = 'test-only-nontax-notify-key-32-chars';
const post = (body: string, more: Record<string, unknown> = {}) => main({ httpMethod: 'POST', path: '/nontax-notify', headers: { 'content-type': 'application/json' }, body, isBase64Encoded: false, ...more });
const answer = async (p: Promise<{ statusCode: number; body: string }>) => {
  const r = await p;
  return { status: r.statusCode, ...(JSON.parse(r.body) as { errcode: number; errmsg: string }) };
};

function signed(): Record<string, unknown> {
  const fields = { appid: 'wx00000000000000aa', order_id: 'NT0001', order_no: 'BM20260310120000ABCDEFGH', payment_notice_no: '440304100012345678', trans_id: '4200001', fee: 20600, pay_finish_time: 1773115200, status: 3, nonce_str: 'n1' };
  return { ...fields, sign: nontaxSign(fields, KEY) };
}

/** The deployed receiver of WeChat 非税's notifications, over CloudBase's HTTP access service. */
describe('the nontaxNotify cloud function entry', () => {
  useCloudbaseEnv();

  it('refuses a notification whose signature does not hold before anything is read (200, errcode 1: the platform notifies again)', async () => {
    const forged = { ...signed(), fee: 1 };
    expect(await answer(post(JSON.stringify(forged)))).toEqual({ status: 200, errcode: 1, errmsg: 'sign error' });
    expect(await answer(post(JSON.stringify({ ...signed(), sign: undefined })))).toEqual({ status: 200, errcode: 1, errmsg: 'sign error' });
  });

  it('takes only a POST of JSON no larger than a notification', async () => {
    expect(await answer(main({ httpMethod: 'GET', path: '/nontax-notify' }))).toMatchObject({ status: 405, errcode: 1 });
    expect(await answer(post('<xml/>'))).toMatchObject({ status: 400, errcode: 1 });
    expect(await answer(post(JSON.stringify({ pad: 'x'.repeat(20_000) })))).toMatchObject({ status: 413, errcode: 1 });
  });

  it('reads a base64 body as CloudBase may hand it, and asks to be notified again (5xx) when the database cannot be reached', async () => {
    const body = Buffer.from(JSON.stringify(signed())).toString('base64');
    expect(await answer(post(body, { isBase64Encoded: true }))).toEqual({ status: 500, errcode: 1, errmsg: 'temporary failure' });
  });
});

describe('where the 非税 channel is deployed', () => {
  const byName = Object.fromEntries(DEPLOYMENTS.map((d) => [d.name, d]));

  it('every function that places, expires or refunds a fine requires the collecting unit and the mini-program credentials', () => {
    for (const name of ['traffic', 'payments', 'paymentsWorker', 'admin']) {
      expect(byName[name].env.required).toEqual(expect.arrayContaining([...NONTAX_ENV.required]));
    }
  });

  it('traffic sells fines on 非税 alone: no WeChat Pay sub-merchant, no cloudPay calls; bills still has both', () => {
    expect(byName.traffic.env.required).not.toContain('PAY_SUB_MCH_ID');
    expect(byName.traffic.permissions.openapi.filter((o) => o.startsWith('cloudPay.'))).toEqual([]);
    expect(byName.bills.env.required).toContain('PAY_SUB_MCH_ID');
    expect(byName.bills.permissions.openapi).toContain('cloudPay.unifiedOrder');
  });

  it('a function serving no 非税 kind, and the notification receivers (they call no channel), need none of it', () => {
    for (const name of ['bills', 'insurance', 'payNotify', 'nontaxNotify']) {
      expect(byName[name].env.required).not.toContain('NONTAX_DEPARTMENT_CODE');
    }
  });

  it('deploys the notification receiver on its own HTTP route, requiring the platform’s signing key', () => {
    expect(byName.nontaxNotify).toMatchObject({ kind: 'httpnotify', http: { path: '/nontax-notify' } });
    expect(byName.nontaxNotify.env.required).toContain('NONTAX_NOTIFY_KEY');
    expect(FUNCTIONS.find((f) => f.name === 'nontaxNotify')?.payables.length).toBeGreaterThan(0);
  });
});
