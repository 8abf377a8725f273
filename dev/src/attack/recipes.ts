import type { BillResult, BindingView, PayResult, ReminderView } from '@bianmin/core';
import { readAsset } from '../assets';
import { ZHANG, type TestStack } from '../testing/stack';

/**
 * The authorization matrix's table of "how to get valid ids for this action". Every resident
 * action of every function served by the gateway (dev/src/functions.ts) needs an entry: the
 * matrix replays the body built here — with the first resident's real ids — as nobody and as
 * another resident. An action declared without an entry fails the matrix by name.
 */
export const NOON = '2026-03-10T12:00:00+08:00';
export const LATE = '2026-03-10T23:45:00+08:00';

/** What the first resident owns after `seedFirstResident`: the ids another resident must never reach. */
export interface Owned {
  bindingId: string;
  billId: string;
  orderId: string;
  reminderId: string;
  messageId: string;
  accountNo: string;
  holderName: string;
  address: string;
  /** A passed face verification of the first resident (insurance reads need one). */
  verificationId: string;
  /** A 12345 ticket the first resident filed. */
  ticketId: string;
  /** The first resident's vehicle (粤B12345), added with its engine number's last six. */
  vehicleId: string;
  /** A pending traffic fine order of the first resident's (violation 44030126000001). */
  trafficOrderId: string;
  /** The first resident's upload of their vehicle licence photo (Storage port). */
  fileId: string;
}

export interface Recipe {
  /** The first resident's call, with their real ids. */
  body(o: Owned): Record<string, unknown>;
  /** The dev clock for the call (default noon: every service open). */
  now?: string;
  /**
   * What another resident replaying the body gets. 'NOT_FOUND': the body names something of the
   * first resident's. 'own': the action takes no id of anyone's (a list, a new reminder), so it
   * answers about the caller — and must carry nothing of the first resident's either way.
   */
  replay: 'NOT_FOUND' | 'own';
  /**
   * Things of the first resident's the answer may legitimately contain because the replayed body
   * itself is the proof to them (binding with the holder's name: family members may). Ids never.
   */
  mayEcho?: Array<keyof Owned>;
}

