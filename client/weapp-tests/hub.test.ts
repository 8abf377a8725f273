/** The hub as WeChat runs it: the main package's only page, fed by the real services function. */
import { CATALOGUE as catalogue, type ServicesListResult } from '@bianmin/core';
import { mountPage, type MountedPage } from './harness/mini-program';
import { EVENING, MORNING, RESIDENTS } from './harness/residents';
import { findAll, textOf, type WxmlNode } from './harness/wxml';

const [ZHANG] = RESIDENTS;
let page: MountedPage | null = null;
afterEach(() => {
  page?.close();
  page = null;
});

const open = async (now = MORNING) => (page = await mountPage('pages/hub/index', { openid: ZHANG.openid, now }));
const servicesCalls = (p: MountedPage) => p.record.calls.filter((c) => c.name === 'services' && c.data.action === 'list').length;

/** The hub's tiles on WeChat's own tree: the pressable `bm-tile`s, in page order. */
const tileNodes = (p: MountedPage) => findAll(p.wxml(), (n) => String(n.attr.class ?? '').split(' ').includes('bm-tile'));
/** A tile's name: its accessible label starts with it (name，department，status). */
const tileName = (n: WxmlNode) => String(n.attr['aria-label'] ?? '').split('，')[0];

it('shows every tile in catalogue order, category by category, the services that share a tile as one', async () => {
  const p = await open();
  const order = new Map(catalogue.categories.map((c) => [c.id, c.order]));
  const sorted = [...catalogue.services].sort((a, b) => order.get(a.category)! - order.get(b.category)!);
  // A utility's 查询 and 缴费 share one tile (电费); every other service is its own tile.
  const expected = [...new Set(sorted.map((s) => s.tile ?? s.name))];
  expect(expected).toEqual(['水费', '电费', '燃气费', '违章查询', '罚款缴纳', '社保查询', '投诉与咨询', '人工客服']);
  const tiles = tileNodes(p);
  expect(tiles.map(tileName)).toEqual(expected);
  // Each tile shows its name, and its state in words: 可办理, or 即将上线 for a flow not live yet.
  for (const [i, t] of tiles.entries()) {
    const live = catalogue.services.filter((s) => (s.tile ?? s.name) === expected[i]).every((s) => s.live);
    expect({ name: expected[i], text: textOf(t) }).toEqual({ name: expected[i], text: expect.stringContaining(expected[i]) });
    expect({ name: expected[i], text: textOf(t) }).toEqual({ name: expected[i], text: expect.stringContaining(live ? '可办理' : '即将上线') });
  }
  expect(p.errors).toEqual([]);
});

it('opens the flow on a tap on an open tile', async () => {
  const p = await open();
  expect(states(p)['bills.electricity.pay']).toBe('open');
  expect(states(p)['bills.electricity.query']).toBe('open');
  await p.tap('电费');
  expect(p.record.navigateTo).toEqual(['/bills/pages/households/index?kind=electricity']);
  expect(p.record.showModal).toEqual([]);
  expect(findAll(p.wxml(), (n) => n.attr['aria-role'] === 'dialog')).toEqual([]);
});

/** The hub's tile states as the services function answered them. */
function states(p: MountedPage): Record<string, string | undefined> {
  const list = p.record.calls.filter((c) => c.name === 'services' && c.data.action === 'list').at(-1)?.result;
  if (!list?.ok) throw new Error(`services.list failed: ${JSON.stringify(list)}`);
  const { services } = list.data as ServicesListResult;
  return Object.fromEntries(services.map((s) => [s.id, s.availability?.state]));
}

it('opens every flow from its tile: all four flows are live, none is 即将上线', async () => {
  const p = await open();
  expect(catalogue.services.filter((s) => !s.live)).toEqual([]);
  expect(p.text()).not.toContain('即将上线');
  // 人工客服 opens its own page (open hours are shown there, with the contact button).
  await p.tap('人工客服');
  expect(p.record.navigateTo).toEqual(['/tickets/pages/agent/index']);
  expect(p.record.showModal).toEqual([]);
  expect(findAll(p.wxml(), (n) => n.attr['aria-role'] === 'dialog')).toEqual([]);
  expect(p.errors).toEqual([]);
});

