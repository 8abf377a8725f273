import { trafficContract } from '@bianmin/core';
import { listOrderRows, ownOrder, refundsOf } from '../../payments/orders';
import { DATABASE_ALLOWANCE_MS, departmentCallMs, HEALTH_PROBE_MS, IN_CALL_EXPIRY_MS, PAY_CALL_TIMEOUT_MS, PEAK_FILE_BYTES, STORAGE_CALL_MS, storageReadMs, TENCENT_CLOUD_CALL_MS } from '../../runtime/budgets';
import { TENCENT_CLOUD_OPTIONAL_ENV } from '../../runtime/deployment';
import { defineFlow } from '../../runtime/flow';
import type { ResidentContext } from '../../runtime/types';
import { LICENCE_PHOTO_MAX_BYTES } from '../../storage/limits';
import { confirmViolation, payFine, trafficOrderView } from './pay';
import { readLicence } from './read-licence';
import { addVehicle, listVehicles, ownVehicle, removeVehicle, revealVehicle, showUploadFolder } from './vehicles';
import { listViolations, showViolation } from './violations';

async function showFineOrder(ctx: ResidentContext, { orderId }: { orderId: string }) {
  const db = await ctx.deps.db();
  const row = await ownOrder(db, ctx.caller.openid, orderId, 'traffic_fine');
  return { order: trafficOrderView(row, (await refundsOf(db, [row.id])).get(row.id)) };
}

async function listFineOrders(ctx: ResidentContext, { show }: { show: 'paid' | 'all' }) {
  const db = await ctx.deps.db();
  const rows = await listOrderRows(db, ctx.caller.openid, 'traffic_fine', show);
  const refunds = await refundsOf(db, rows.map((r) => r.id));
  return { orders: rows.map((r) => trafficOrderView(r, refunds.get(r.id))) };
}

/** Vehicles, their violations, online confirmation and paying a fine exactly once. */
export const trafficFlow = defineFlow({
  contract: trafficContract,
  purpose: 'vehicles, violations, confirmation and fines; the vehicle licence read by OCR',
  // The guard needs the vehicle to exist for this caller before it says anything about hours.
  subjects: { vehicle: { from: 'vehicleId', load: ownVehicle } },
  actions: {
    addVehicle: { service: 'traffic.query', run: addVehicle },
    vehicles: { run: listVehicles },
    removeVehicle: { subject: 'vehicle', run: removeVehicle },
    revealVehicle: { subject: 'vehicle', run: revealVehicle },
    uploadFolder: { run: showUploadFolder },
    readLicence: { run: readLicence },
    violations: { subject: 'vehicle', service: 'traffic.query', servesStale: true, run: listViolations },
    violation: { subject: 'vehicle', service: 'traffic.query', servesStale: true, run: showViolation },
    confirm: { subject: 'vehicle', service: 'traffic.query', run: confirmViolation },
    pay: { subject: 'vehicle', service: 'traffic.pay', run: payFine },
    order: { run: showFineOrder },
    orders: { run: listFineOrders },
  },
  // pay: as bills (an outpriced order on the same violation expired first). readLicence (size,
  // download, OCR) and confirm (one department write) are shorter.
  budget: (t) =>
    Math.max(
      HEALTH_PROBE_MS + departmentCallMs(t) + IN_CALL_EXPIRY_MS + PAY_CALL_TIMEOUT_MS + DATABASE_ALLOWANCE_MS,
      2 * STORAGE_CALL_MS + storageReadMs(LICENCE_PHOTO_MAX_BYTES) + TENCENT_CLOUD_CALL_MS + DATABASE_ALLOWANCE_MS,
    ),
  payables: ['traffic_fine'],
  deployment: { env: { optional: TENCENT_CLOUD_OPTIONAL_ENV }, peakFileBytes: PEAK_FILE_BYTES.traffic },
});