export const RECIPES: Record<string, Recipe> = {
  'services.remind': { body: () => ({ action: 'remind', serviceId: 'bills.electricity.pay' }), now: LATE, replay: 'own' },
  'services.reminders': { body: () => ({ action: 'reminders' }), replay: 'own' },
  'services.cancelReminder': { body: (o) => ({ action: 'cancelReminder', reminderId: o.reminderId }), replay: 'NOT_FOUND' },
  'messages.list': { body: () => ({ action: 'list' }), replay: 'own' },
  'messages.read': { body: (o) => ({ action: 'read', messageId: o.messageId }), replay: 'NOT_FOUND' },
  'bills.bind': {
    body: (o) => ({ action: 'bind', providerId: 'power', accountNo: o.accountNo, holderName: o.holderName }),
    replay: 'own',
    mayEcho: ['accountNo', 'holderName', 'address'],
  },
  // After the bind replay the other resident holds the same household, proven by its holder's name.
  'bills.bindings': { body: () => ({ action: 'bindings' }), replay: 'own', mayEcho: ['holderName', 'address'] },
  'bills.unbind': { body: (o) => ({ action: 'unbind', bindingId: o.bindingId }), replay: 'NOT_FOUND' },
  'bills.bill': { body: (o) => ({ action: 'bill', bindingId: o.bindingId }), replay: 'NOT_FOUND' },
  'bills.topup': { body: (o) => ({ action: 'topup', bindingId: o.bindingId, amount: 5000, idempotencyKey: 'matrix-topup-01' }), replay: 'NOT_FOUND' },
  'bills.usage': { body: (o) => ({ action: 'usage', bindingId: o.bindingId }), replay: 'NOT_FOUND' },
  'bills.pay': { body: (o) => ({ action: 'pay', bindingId: o.bindingId, billId: o.billId, idempotencyKey: 'matrix-replay-01' }), replay: 'NOT_FOUND' },
  'bills.order': { body: (o) => ({ action: 'order', orderId: o.orderId }), replay: 'NOT_FOUND' },
  'bills.orders': { body: () => ({ action: 'orders' }), replay: 'own' },
  'bills.dueReminders': { body: (o) => ({ action: 'dueReminders', bindingId: o.bindingId, on: false }), replay: 'NOT_FOUND' },
  // Starting a verification with someone else's name and number proves nothing: the face check does.
  'insurance.verify': { body: () => ({ action: 'verify', name: ZHANG.name, idNumber: ZHANG.idNumber }), replay: 'own', mayEcho: ['holderName'] },
  'insurance.verification': { body: (o) => ({ action: 'verification', verificationId: o.verificationId }), replay: 'NOT_FOUND' },
  'insurance.summary': { body: (o) => ({ action: 'summary', verificationId: o.verificationId }), replay: 'NOT_FOUND' },
  'insurance.records': { body: (o) => ({ action: 'records', insurance: 'pension', verificationId: o.verificationId }), replay: 'NOT_FOUND' },
  'insurance.accessLog': { body: () => ({ action: 'accessLog' }), replay: 'own' },
  'tickets.submit': {
    body: () => ({ action: 'submit', kind: '咨询', category: '其他', description: '请问社区服务中心周末几点开门？', public: false, requestId: 'matrix-replay-ticket-01' }),
    replay: 'own',
  },
  'tickets.tickets': { body: () => ({ action: 'tickets' }), replay: 'own' },
  'tickets.ticket': { body: (o) => ({ action: 'ticket', ticketId: o.ticketId }), replay: 'NOT_FOUND' },
  'tickets.rate': { body: (o) => ({ action: 'rate', ticketId: o.ticketId, rating: '满意' }), replay: 'NOT_FOUND' },
  'tickets.reopen': { body: (o) => ({ action: 'reopen', ticketId: o.ticketId, reason: '问题没有解决，请再处理一次' }), replay: 'NOT_FOUND' },
  'tickets.agent': { body: (o) => ({ action: 'agent', ticketId: o.ticketId }), replay: 'NOT_FOUND' },
  // Takes no id: another resident replaying it reports (and counts) a grant of their own.
  'tickets.subscribed': { body: () => ({ action: 'subscribed', templateId: 'dev-ticket-template', result: 'accept' }), replay: 'own' },
  // Plate + kind + the engine number's last six are the proof the traffic police ask: whoever holds
  // them may add the car (family members do), and gets their own vehicle id, never the first resident's.
  'traffic.addVehicle': {
    body: () => ({ action: 'addVehicle', plate: ZHANG.vehicles[0].plate, plateKind: ZHANG.vehicles[0].plateKind, engineNoSuffix: ZHANG.vehicles[0].engineNoSuffix }),
    replay: 'own',
  },
  'traffic.vehicles': { body: () => ({ action: 'vehicles' }), replay: 'own' },
  'traffic.removeVehicle': { body: (o) => ({ action: 'removeVehicle', vehicleId: o.vehicleId }), replay: 'NOT_FOUND' },
  'traffic.revealVehicle': { body: (o) => ({ action: 'revealVehicle', vehicleId: o.vehicleId }), replay: 'NOT_FOUND' },
  'traffic.uploadFolder': { body: () => ({ action: 'uploadFolder' }), replay: 'own' },
  'traffic.readLicence': { body: (o) => ({ action: 'readLicence', fileId: o.fileId }), replay: 'NOT_FOUND' },
  'traffic.violations': { body: (o) => ({ action: 'violations', vehicleId: o.vehicleId }), replay: 'NOT_FOUND' },
  'traffic.violation': { body: (o) => ({ action: 'violation', vehicleId: o.vehicleId, violationId: '44030126000002' }), replay: 'NOT_FOUND' },
  'traffic.confirm': { body: (o) => ({ action: 'confirm', vehicleId: o.vehicleId, violationId: '44030126000003' }), replay: 'NOT_FOUND' },
  'traffic.pay': { body: (o) => ({ action: 'pay', vehicleId: o.vehicleId, violationId: '44030126000002', idempotencyKey: 'matrix-replay-fine-01' }), replay: 'NOT_FOUND' },
  'traffic.order': { body: (o) => ({ action: 'order', orderId: o.trafficOrderId }), replay: 'NOT_FOUND' },
  'traffic.orders': { body: () => ({ action: 'orders' }), replay: 'own' },
};

