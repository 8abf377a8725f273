import { uploadCloudPath } from '@bianmin/core/files';
import { AppError, formatPlate, maskPlateDisplay, PLATE_KIND_INFO, type PlateKind, toShanghaiIso, type VehicleView } from '@bianmin/core';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { vehicles } from '../../db/schema';
import { DepartmentRejection } from '../../departments/client';
import { trafficFor, type VehicleProof } from '../../departments/traffic';
import { releaseHit, takeHit, VEHICLE_PROOF_FAILURES } from '../../limits/rate-limit';
import type { ResidentContext } from '../../runtime/types';

export type VehicleRow = typeof vehicles.$inferSelect;

/** A resident may follow their own and their family's cars, not a fleet. */
export const MAX_VEHICLES = 10;

export function vehicleView(r: VehicleRow): VehicleView {
  const kind = r.plateKind as PlateKind;
  return {
    vehicleId: r.id,
    plateMasked: maskPlateDisplay(r.plate),
    plateKind: kind,
    plateKindName: PLATE_KIND_INFO[kind]?.name ?? r.plateKind,
    vehicleType: r.vehicleType,
    label: r.label,
    createdAt: toShanghaiIso(r.createdAt),
  };
}

export const proofOf = (r: VehicleRow): VehicleProof => ({ plate: r.plate, plateKind: r.plateKind as PlateKind, engineNoSuffix: r.engineNoSuffix });

/**
 * The resident's own live vehicle. Another resident's id, a removed vehicle and an id that never
 * existed answer the same NOT_FOUND: nothing tells a prober which ids are real.
 */
export async function ownVehicle(db: Db, openid: string, vehicleId: string): Promise<VehicleRow> {
  const [row] = await db
    .select()
    .from(vehicles)
    .where(and(eq(vehicles.id, vehicleId), eq(vehicles.openid, openid), isNull(vehicles.deletedAt)));
  if (!row) throw new AppError('NOT_FOUND', '没有找到这辆车，可能已被删除，请刷新后重试。');
  return row;
}

/** A command's context once the runtime has loaded the caller's vehicle (`subject: 'vehicle'`). */
export type VehicleContext = ResidentContext & { readonly vehicle: VehicleRow };

/** The resident's live vehicles, oldest first. */
export function liveVehicles(db: Db, openid: string): Promise<VehicleRow[]> {
  return db.select().from(vehicles).where(and(eq(vehicles.openid, openid), isNull(vehicles.deletedAt))).orderBy(asc(vehicles.createdAt), asc(vehicles.id));
}

export async function listVehicles(ctx: ResidentContext): Promise<{ vehicles: VehicleView[] }> {
  return { vehicles: (await liveVehicles(await ctx.deps.db(), ctx.caller.openid)).map(vehicleView) };
}

/** The same words whether the plate is unknown or the suffix wrong: a plate's existence is not ours to reveal. */
export const NOT_MATCHED = () =>
  new AppError('NOT_FOUND', '没有查到与该号牌号码、号牌种类和发动机号后六位相符的机动车，请对照行驶证核对后重试。', {
    fields: { engineNoSuffix: '与号牌信息不匹配，请核对行驶证', plate: '请核对号牌号码和号牌种类' },
  });

/**
 * Adds a vehicle after the traffic police confirm plate, kind and engine suffix belong together.
 * The suffix is the only secret, and a match shows where and when the car broke the rules: wrong
 * suffixes are limited per caller (`VEHICLE_PROOF_FAILURES`), every attempt counted as a
 * failure while in flight and given back when the proof held or the traffic police could not answer.
 */
export async function addVehicle(ctx: ResidentContext, input: { plate: string; plateKind: PlateKind; engineNoSuffix: string; label?: string }): Promise<{ vehicle: VehicleView }> {
  const openid = ctx.caller.openid;
  const db = await ctx.deps.db();
  const existing = await liveVehicles(db, openid);
  if (existing.length >= MAX_VEHICLES) throw new AppError('CONFLICT', `最多可添加 ${MAX_VEHICLES} 辆车，请先删除不用的车辆。`);

  const hit = await takeHit(db, VEHICLE_PROOF_FAILURES, openid, ctx.clock.now());
  let vehicle;
  try {
    vehicle = (await trafficFor(ctx.deps).vehicle(input)).data;
  } catch (e) {
    if (e instanceof DepartmentRejection && (e.status === 404 || e.status === 400)) throw NOT_MATCHED();
    await releaseHit(db, hit);
    if (e instanceof DepartmentRejection) throw new AppError('DEPARTMENT_ERROR', '交警系统暂时无法核验车辆，请稍后再试。', { retryable: true, cause: e });
    throw e;
  }
  await releaseHit(db, hit);
  const [row] = await db
    .insert(vehicles)
    .values({
      openid,
      plate: input.plate,
      plateKind: input.plateKind,
      engineNoSuffix: input.engineNoSuffix,
      vehicleType: vehicle.vehicleType,
      label: input.label || null,
      createdAt: ctx.clock.now(),
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new AppError('CONFLICT', `车辆 ${maskPlateDisplay(input.plate)} 已经添加过了。`, { fields: { plate: '该车辆已添加' } });
  ctx.log.info({ vehicle: row.id, plate: maskPlateDisplay(row.plate) }, 'vehicle added');
  return { vehicle: vehicleView(row) };
}

/** Removes the vehicle; the row stays (deleted) for the order history. */
export async function removeVehicle(ctx: VehicleContext): Promise<{ removed: true }> {
  const db = await ctx.deps.db();
  await db.update(vehicles).set({ deletedAt: ctx.clock.now() }).where(eq(vehicles.id, ctx.vehicle.id));
  return { removed: true };
}

/** The full plate, for the resident who added it (the list shows it masked). */
export async function revealVehicle(ctx: VehicleContext): Promise<{ plate: string; plateFormatted: string }> {
  return { plate: ctx.vehicle.plate, plateFormatted: formatPlate(ctx.vehicle.plate) };
}

/** The caller's own storage folder for `wx.cloud.uploadFile` (the phone does not know its openid). */
export async function showUploadFolder(ctx: ResidentContext): Promise<{ folder: string }> {
  // Only the caller's own folder: the storage port reads a file only from its owner's folder.
  return { folder: uploadCloudPath(ctx.caller.openid, '') };
}
