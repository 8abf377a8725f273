import { RESIDENTS, type FixtureResident } from '@bianmin/dev/fixtures';
import type { BillResult, PayResult, TrafficPayResult, UtilityKind, VehicleView } from '@bianmin/core';
import { callStack, stackUrl } from './wx';

export { RESIDENTS };
export type { FixtureResident };

/** A Tuesday morning: every service open. */
export const MORNING = '2026-03-10T09:30:00+08:00';
/** The same day at 21:50: water closes in 10 minutes, gas closed at 21:00. */
export const EVENING = '2026-03-10T21:50:00+08:00';

/** Calls the real function as `resident` at `now`; the data, or an error naming the refusal. */
export async function api<T>(resident: FixtureResident, now: string, fn: string, data: object): Promise<T> {
  const env = await callStack<T>(fn, data, { openid: resident.openid, now });
  if (!env.ok) throw new Error(`${fn} ${JSON.stringify(data)} as ${resident.name}: ${env.error.code} ${env.error.message}`);
  return env.data;
}

/** The resident's household of this kind, bound through bills.bind unless it already is. */
export async function ensureBinding(resident: FixtureResident, now: string, kind: UtilityKind): Promise<string> {
  const { bindings } = await api<{ bindings: Array<{ bindingId: string; kind: string }> }>(resident, now, 'bills', { action: 'bindings' });
  const bound = bindings.find((b) => b.kind === kind);
  if (bound) return bound.bindingId;
  const account = resident.utilityAccounts.find((a) => a.kind === kind);
  if (!account) throw new Error(`${resident.name} has no ${kind} account in the fixtures`);
  const { binding } = await api<{ binding: { bindingId: string } }>(resident, now, 'bills', {
    action: 'bind',
    providerId: account.providerId,
    accountNo: account.accountNo,
    holderName: account.holderName,
    label: account.label,
  });
  return binding.bindingId;
}

/** An order for the household's oldest unpaid bill (bills.pay is idempotent per key: one order however often asked). */
export async function ensureOrder(resident: FixtureResident, now: string, kind: UtilityKind): Promise<string> {
  const bindingId = await ensureBinding(resident, now, kind);
  const { arrears } = await api<BillResult>(resident, now, 'bills', { action: 'bill', bindingId });
  const billId = arrears.bills[0]?.billId;
  if (!billId) throw new Error(`${resident.name} owes nothing for ${kind}: no bill to pay`);
  const { order } = await api<PayResult>(resident, now, 'bills', { action: 'pay', bindingId, billId, idempotencyKey: `weapp-test-${billId}` });
  return order.orderId;
}

/**
 * A live real-name verification for the resident, made as a resident makes one: `insurance.verify`
 * with their name and ID number, the FaceID sandbox's "pass" (what the tester taps on its page),
 * then `insurance.verification`, where the server asks FaceID. Reuses one still live at `now`.
 */
export async function ensureVerified(resident: FixtureResident, now: string): Promise<string> {
  const { verification } = await api<{ verification: { verificationId: string; status: string } | null }>(resident, now, 'insurance', { action: 'verification' });
  if (verification?.status === 'passed') return verification.verificationId;
  const started = await api<{ verificationId: string; bizToken: string }>(resident, now, 'insurance', { action: 'verify', name: resident.name, idNumber: resident.idNumber });
  const decided = await fetch(`${stackUrl()}/api/__dev/faceid/${started.bizToken}/result`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ result: 'pass' }) });
  if (!decided.ok) throw new Error(`the FaceID sandbox refused the pass for ${resident.name}: ${decided.status}`);
  const after = await api<{ verification: { status: string } }>(resident, now, 'insurance', { action: 'verification', verificationId: started.verificationId });
  if (after.verification.status !== 'passed') throw new Error(`${resident.name}'s verification is ${after.verification.status}, not passed`);
  return started.verificationId;
}

/** The resident's first fixture vehicle, added through traffic.addVehicle unless it already is. */
export async function ensureVehicle(resident: FixtureResident, now: string): Promise<string> {
  const { vehicles } = await api<{ vehicles: VehicleView[] }>(resident, now, 'traffic', { action: 'vehicles' });
  if (vehicles[0]) return vehicles[0].vehicleId;
  const car = resident.vehicles[0];
  if (!car) throw new Error(`${resident.name} has no vehicle in the fixtures`);
  const { vehicle } = await api<{ vehicle: VehicleView }>(resident, now, 'traffic', { action: 'addVehicle', plate: car.plate, plateKind: car.plateKind, engineNoSuffix: car.engineNoSuffix });
  return vehicle.vehicleId;
}

/** An order for one of the vehicle's decided fines (traffic.pay is idempotent per key). */
export async function ensureFineOrder(resident: FixtureResident, now: string, violationId: string): Promise<string> {
  const vehicleId = await ensureVehicle(resident, now);
  const { order } = await api<TrafficPayResult>(resident, now, 'traffic', { action: 'pay', vehicleId, violationId, idempotencyKey: `weapp-test-${violationId}` });
  return order.orderId;
}

/** A complaint filed through tickets.submit (idempotent on its requestId: one ticket however often asked). */
export async function ensureTicket(resident: FixtureResident, now: string): Promise<string> {
  const { ticket } = await api<{ ticket: { ticketId: string } }>(resident, now, 'tickets', {
    action: 'submit',
    kind: '投诉',
    category: '城市管理',
    description: '小区门口的井盖缺失已经三天了，晚上很危险。',
    place: { address: '景田北路 18 号门口' },
    contactPhone: '13812345678',
    public: false,
    requestId: `weapp_${resident.openid.replace(/[^A-Za-z0-9]/g, '').slice(0, 40)}`,
  });
  return ticket.ticketId;
}