// The kit's Sheet ignores taps on its buttons for 500 ms after it opens (the second tap
// of a double tap must not confirm what the resident has not read). The page's clock is held
// still (jest's fake Date alone: its timers stay real, so the page renders and the sheet arms as
// it would), so "within 500 ms" does not depend on how loaded the machine is.
describe('a sheet’s buttons right after it opens', () => {
  const holdClock = () =>
    jest.useFakeTimers({
      doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
    });
  afterEach(() => jest.useRealTimers());
  const dialogs = (p: MountedPage) => findAll(p.wxml(), (n) => n.attr['aria-role'] === 'dialog');

  it('ignores a tap on a sheet’s button within 500 ms of the sheet opening', async () => {
    holdClock();
    const p = await open();
    const opened = Date.now();
    await p.tap('i', 0); // 水费's ⓘ: its availability sheet
    expect(dialogs(p)).toHaveLength(1);
    // The second tap of a double tap, at once and 499 ms later: the sheet stays open.
    await p.tap('关闭', 0, { early: true });
    expect(dialogs(p)).toHaveLength(1);
    jest.setSystemTime(opened + 499);
    await p.tap('关闭', 0, { early: true });
    expect(dialogs(p)).toHaveLength(1);
    expect(String(dialogs(p)[0]!.attr['aria-label'])).toMatch(/办理时间$/);
    expect(p.record.navigateTo).toEqual([]);
    expect(p.errors).toEqual([]);
  });

  it('takes the tap 500 ms after the sheet opened, once its buttons are armed', async () => {
    holdClock();
    const p = await open();
    const opened = Date.now();
    await p.tap('i', 0); // 水费's ⓘ: its availability sheet
    expect(dialogs(p)).toHaveLength(1);
    jest.setSystemTime(opened + 500);
    // tap waits for the sheet to show its buttons armed (bm-sheet__actions--armed), as a resident would.
    await p.tap('关闭');
    expect(dialogs(p)).toEqual([]);
    expect(p.errors).toEqual([]);
  });
});

// A tile is closed only when every action it stands for refuses calls (tileOf in
// client/src/pages/hub/group.ts). At 21:50 gas payments are closed but gas queries are not (they
// run all day, as every utility query does): the 燃气费 tile still opens the flow and says in
// words when payment resumes, and its ⓘ opens the availability sheet for the closed action.
it('says when a closed action resumes, and opens its availability sheet from the tile’s ⓘ', async () => {
  const p = await open(EVENING); // gas payments close at 21:00
  expect(states(p)['bills.gas.pay']).toBe('closed');
  expect(states(p)['bills.gas.query']).toBe('open');
  const gas = tileNodes(p).find((t) => tileName(t) === '燃气费')!;
  expect(textOf(gas)).toContain('可查询 · 缴费 明天 07:00 恢复');
  // Every live tile has its ⓘ; the third is 燃气费's.
  expect(findAll(p.wxml(), (n) => n.attr['aria-role'] === 'button' && String(n.attr['aria-label'] ?? '').endsWith('办理时间')).map((n) => n.attr['aria-label'])).toEqual([
    '水费办理时间',
    '电费办理时间',
    '燃气费办理时间',
    '违章查询办理时间',
    '罚款缴纳办理时间',
    '社保查询办理时间',
    '投诉与咨询办理时间',
    '人工客服办理时间',
  ]);
  await p.tap('i', 2);
  expect(p.record.navigateTo).toEqual([]);
  expect(p.record.showModal).toEqual([]);
  expect(p.record.calls.map((c) => `${c.name}.${c.data.action}`)).toEqual(expect.arrayContaining(['services.status', 'services.reminders']));
  expect(p.record.calls.find((c) => c.data.action === 'status')?.data.serviceId).toBe('bills.gas.pay');
  expect(p.text()).toContain('提醒我');
  // The sheet is a dialog on WeChat's own tree too.
  const dialogs = findAll(p.wxml(), (n) => n.attr['aria-role'] === 'dialog');
  expect(dialogs.map((d) => d.attr['aria-modal'])).toEqual(['true']);
  expect(p.errors).toEqual([]);
});

