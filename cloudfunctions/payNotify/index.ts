// CloudBase entry for `payNotify`: WeChat Pay's payment notification, delivered by cloudPay.
// Its SOURCE (wx_paycallback) comes from the WeChat context, never from the event.
import { handlePayNotify } from '@bianmin/server/payments/notify';
import { wxContext } from '@bianmin/server/runtime/cloudbase';
import { ConfigurationError } from '@bianmin/server/runtime/cold-start';
import { deployment } from './function';

export async function main(event: unknown): Promise<{ errcode: number; errmsg: string }> {
  try {
    const { deps, source } = wxContext(deployment);
    return await handlePayNotify(deps, event, source, new Date());
  } catch (e) {
    // Not acknowledged: WeChat Pay will deliver it again, which is what we want after a fault.
    // A refused configuration was said once at cold start; anything else is said here.
    if (!(e instanceof ConfigurationError)) console.error('bianmin: payNotify failed', e instanceof Error ? e.message : e);
    return { errcode: 1, errmsg: 'temporary failure' };
  }
}
