import { PLATE_KIND_INFO, type PlateKind } from '@bianmin/core';
import { z } from 'zod';
import type { DepartmentClient, Fetched } from './client';
import { departmentApi, type DepartmentsDeps } from './index';

/**
 * The traffic police (交管) API as we use it. A vehicle is named by plate + plate kind (its GA
 * code) + the engine number's last six on every call: the department checks ownership each
 * time, we never hold a token. Every answer is validated; an amount that is not integer fen is
 * the department's error, never the resident's fine.
 */
const fen = z.number().int().nonnegative();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const trafficViolationSchema = z.object({
  violationId: z.string().regex(/^\d{8,32}$/),
  plate: z.string(),
  occurredAt: z.string(),
  place: z.string(),
  code: z.string(),
  description: z.string(),
  law: z.string(),
  basis: z.string(),
  fine: fen,
  points: z.number().int().min(0).max(12),
  source: z.enum(['electronic', 'onsite']),
  office: z.string(),
  evidence: z.array(z.string()),
  status: z.enum(['unhandled', 'decided', 'paid', 'under_appeal']),
  decisionNo: z.string().optional(),
  decisionDate: date.optional(),
  appealNote: z.string().optional(),
  paidAt: z.string().optional(),
  paymentRef: z.string().optional(),
});

const vehicleSchema = z.object({ plate: z.string(), plateKind: z.string(), vehicleType: z.string(), status: z.string() });
/** `recordsUpdatedAt`: when the department last changed this vehicle's records (absent from an older API: then unknown). */
const violationsSchema = z.object({ plate: z.string(), recordsUpdatedAt: z.iso.datetime({ offset: true }).optional(), violations: z.array(trafficViolationSchema) });
const confirmedSchema = trafficViolationSchema.extend({ duplicate: z.boolean().optional() });
const postedSchema = z.object({ orderId: z.string(), billId: z.string(), amount: fen, paymentRef: z.string(), duplicate: z.boolean().optional() });

export type TrafficViolation = z.infer<typeof trafficViolationSchema>;
export type TrafficVehicle = z.infer<typeof vehicleSchema>;

export interface VehicleProof {
  plate: string;
  plateKind: PlateKind;
  engineNoSuffix: string;
}

export interface TrafficApi {
  /** The vehicle if plate, kind and engine suffix match; a 404 rejection otherwise (never says which). */
  vehicle(v: VehicleProof): Promise<Fetched<TrafficVehicle>>;
  violations(v: VehicleProof, opts?: { fresh?: boolean; allowStale?: boolean }): Promise<Fetched<TrafficViolation[]> & { recordsUpdatedAt?: Date }>;
  /** Idempotent on requestId: confirming again answers the first decision. */
  confirm(v: VehicleProof, violationId: string, requestId: string, confirmedAt: string): Promise<z.infer<typeof confirmedSchema>>;
  /** Idempotent on orderId: posting again answers the first posting. */
  postPayment(p: { orderId: string; violationId: string; plate: string; decisionNo: string; amount: number; paidAt: string }): Promise<z.infer<typeof postedSchema>>;
  /** An evidence link as the department gives it, made absolute. */
  evidenceUrl(path: string): string;
}

export function trafficApi(client: DepartmentClient): TrafficApi {
  const enc = encodeURIComponent;
  const proof = (v: VehicleProof) => `plateKind=${PLATE_KIND_INFO[v.plateKind].code}&engineNoSuffix=${enc(v.engineNoSuffix)}`;
  /** Every cached read of a plate's violations, whatever proof it named. */
  const violationsOf = (plate: string) => `/vehicles/${enc(plate)}/violations`;
  return {
    vehicle: (v) => client.read(`/vehicles/${enc(v.plate)}?${proof(v)}`, vehicleSchema),
    async violations(v, opts = {}) {
      const r = await client.read(`${violationsOf(v.plate)}?${proof(v)}`, violationsSchema, opts);
      return { ...r, data: r.data.violations, ...(r.data.recordsUpdatedAt ? { recordsUpdatedAt: new Date(r.data.recordsUpdatedAt) } : {}) };
    },
    confirm: (v, violationId, requestId, confirmedAt) =>
      client.write(
        `/violations/${enc(violationId)}/confirm`,
        { plate: v.plate, plateKind: PLATE_KIND_INFO[v.plateKind].code, engineNoSuffix: v.engineNoSuffix, requestId, confirmedAt },
        confirmedSchema,
        // The record is decided now: the list and the record must say so at once, not in 30 s.
        { changes: [violationsOf(v.plate)] },
      ),
    postPayment: (p) => client.write('/payments', p, postedSchema, { changes: [violationsOf(p.plate)] }),
    evidenceUrl: (path) => (/^https?:\/\//.test(path) ? path : new URL(path, client.baseUrl).toString()),
  };
}

/** The traffic police's typed client. */
export const trafficFor = (deps: DepartmentsDeps): TrafficApi => departmentApi(deps, 'traffic', trafficApi);
