import type { ReminderView } from '@bianmin/core';
import { ZHANG } from '../../testing/stack';
import { defineDevFlow, LATE, seeded } from '../attack';

/** A reminder sent (it becomes a message), and a second one still pending. */
export const servicesAttack = defineDevFlow({
  fn: 'services',
  async seed(stack) {
    const late = { openid: ZHANG.openid, now: LATE };
    seeded(await stack.call('services', { action: 'remind', serviceId: 'bills.electricity.pay' }, late), 'remind electricity');
    await fetch(`${stack.url}/api/__dev/jobs/reminders`, { method: 'POST', headers: { 'x-dev-now': '2026-03-11T00:31:00+08:00' } });
    const { reminder } = seeded<{ reminder: ReminderView }>(await stack.call('services', { action: 'remind', serviceId: 'bills.gas.pay' }, late), 'remind gas');
    return { reminderId: reminder.id };
  },
  secrets: (o) => ({ reminderId: [o.reminderId] }),
  recipes: {
    remind: { body: () => ({ action: 'remind', serviceId: 'bills.electricity.pay' }), now: LATE, replay: 'own' },
    reminders: { body: () => ({ action: 'reminders' }), replay: 'own' },
    cancelReminder: { body: (o) => ({ action: 'cancelReminder', reminderId: o.reminderId }), replay: 'NOT_FOUND' },
  },
});
