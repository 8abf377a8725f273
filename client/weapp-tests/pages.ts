/**
 * Every page of the mini-program, as the simulated-WeChat tests open it. The pages that must be
 * here are the flows' declarations (client/src/<flow>/flow.ts): pages.test.ts (and, without a
 * build, client/config/flows.test.ts) fails for a declared page with no entry.
 */
import { api, ensureBinding, ensureFineOrder, ensureOrder, ensureTicket, ensureVehicle, ensureVerified, MORNING, RESIDENTS, type FixtureResident } from './harness/residents';

export interface PageCase {
  /** As in app.json, with the subpackage root: `bills/pages/bill/index`. */
  route: string;
  /** Who is calling (WeChat's identity of the phone's user). */
  resident: FixtureResident;
  /** The functions' clock. */
  now: string;
  /** Prepares the resident's data through the real functions; resolves with the page's query. */
  setup?: (resident: FixtureResident, now: string) => Promise<Record<string, string>>;
  /** What the loaded page must say. */
  shows: Array<string | RegExp>;
  /** The function actions it must call on load (`bills.bill`), in any order; others are allowed. */
  calls: string[];
}

const [ZHANG, LI, WANG, CHEN] = RESIDENTS;

export const PAGES: PageCase[] = [
  {
    route: 'pages/hub/index',
    resident: ZHANG,
    now: MORNING,
    shows: ['便民服务', '生活缴费', '电费', '国网市供电公司', '可办理', '违章查询', '社保查询', '人工客服', '办理状态更新于 09:30'],
    calls: ['services.list', 'messages.list'],
  },
  {
    route: 'messages/pages/index/index',
    resident: CHEN,
    now: MORNING,
    shows: ['消息中心', '便民不会通过短信发送链接', '暂无消息'],
    calls: ['messages.list'],
  },
  {
    route: 'me/pages/data/index',
    resident: ZHANG,
    now: MORNING,
    setup: async (r, now) => {
      await ensureVehicle(r, now);
      return {};
    },
    shows: ['我的数据', /便民保存了关于你的 \d+ 条记录/, '添加的车辆', '保存多久', '删除时', '账户记录', '删除我的数据'],
    calls: ['me.export'],
  },
  {
    // Public: the same record for anyone, each department with its services, uptime and incidents.
    route: 'services/pages/status/index',
    resident: CHEN,
    now: MORNING,
    shows: ['各部门服务状态', '国网市供电公司', '电费查询', '市自来水公司', '水费缴纳', '可办理', '可用率', /近 30 天(没有中断|中断 \d+ 次)/, '12345 诉求办理（近 90 天）'],
    calls: ['services.statusPage'],
  },
  {
    route: 'bills/pages/households/index',
    resident: LI,
    now: MORNING,
    setup: async (r, now) => {
      await ensureBinding(r, now, 'electricity');
      return { kind: 'electricity' };
    },
    shows: ['我的电费户号', '爸妈家', '户号 ******4321', '应缴', '到期提醒', '已开启'],
    calls: ['bills.bindings', 'bills.bill'],
  },
  {
    route: 'bills/pages/bind/index',
    resident: CHEN,
    now: MORNING,
    setup: async () => ({ kind: 'water' }),
    shows: ['添加水费户号', '市自来水公司', '户主姓名', '备注名（选填）', '绑定户号'],
    calls: ['bills.providers'],
  },
  {
    route: 'bills/pages/bill/index',
    resident: LI,
    now: MORNING,
    setup: async (r, now) => ({ bindingId: await ensureBinding(r, now, 'water'), kind: 'water' }),
    shows: ['爸妈家 · 水费账单', '应缴金额', '立即缴费', '近 12 个月用水', /近 12 个月共用水 \d+ 立方米/],
    calls: ['bills.bill', 'bills.usage'],
  },
  {
    // A prepay electricity meter (李秀英's): its balance and 预存电费, and the department's rules only once the sheet opens.
    route: 'bills/pages/bill/index',
    resident: LI,
    now: MORNING,
    setup: async (r, now) => ({ bindingId: await ensureBinding(r, now, 'electricity'), kind: 'electricity' }),
    shows: ['爸妈家 · 电费账单', '余额', '¥12.50', '预存电费'],
    calls: ['bills.bill', 'bills.usage'],
  },
  {
    route: 'bills/pages/result/index',
    resident: WANG,
    now: MORNING,
    setup: async (r, now) => ({ orderId: await ensureOrder(r, now, 'gas') }),
    shows: ['待支付', '燃气费', '订单号'],
    calls: ['payments.order'],
  },
  {
    route: 'bills/pages/orders/index',
    resident: WANG,
    now: MORNING,
    setup: async (r, now) => {
      await ensureOrder(r, now, 'gas');
      return {};
    },
    // 已支付 is the default: an order not paid yet is only under 全部 (bills.test.ts taps it).
    shows: ['我的订单', '水电燃气缴费、预存电费和交通罚款', '已支付', '全部', '还没有支付成功的订单', '看全部订单'],
    calls: ['payments.orders'],
  },
  {
    route: 'insurance/pages/verify/index',
    resident: CHEN,
    now: MORNING,
    shows: ['实名认证', '为什么要认证', '身份证号', '下一步：人脸认证'],
    calls: ['insurance.verification'],
  },
  {
    route: 'insurance/pages/summary/index',
    resident: ZHANG,
    now: MORNING,
    setup: async (r, now) => {
      await ensureVerified(r, now);
      return {};
    },
    shows: ['我的社保', '数据更新至 2026年1月', '张*明', '4403**********', '养老保险个人账户', '五险参保状态', '参保缴费', '查询记录'],
    calls: ['insurance.summary'],
  },
  {
    route: 'insurance/pages/records/index',
    resident: WANG,
    now: MORNING,
    setup: async (r, now) => {
      await ensureVerified(r, now);
      return { insurance: 'unemployment' };
    },
    shows: ['缴费记录', '失业保险', '2025年', '断缴', '欠缴'],
    calls: ['insurance.records'],
  },
  {
    route: 'insurance/pages/access/index',
    resident: ZHANG,
    now: MORNING,
    setup: async (r, now) => {
      await ensureVerified(r, now);
      // One read, so the log has something to list.
      await api(r, now, 'insurance', { action: 'summary' });
      return {};
    },
    shows: ['查询记录', '查看参保概况', '本微信号'],
    calls: ['insurance.accessLog'],
  },
  {
    route: 'traffic/pages/vehicles/index',
    resident: ZHANG,
    now: MORNING,
    setup: async (r, now) => {
      await ensureVehicle(r, now);
      return {};
    },
    shows: ['我的车辆', '粤B·1**45', '小型汽车', '待处理 1 条', '违法记录'],
    calls: ['traffic.vehicles', 'traffic.violations', 'services.status'],
  },
  {
    route: 'traffic/pages/add/index',
    resident: CHEN,
    now: MORNING,
    shows: ['添加车辆', '拍照识别行驶证', '号牌号码', '发动机号后六位', '备注名（选填）'],
    calls: [],
  },
  {
    route: 'traffic/pages/violations/index',
    resident: ZHANG,
    now: MORNING,
    setup: async (r, now) => ({ vehicleId: await ensureVehicle(r, now) }),
    shows: ['粤B·1**45 违法记录', '待处理', '待缴款', '已完成', '今日应缴 ¥400.00', '1 条 · 罚款 ¥200.00', '交警系统中这辆车的记录更新于 20', '几天内才会录入交警系统'],
    calls: ['traffic.violations'],
  },
  {
    route: 'traffic/pages/violation/index',
    resident: ZHANG,
    now: MORNING,
    setup: async (r, now) => ({ vehicleId: await ensureVehicle(r, now), violationId: '44030126000001' }),
    shows: ['今日应缴', '¥400.00', '已达上限', '440304100012345678', '深南大道', '违反条款'],
    calls: ['traffic.violation'],
  },
  {
    route: 'traffic/pages/receipt/index',
    resident: ZHANG,
    now: MORNING,
    setup: async (r, now) => ({ orderId: await ensureFineOrder(r, now, '44030126000002') }),
    shows: ['缴款凭证', '待支付', '440305100023456789', '加处罚款（滞纳金）', '订单号'],
    calls: ['payments.order'],
  },
  {
    route: 'tickets/pages/new/index',
    resident: CHEN,
    now: MORNING,
    shows: ['12345 诉求', '诉求类型', '投诉', '城市管理', '问题描述', '0/1000', '添加照片', '提交诉求'],
    calls: ['tickets.categories'],
  },
  {
    route: 'insurance/pages/eligibility/index',
    // The retiree, 45 days before her 待遇资格认证 is due.
    resident: LI,
    now: MORNING,
    setup: async (r, now) => {
      await ensureVerified(r, now);
      return {};
    },
    shows: ['养老金待遇资格认证', '即将到期', '2026年4月24日', '还有 45 天', '社区上门认证', '刷脸完成本年度认证'],
    calls: ['insurance.eligibility'],
  },
  {
    route: 'me/pages/agenda/index',
    resident: ZHANG,
    now: MORNING,
    // Other cases pay this resident's bills; the car's fines stay owed.
    setup: async (r, now) => {
      await ensureVehicle(r, now);
      return {};
    },
    shows: ['我的待办', '交通违法罚款待缴', '今天应缴', '达到上限', '去缴款'],
    calls: ['me.agenda'],
  },
  {
    route: 'tickets/pages/mine/index',
    resident: CHEN,
    now: MORNING,
    setup: async (r, now) => {
      await ensureTicket(r, now);
      return {};
    },
    shows: ['我的诉求', '投诉 · 城市管理', '井盖缺失', '工单号'],
    calls: ['tickets.tickets'],
  },
  {
    route: 'tickets/pages/detail/index',
    resident: CHEN,
    now: MORNING,
    setup: async (r, now) => ({ ticketId: await ensureTicket(r, now) }),
    shows: ['投诉 · 城市管理', '办理记录', '138****5678', '景田北路 18 号门口', '联系人工客服'],
    calls: ['tickets.ticket'],
  },
  {
    route: 'tickets/pages/agent/index',
    resident: CHEN,
    now: MORNING,
    shows: ['人工客服', '客服在线', '联系人工客服'],
    calls: ['tickets.agent'],
  },
  {
    // Nobody in 陈静's family circle yet: the empty list says what a circle is for.
    route: 'me/pages/family/index',
    resident: CHEN,
    now: MORNING,
    shows: ['亲友代办', '邀请亲友代办', '输入邀请码', '还没有亲友代办'],
    calls: ['me.familyList'],
  },
  {
    route: 'me/pages/family-invite/index',
    resident: CHEN,
    now: MORNING,
    shows: ['邀请亲友代办', '授权范围', '水电燃气缴费', '交通违法查询缴款', '12345 诉求', '社保查询', '生成邀请'],
    calls: [],
  },
  {
    // Opened from a share card: the code is filled in.
    route: 'me/pages/family-accept/index',
    resident: CHEN,
    now: MORNING,
    setup: async () => ({ code: 'ABCDEFGHJKMNPQRS' }),
    shows: ['接受代办邀请', '邀请码', '接受邀请'],
    calls: [],
  },
];