it('opens the availability sheet, not the flow, on a tap on a closed tile', async () => {
  const p = await open();
  // Every gas action refusing calls takes the gas department not answering, which no fixture
  // moment reaches (and faulting the shared stack would break the other files' gas pages): the
  // list's real answer, with both gas services as services.list says a department is down.
  p.record.rewrite.set('services.list', (env) => {
    if (!env.ok) return env;
    const data = env.data as ServicesListResult;
    const services = data.services.map((s) =>
      s.department === 'gas' ? { ...s, availability: { ...s.availability, state: 'down' as const, reason: 'department_unreachable' as const, message: '燃气公司系统暂时无法连接' } } : s,
    );
    return { ...env, data: { ...data, services } };
  });
  await p.pullDownRefresh();
  expect(states(p)['bills.gas.query']).toBe('down');
  expect(states(p)['bills.gas.pay']).toBe('down');
  const gas = tileNodes(p).find((t) => tileName(t) === '燃气费')!;
  expect(textOf(gas)).not.toContain('可办理');
  await p.tap('燃气费');
  expect(p.record.navigateTo).toEqual([]);
  expect(p.record.showModal).toEqual([]);
  expect(p.record.calls.map((c) => `${c.name}.${c.data.action}`)).toEqual(expect.arrayContaining(['services.status', 'services.reminders']));
  // The tile speaks for the first of its actions that refuses calls: 查询.
  expect(p.record.calls.find((c) => c.data.action === 'status')?.data.serviceId).toBe('bills.gas.query');
  const dialogs = findAll(p.wxml(), (n) => n.attr['aria-role'] === 'dialog');
  expect(dialogs.map((d) => d.attr['aria-modal'])).toEqual(['true']);
  expect(textOf(dialogs[0])).toContain('燃气费查询');
  expect(p.errors).toEqual([]);
});

it('reloads on pull-down refresh and stops the refresh animation once', async () => {
  const p = await open();
  const before = servicesCalls(p);
  const unread = () => p.record.calls.filter((c) => c.name === 'messages' && c.data.action === 'list').length;
  const unreadBefore = unread();
  await p.pullDownRefresh();
  expect(servicesCalls(p)).toBe(before + 1);
  expect(unread()).toBe(unreadBefore + 1);
  // The services and the unread count both reload; the indicator stops once, after both.
  expect(p.record.stopPullDownRefresh).toBe(1);
});

it('keeps the tiles and says so when a refresh fails', async () => {
  const p = await open();
  p.record.failNext.set('services', 1);
  await p.pullDownRefresh();
  // When the data on screen is from: the server's time of the last answer (09:30).
  expect(p.text()).toContain('刷新失败，下面是 09:30 的结果');
  expect(tileNodes(p).map(tileName)).toEqual(['水费', '电费', '燃气费', '违章查询', '罚款缴纳', '社保查询', '投诉与咨询', '人工客服']);
  expect(p.record.stopPullDownRefresh).toBe(1);
  // …and the 重试 on the notice loads them again.
  const before = servicesCalls(p);
  await p.tap('重试');
  expect(servicesCalls(p)).toBe(before + 1);
  expect(p.text()).not.toContain('刷新失败');
  expect(p.errors).toEqual([]);
});

it('switches large-font mode on, for this page and the next ones', async () => {
  const p = await open();
  const root = () => findAll(p.wxml(), (n) => n.tag === 'view' && String(n.attr.class ?? '').includes('bm-page'))[0];
  const toggle = () => findAll(p.wxml(), (n) => n.attr['aria-role'] === 'switch')[0];
  expect(String(root().attr.class)).not.toContain('bm-large-font');
  expect(toggle().attr['aria-checked']).toBe(false);
  await p.tap('大字模式');
  expect(String(root().attr.class)).toContain('bm-large-font');
  expect(toggle().attr['aria-checked']).toBe(true);
  expect(p.storage.get('bianmin.a11y.largeFont')).toBe(true);
});

it('reaches WeChat with its heading levels and labels (the aria registration at work)', async () => {
  const p = await open();
  const tree = p.wxml();
  const headings = findAll(tree, (n) => n.attr['aria-role'] === 'heading').map((n) => [n.attr['aria-level'], n.children.length > 0]);
  expect(headings[0]).toEqual(['1', true]);
  expect(headings.slice(1).map(([level]) => level)).toEqual(['2', '2', '2', '2']);
  // The attribute after the aria ones in Taro's table still lands where the template reads it.
  const tiles = findAll(tree, (n) => n.attr['aria-role'] === 'button' && String(n.attr['aria-label'] ?? '').startsWith('电费，'));
  expect(tiles.length).toBeGreaterThan(0);
  expect(tiles[0].attr['hover-class']).not.toBe('none');
  // The data WeChat receives carries no web-only `role` (no template reads it).
  expect(JSON.stringify(p.data())).not.toContain('"role":');
});

it('starts CloudBase with the environment the build was given (npm test: bianmin-test-env), never a default', async () => {
  const p = await open();
  expect(p.record.cloudInit).toEqual([{ env: process.env.CLOUD_ENV ?? 'bianmin-test-env', traceUser: true }]);
});
