import { receiverWorstCaseMs } from '../../runtime/functions';
import type { Receiver } from '../../runtime/flow';
import { recordVerdict } from './media-checks';

/**
 * The function WeChat's 消息推送 invokes with each `wxa_media_check` event (the verdict of
 * security.mediaCheckAsync on a 12345 ticket photo): a photo judged risky is withdrawn from its
 * ticket (media-checks.ts). Configured by hand in the console (docs/ARCHITECTURE.md, deploying):
 * 消息类型 event, 事件类型 wxa_media_check, this function.
 */
export const mediaCheckNotify: Receiver = {
    name: 'mediaCheckNotify',
    purpose: "WeChat's verdicts on 12345 photos (消息推送 wxa_media_check): a flagged photo is withdrawn from its ticket",
    departments: ['hotline'],
    // Withdraws a flagged photo: one write at the 12345 platform, the message-centre entry.
    worstCaseMs: receiverWorstCaseMs,
    handle: async (deps, event, now) => {
      // "success" tells WeChat it arrived (an event we cannot read is logged, and not worth a retry);
      // a database that is down throws, and the entry answers { ok: false } for WeChat to push again.
      await recordVerdict(deps, event, now);
      return 'success' as const;
    },
};

export const ticketsReceivers = [mediaCheckNotify];