function data<T>(r: { body: { ok: boolean } }, what: string): T {
  const b = r.body as { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
  if (!b.ok) throw new Error(`seeding ${what}: ${b.error.code} ${b.error.message}`);
  return b.data;
}

/** Gives the first resident (张晓明) one of everything: a household, a pending order, a reminder, a message. */
export async function seedFirstResident(stack: TestStack): Promise<Owned> {
  const power = ZHANG.utilityAccounts.find((a) => a.kind === 'electricity')!;
  const as = { openid: ZHANG.openid, now: NOON };
  const { binding } = data<{ binding: BindingView }>(await stack.call('bills', { action: 'bind', providerId: 'power', accountNo: power.accountNo, holderName: power.holderName }, as), 'bind');
  const bill = data<BillResult>(await stack.call('bills', { action: 'bill', bindingId: binding.bindingId }, as), 'bill');
  const billId = bill.arrears.bills[0].billId;
  const { order } = data<PayResult>(await stack.call('bills', { action: 'pay', bindingId: binding.bindingId, billId, idempotencyKey: 'matrix-seed-0001' }, as), 'pay');
  const late = { openid: ZHANG.openid, now: LATE };
  // A reminder, sent, becomes a message in the centre; a second one stays pending.
  data(await stack.call('services', { action: 'remind', serviceId: 'bills.electricity.pay' }, late), 'remind electricity');
  await fetch(`${stack.url}/api/__dev/jobs/reminders`, { method: 'POST', headers: { 'x-dev-now': '2026-03-11T00:31:00+08:00' } });
  const { reminder } = data<{ reminder: ReminderView }>(await stack.call('services', { action: 'remind', serviceId: 'bills.gas.pay' }, late), 'remind gas');
  const inbox = data<{ messages: Array<{ id: string }> }>(await stack.call('messages', { action: 'list' }, as), 'messages');
  if (!inbox.messages.length) throw new Error('seeding: no message was filed');
  // A face verification passed in the FaceID sandbox, read back by the server.
  const started = data<{ verificationId: string; bizToken: string }>(await stack.call('insurance', { action: 'verify', name: ZHANG.name, idNumber: ZHANG.idNumber }, as), 'verify');
  await fetch(`${stack.url}/api/__dev/faceid/${started.bizToken}/result`, { method: 'POST', body: JSON.stringify({ result: 'pass' }) });
  data(await stack.call('insurance', { action: 'verification', verificationId: started.verificationId }, as), 'verification');
  const { ticket } = data<{ ticket: { ticketId: string } }>(
    await stack.call('tickets', { action: 'submit', kind: '投诉', category: '城市管理', description: '小区门口的井盖缺失已经三天了，晚上很危险。', public: false, requestId: 'matrix-seed-ticket-01' }, as),
    'submit ticket',
  );
  const car = ZHANG.vehicles[0];
  const { vehicle } = data<{ vehicle: { vehicleId: string } }>(
    await stack.call('traffic', { action: 'addVehicle', plate: car.plate, plateKind: car.plateKind, engineNoSuffix: car.engineNoSuffix }, as),
    'add vehicle',
  );
  const fine = data<{ order: { orderId: string } }>(
    await stack.call('traffic', { action: 'pay', vehicleId: vehicle.vehicleId, violationId: '44030126000001', idempotencyKey: 'matrix-seed-fine-0001' }, as),
    'pay fine',
  );
  const licence = readAsset(car.licencePhoto.replace(/^\/api\/__dev\/assets\//, ''));
  if (!licence) throw new Error(`seeding: no licence photo at ${car.licencePhoto}`);
  const fileId = await stack.storage.put(licence, ZHANG.openid);
  return {
    bindingId: binding.bindingId,
    billId,
    orderId: order.orderId,
    reminderId: reminder.id,
    messageId: inbox.messages[0].id,
    accountNo: power.accountNo,
    holderName: power.holderName,
    address: power.address,
    verificationId: started.verificationId,
    ticketId: ticket.ticketId,
    vehicleId: vehicle.vehicleId,
    trafficOrderId: fine.order.orderId,
    fileId,
  };
}

/** The strings of the first resident's that no other caller's answer may contain. */
export function secretsOf(o: Owned, except: Array<keyof Owned> = []): string[] {
  const all: Record<keyof Owned, string[]> = {
    bindingId: [o.bindingId],
    billId: [],
    orderId: [o.orderId],
    reminderId: [o.reminderId],
    messageId: [o.messageId],
    accountNo: [o.accountNo],
    holderName: [o.holderName, `${o.holderName[0]}*${o.holderName.slice(-1)}`],
    address: [o.address],
    verificationId: [o.verificationId],
    ticketId: [o.ticketId],
    vehicleId: [o.vehicleId],
    trafficOrderId: [o.trafficOrderId],
    fileId: [o.fileId],
  };
  return (Object.keys(all) as Array<keyof Owned>).filter((k) => !except.includes(k)).flatMap((k) => all[k]);
}
