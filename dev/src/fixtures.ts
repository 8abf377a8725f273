import { idCheckDigit, type PlateKind, type ProviderId, type UtilityKind } from '@bianmin/core';

/**
 * The demo residents of the local stack. Everything a department sandbox knows is seeded from
 * here, and GET /api/__dev/fixtures hands it to tests and people so that nobody guesses an
 * account number. Deterministic: the same on every machine and every start.
 */
export interface FixtureUtilityAccount {
  kind: UtilityKind;
  providerId: ProviderId;
  accountNo: string;
  holderName: string;
  address: string;
  /** Suggested label when a resident binds it: own home, parents' home… */
  label: string;
  /** Months of unpaid bills the sandbox starts with (0 = paid up). */
  unpaidMonths: number;
  /** Prepaid electricity balance in fen, for households on prepay meters. */
  prepaidBalance?: number;
}

export interface FixtureVehicle {
  plate: string;
  /** Traffic police ask for the last six characters of the engine number to prove ownership. */
  engineNo: string;
  engineNoSuffix: string;
  vehicleType: 'small_car' | 'large_car' | 'motorcycle';
  /** GA 36-2018 plate kind, as the traffic police record it. */
  plateKind: PlateKind;
  /** 车辆类型 as printed on the vehicle licence (行驶证). */
  vehicleTypeName: string;
  /** The vehicle licence photo (a committed JPEG), a URL path the gateway serves (/api/__dev/assets/…). */
  licencePhoto: string;
}

export interface FixtureResident {
  openid: string;
  name: string;
  idNumber: string;
  phone: string;
  utilityAccounts: FixtureUtilityAccount[];
  vehicles: FixtureVehicle[];
  insurance: FixtureInsurance;
}

/**
 * What the social insurance bureau sandbox knows about a resident. `profile` picks the story its
 * records tell: a worker insured for years, a retiree drawing a pension, someone whose records
 * have a three-month gap that was partly back-paid (补缴), or a person the bureau does not know.
 */
export interface FixtureInsurance {
  insured: boolean;
  city: string;
  /** First month of contributions (YYYY-MM); '' when the bureau does not know the person. */
  since: string;
  profile: 'worker' | 'retiree' | 'gap' | 'unknown';
  /**
   * A retiree's last 待遇资格认证 (YYYY-MM-DD) and how it was done, as the bureau recorded it: due
   * again 12 months later (2025-04-24 → 2026-04-24, 45 days after the stack's usual 2026-03-10).
   */
  eligibility?: { lastCheckedOn: string; channel: 'community' | 'counter' | 'mobile' | 'app' };
}

const id = (first17: string) => first17 + idCheckDigit(first17);

export const RESIDENTS: FixtureResident[] = [
  {
    openid: 'oBmDemo01ZhangXiaoMing0000001',
    name: '张晓明',
    idNumber: id('44030519900307123'),
    phone: '13812345678',
    utilityAccounts: [
      { kind: 'water', providerId: 'water', accountNo: '310204587', holderName: '张晓明', address: '福田区莲花街道景田北路 18 号 3 栋 1202', label: '我家', unpaidMonths: 2 },
      { kind: 'electricity', providerId: 'power', accountNo: '0300123456789', holderName: '张晓明', address: '福田区莲花街道景田北路 18 号 3 栋 1202', label: '我家', unpaidMonths: 1 },
      { kind: 'gas', providerId: 'gas', accountNo: 'SZ20481357', holderName: '张晓明', address: '福田区莲花街道景田北路 18 号 3 栋 1202', label: '我家', unpaidMonths: 0 },
    ],
    vehicles: [{ plate: '粤B12345', engineNo: 'L4J2K8A61234', engineNoSuffix: 'A61234', vehicleType: 'small_car', plateKind: 'small_car', vehicleTypeName: '小型轿车', licencePhoto: '/api/__dev/assets/traffic/licence-yue-b12345.jpg' }],
    insurance: { insured: true, city: '深圳', since: '2012-07', profile: 'worker' },
  },
  {
    openid: 'oBmDemo02LiXiuYing00000000002',
    name: '李秀英',
    idNumber: id('44030419580912204'),
    phone: '13900001111',
    utilityAccounts: [
      { kind: 'water', providerId: 'water', accountNo: '310377126', holderName: '李秀英', address: '罗湖区东门街道湖贝新村 6 栋 501', label: '爸妈家', unpaidMonths: 3 },
      { kind: 'electricity', providerId: 'power', accountNo: '0300987654321', holderName: '李秀英', address: '罗湖区东门街道湖贝新村 6 栋 501', label: '爸妈家', unpaidMonths: 2, prepaidBalance: 1250 },
      { kind: 'gas', providerId: 'gas', accountNo: 'SZ20375519', holderName: '李秀英', address: '罗湖区东门街道湖贝新村 6 栋 501', label: '爸妈家', unpaidMonths: 1 },
    ],
    // A Beijing-registered car: an ordinary plate whose sequence merely starts with D; no violations.
    vehicles: [{ plate: '京AD1234', engineNo: 'K7M5P1D20846', engineNoSuffix: 'D20846', vehicleType: 'small_car', plateKind: 'small_car', vehicleTypeName: '小型轿车', licencePhoto: '/api/__dev/assets/traffic/licence-jing-ad1234.jpg' }],
    insurance: { insured: true, city: '深圳', since: '1998-03', profile: 'retiree', eligibility: { lastCheckedOn: '2025-04-24', channel: 'community' } },
  },
  {
    openid: 'oBmDemo03WangJianGuo00000003',
    name: '王建国',
    idNumber: id('44030619850520351'),
    phone: '13700002222',
    utilityAccounts: [
      { kind: 'electricity', providerId: 'power', accountNo: '0300555000111', holderName: '王建国', address: '南山区粤海街道科技园南区 2 栋 808', label: '我家', unpaidMonths: 0, prepaidBalance: 8630 },
      { kind: 'gas', providerId: 'gas', accountNo: 'SZ20990042', holderName: '王建国', address: '南山区粤海街道科技园南区 2 栋 808', label: '我家', unpaidMonths: 2 },
      { kind: 'water', providerId: 'water', accountNo: '310551903', holderName: '王建国', address: '南山区粤海街道科技园南区 2 栋 808', label: '我家', unpaidMonths: 1 },
    ],
    vehicles: [
      { plate: '粤B6D7K8', engineNo: 'G8H3M2B70915', engineNoSuffix: 'B70915', vehicleType: 'small_car', plateKind: 'small_car', vehicleTypeName: '小型普通客车', licencePhoto: '/api/__dev/assets/traffic/licence-yue-b6d7k8.jpg' },
      { plate: '粤BD12345', engineNo: 'EV9920C33187', engineNoSuffix: 'C33187', vehicleType: 'small_car', plateKind: 'small_nev', vehicleTypeName: '小型轿车', licencePhoto: '/api/__dev/assets/traffic/licence-yue-bd12345.jpg' },
    ],
    insurance: { insured: true, city: '深圳', since: '2008-09', profile: 'gap' },
  },
  {
    // A newcomer: nothing bound, nothing owed — the empty states.
    openid: 'oBmDemo04ChenJing000000000004',
    name: '陈静',
    idNumber: id('44030720010115862'),
    phone: '13600003333',
    utilityAccounts: [],
    vehicles: [],
    insurance: { insured: false, city: '深圳', since: '', profile: 'unknown' },
  },
];
