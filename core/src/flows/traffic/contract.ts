import { z } from 'zod';
import { defineContract } from '../../contract';
import { PLATE_KINDS, type PlateKind, resolvePlate } from '../../plates';
import { fileIdSchema } from '../../files';
import type { OrderStatus, PaymentParams, RefundView } from '../../orders';
import { idempotencyKey } from '../../payments/contract';

const uuid = (what: string) => z.string({ error: `请提供${what}` }).uuid(`${what}格式不正确`);

/** The traffic police's violation ids are digits (a department id is never trusted as anything else). */
const violationId = z.string({ error: '请提供违法记录编号 violationId' }).regex(/^\d{8,32}$/, '违法记录编号 violationId 格式不正确');

const plateKind = z.enum(PLATE_KINDS, { error: `号牌种类应为 ${PLATE_KINDS.join(' | ')}` });

/** 行驶证 prints the whole engine number; 交管 asks for its last six, letters or digits. */
const engineNoSuffix = z
  .string({ error: '请填写发动机号后六位' })
  .transform((s) => s.normalize('NFKC').replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{6}$/, '发动机号后六位应为 6 位字母或数字（见行驶证“发动机号码”栏）'));

export const trafficInput = {
  addVehicle: z
    .object({
      plate: z.string({ error: '请填写号牌号码' }).max(32, '号牌号码过长'),
      plateKind: plateKind.optional(),
      engineNoSuffix,
      label: z.string().trim().max(12, '备注名最多 12 个字').regex(/^[^\u0000-\u001f\u007f]*$/, '备注名含有不可见字符').optional(),
    })
    .transform((v, ctx) => {
      const r = resolvePlate(v.plate, v.plateKind);
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', path: [r.field], message: r.message });
        return z.NEVER;
      }
      return { ...v, plate: r.plate, plateKind: r.kind };
    }),
  vehicles: z.object({}),
  removeVehicle: z.object({ vehicleId: uuid('车辆编号 vehicleId') }),
  revealVehicle: z.object({ vehicleId: uuid('车辆编号 vehicleId') }),
  /** weapp: the caller's own storage folder for `wx.cloud.uploadFile` (the phone does not know its openid). */
  uploadFolder: z.object({}),
  readLicence: z.object({ fileId: fileIdSchema }),
  violations: z.object({ vehicleId: uuid('车辆编号 vehicleId') }),
  violation: z.object({ vehicleId: uuid('车辆编号 vehicleId'), violationId }),
  confirm: z.object({ vehicleId: uuid('车辆编号 vehicleId'), violationId }),
  pay: z.object({ vehicleId: uuid('车辆编号 vehicleId'), violationId, idempotencyKey }),
};

export interface VehicleView {
  vehicleId: string;
  /** 粤B·1**45 */
  plateMasked: string;
  plateKind: PlateKind;
  plateKindName: string;
  /** 车辆类型 as the traffic police record it (小型轿车…). */
  vehicleType: string;
  label: string | null;
  createdAt: string;
}

export type ViolationStatus = 'unhandled' | 'under_appeal' | 'decided' | 'paying' | 'paid';
export type ViolationGroupKey = 'todo' | 'payable' | 'done';

export interface LateFeeView {
  overdueDays: number;
  /** Fen. */
  lateFee: number;
  /** Fine + late fee, fen. */
  amountDue: number;
  capped: boolean;
  /** The rule next to the amount: 逾期 5 天，加处罚款 ¥30.00，最多不超过罚款本金 */
  note: string;
}

