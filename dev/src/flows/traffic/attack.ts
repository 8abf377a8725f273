import { readAsset } from '../../assets';
import { ZHANG } from '../../testing/stack';
import { defineDevFlow, NOON, seeded } from '../attack';

/** The first resident's vehicle (粤B12345), a pending fine order, and their licence photo upload. */
export const trafficAttack = defineDevFlow({
  fn: 'traffic',
  async seed(stack) {
    const as = { openid: ZHANG.openid, now: NOON };
    const car = ZHANG.vehicles[0];
    const { vehicle } = seeded<{ vehicle: { vehicleId: string } }>(
      await stack.call('traffic', { action: 'addVehicle', plate: car.plate, plateKind: car.plateKind, engineNoSuffix: car.engineNoSuffix }, as),
      'add vehicle',
    );
    const fine = seeded<{ order: { orderId: string } }>(
      await stack.call('traffic', { action: 'pay', vehicleId: vehicle.vehicleId, violationId: '44030126000001', idempotencyKey: 'matrix-seed-fine-0001' }, as),
      'pay fine',
    );
    const licence = readAsset(car.licencePhoto.replace(/^\/api\/__dev\/assets\//, ''));
    if (!licence) throw new Error(`seeding: no licence photo at ${car.licencePhoto}`);
    const fileId = await stack.storage.put(licence, ZHANG.openid);
    return { vehicleId: vehicle.vehicleId, trafficOrderId: fine.order.orderId, fileId };
  },
  secrets: (o) => ({ vehicleId: [o.vehicleId], trafficOrderId: [o.trafficOrderId], fileId: [o.fileId] }),
  recipes: {
    // Plate + kind + the engine number's last six are the proof the traffic police ask: whoever holds
    // them may add the car (family members do), and gets their own vehicle id, never the first resident's.
    addVehicle: {
      body: () => ({ action: 'addVehicle', plate: ZHANG.vehicles[0].plate, plateKind: ZHANG.vehicles[0].plateKind, engineNoSuffix: ZHANG.vehicles[0].engineNoSuffix }),
      replay: 'own',
    },
    vehicles: { body: () => ({ action: 'vehicles' }), replay: 'own' },
    removeVehicle: { body: (o) => ({ action: 'removeVehicle', vehicleId: o.vehicleId }), replay: 'NOT_FOUND' },
    revealVehicle: { body: (o) => ({ action: 'revealVehicle', vehicleId: o.vehicleId }), replay: 'NOT_FOUND' },
    uploadFolder: { body: () => ({ action: 'uploadFolder' }), replay: 'own' },
    readLicence: { body: (o) => ({ action: 'readLicence', fileId: o.fileId }), replay: 'NOT_FOUND' },
    violations: { body: (o) => ({ action: 'violations', vehicleId: o.vehicleId }), replay: 'NOT_FOUND' },
    violation: { body: (o) => ({ action: 'violation', vehicleId: o.vehicleId, violationId: '44030126000002' }), replay: 'NOT_FOUND' },
    confirm: { body: (o) => ({ action: 'confirm', vehicleId: o.vehicleId, violationId: '44030126000003' }), replay: 'NOT_FOUND' },
    pay: { body: (o) => ({ action: 'pay', vehicleId: o.vehicleId, violationId: '44030126000002', idempotencyKey: 'matrix-replay-fine-01' }), replay: 'NOT_FOUND' },
    order: { body: (o) => ({ action: 'order', orderId: o.trafficOrderId }), replay: 'NOT_FOUND' },
    orders: { body: () => ({ action: 'orders' }), replay: 'own' },
  },
});
