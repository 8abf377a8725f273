import { formatFen, trafficContract } from '@bianmin/core';
import { DATABASE_ALLOWANCE_MS, departmentCallMs, HEALTH_PROBE_MS, IN_CALL_EXPIRY_MS, PAY_CALL_TIMEOUT_MS, PEAK_FILE_BYTES, STORAGE_CALL_MS, storageReadMs, TENCENT_CLOUD_CALL_MS } from '../../runtime/budgets';
import { TENCENT_CLOUD_OPTIONAL_ENV } from '../../runtime/deployment';
import { defineFlow } from '../../runtime/flow';
import { LICENCE_PHOTO_MAX_BYTES } from '../../storage/limits';
import { confirmViolation, payFine } from './pay';
import { trafficPayables } from './payables';
import { readLicence } from './read-licence';
import { addVehicle, listVehicles, ownVehicle, removeVehicle, revealVehicle, showUploadFolder } from './vehicles';
import { listViolations, showViolation } from './violations';

/** Vehicles, their violations, online confirmation and paying a fine exactly once. */
export const trafficFlow = defineFlow({
  contract: trafficContract,
  purpose: 'vehicles, violations, confirmation and fines; the vehicle licence read by OCR',
  // The guard needs the vehicle to exist for this caller before it says anything about hours.
  subjects: { vehicle: { from: 'vehicleId', load: ownVehicle } },
  actions: {
    addVehicle: { service: 'traffic.query', run: addVehicle, familyWhat: '添加车辆' },
    vehicles: { run: listVehicles, familyWhat: '查看车辆' },
    removeVehicle: { subject: 'vehicle', run: removeVehicle, familyWhat: '删除车辆' },
    // The full plate is the holder's to reveal; a licence photo is read from its uploader's own folder.
    revealVehicle: { subject: 'vehicle', run: revealVehicle, family: false },
    uploadFolder: { run: showUploadFolder, family: false },
    readLicence: { run: readLicence, family: false },
    violations: { subject: 'vehicle', service: 'traffic.query', servesStale: true, run: listViolations, familyWhat: '查询违法记录' },
    violation: { subject: 'vehicle', service: 'traffic.query', servesStale: true, run: showViolation, familyWhat: '查看违法详情' },
    confirm: { subject: 'vehicle', service: 'traffic.query', run: confirmViolation, familyWhat: (_, { violation }) => `确认违法记录 ${violation.violationId}` },
    pay: { subject: 'vehicle', service: 'traffic.pay', run: payFine, familyWhat: (_, { order }) => `发起缴纳罚款 ${formatFen(order.amount)}` },
  },
  // pay: as bills (an outpriced order on the same violation expired first). readLicence (size,
  // download, OCR) and confirm (one department write) are shorter.
  budget: (t) =>
    Math.max(
      HEALTH_PROBE_MS + departmentCallMs(t) + IN_CALL_EXPIRY_MS + PAY_CALL_TIMEOUT_MS + DATABASE_ALLOWANCE_MS,
      2 * STORAGE_CALL_MS + storageReadMs(LICENCE_PHOTO_MAX_BYTES) + TENCENT_CLOUD_CALL_MS + DATABASE_ALLOWANCE_MS,
    ),
  payables: trafficPayables,
  family: 'traffic',
  deployment: { env: { optional: TENCENT_CLOUD_OPTIONAL_ENV }, peakFileBytes: PEAK_FILE_BYTES.traffic },
});