export interface ViolationView {
  violationId: string;
  occurredAt: string;
  /** Place as text (no map). */
  place: string;
  /** 违法代码 */
  code: string;
  description: string;
  law: string;
  basis: string;
  /** Fen. */
  fine: number;
  points: number;
  source: 'electronic' | 'onsite';
  sourceName: string;
  office: string;
  /** Evidence photo URLs. */
  evidence: string[];
  status: ViolationStatus;
  group: ViolationGroupKey;
  decisionNo?: string;
  decisionDate?: string;
  /** Last day to pay without a late fee. */
  dueDate?: string;
  /** What paying costs today and tomorrow (decided, not yet paid). */
  today?: LateFeeView;
  tomorrow?: LateFeeView;
  /** The day the late fee reaches the fine, its cap (decided, not yet paid): paying later costs no more from then. */
  capReachedOn?: string;
  /** Whether the resident can accept it online, and if not, why. */
  confirmable: boolean;
  confirmNote?: string;
  appealNote?: string;
  /** Our live order for it, when there is one. */
  orderId?: string;
  paidAt?: string;
  /**
   * Fen, once paid: what was paid — our order's amount, or, paid elsewhere, the fine plus the
   * late fee due on the day it was paid. 已完成's total adds these, not the fines.
   */
  paidAmount?: number;
}

export interface ViolationGroup {
  key: ViolationGroupKey;
  title: '待处理' | '待缴款' | '已完成';
  count: number;
  /** Fen: fines (待处理), amounts due today (待缴款), amounts paid (已完成). */
  total: number;
  violations: ViolationView[];
}

export interface ViolationsResult {
  vehicle: VehicleView;
  groups: ViolationGroup[];
  fetchedAt: string;
  stale: boolean;
  ageSeconds: number;
  /**
   * When the traffic police last updated this vehicle's records (ISO 8601 +08:00), as they say;
   * absent when they do not. Not when we asked (`fetchedAt`): records post days after the event.
   */
  recordsUpdatedAt?: string;
}

export interface LicenceReading {
  plate: string;
  plateKind: PlateKind | null;
  /** 车辆类型 as printed (小型轿车…). */
  vehicleType: string;
  engineNoSuffix: string;
  /** Printed fields the form can show for checking. */
  owner?: string;
  registerDate?: string;
  /** OCR warnings worth showing (a copy, a reflection…). */
  warnings: string[];
}

/**
 * A fine's order: pending → paid → settled, pending → closed (expired unpaid), and — when the
 * traffic police refuse the posting (the late fee grew at midnight…) or the payment arrived after
 * the order closed — refund_pending → refunded. A refunding or refunded fine is owed again.
 */
export type TrafficOrderStatus = OrderStatus;

export interface TrafficOrderView {
  orderId: string;
  kind: 'traffic_fine';
  violationId: string;
  vehicleId: string | null;
  plateMasked: string;
  decisionNo: string;
  /** Fen. */
  fine: number;
  lateFee: number;
  amount: number;
  status: TrafficOrderStatus;
  createdAt: string;
  expiresAt: string;
  paidAt?: string;
  settledAt?: string;
  closedAt?: string;
  refundedAt?: string;
  /** The money going back, and where that stands (the same words as a bill's). */
  refund?: RefundView;
  departmentRef?: string;
  transactionId?: string;
  /** The channel the fine is paid through: WeChat's 非税缴费, to the treasury. */
  channel?: 'nontax' | 'cloudpay';
  /** The treasury's 财政电子票据 for a paid fine (its type code and number), shown on the receipt once issued. */
  eReceipt?: { billTypeCode: string; billNo: string };
}

export interface TrafficPayResult {
  order: TrafficOrderView;
  payment: PaymentParams | null;
}

/** What each action answers. */
export interface TrafficOutputs {
  addVehicle: { vehicle: VehicleView };
  vehicles: { vehicles: VehicleView[] };
  removeVehicle: { removed: true };
  revealVehicle: { plate: string; plateFormatted: string };
  uploadFolder: { folder: string };
  readLicence: { reading: LicenceReading };
  violations: ViolationsResult;
  violation: { vehicle: VehicleView; violation: ViolationView; fetchedAt: string; stale: boolean };
  confirm: { violation: ViolationView };
  pay: TrafficPayResult;
}

/** Vehicles, their violations, online confirmation and paying a fine exactly once. */
export const trafficContract = defineContract<TrafficOutputs>()({
  name: 'traffic',
  inputs: trafficInput,
  services: ['traffic.query', 'traffic.pay'],
  departments: ['traffic'],
});
