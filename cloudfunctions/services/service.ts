import { findService, summarise } from '@bianmin/core';
import { serviceStatus } from '@bianmin/server/availability/evaluate';
import { cancelReminder, createReminder, listReminders } from '@bianmin/server/reminders/reminders';
import { servicesInput } from '@bianmin/core/schemas/services';
import { defineFunction } from '@bianmin/server/runtime/define';
import { listServices } from '@bianmin/server/services/list';
import { showStatusPage } from '@bianmin/server/status/page';

export const servicesFunction = defineFunction('services', servicesInput, {
  list: {
    // The catalogue and its hours are public: a resident may look before signing in.
    auth: 'public',
    run: (_input, ctx) => listServices(ctx.clock.now(), ctx.deps),
  },
  status: {
    auth: 'public',
    run: async ({ serviceId }, ctx) => {
      const status = await serviceStatus(serviceId, ctx);
      return { service: summarise(findService(serviceId)!), ...status };
    },
  },
  remind: {
    run: async ({ serviceId, channel }, ctx) => ({ reminder: await createReminder(ctx, serviceId, channel) }),
  },
  reminders: {
    run: async (_input, ctx) => ({ reminders: await listReminders(await ctx.deps.db(), ctx.caller!.openid) }),
  },
  statusPage: {
    // GOV.UK Pay's and HMRC's practice: every service's record is public, no sign-in.
    auth: 'public',
    run: (_input, ctx) => showStatusPage(ctx),
  },
  cancelReminder: {
    run: async ({ reminderId }, ctx) => {
      await cancelReminder(await ctx.deps.db(), ctx.caller!.openid, reminderId);
      return { cancelled: true as const };
    },
  },
});
