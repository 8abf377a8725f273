// CloudBase entry for `mediaCheckNotify`: the function WeChat's 消息推送 invokes with each
// `wxa_media_check` event (the verdict of security.mediaCheckAsync on a 12345 ticket photo).
// A photo judged risky is withdrawn from its ticket (tickets/media-checks.ts). Configured by hand
// in the console (README, Deploying): 消息类型 event, 事件类型 wxa_media_check, this function.
import { cloudbasePushEntry } from '@bianmin/server/runtime/cloudbase';
import { recordVerdict } from '@bianmin/server/tickets/media-checks';
import { deployment } from './function';

export const main = cloudbasePushEntry(deployment, async (deps, event, now) => {
  // "success" tells WeChat it arrived (an event we cannot read is logged, and not worth a retry);
  // a database that is down throws, and the entry answers { ok: false } for WeChat to push again.
  await recordVerdict(deps, event, now);
  return 'success' as const;
});
