/** The hub as WeChat runs it: the main package's only page, fed by the real services function. */
import { CATALOGUE as catalogue, type ServicesListResult } from '@bianmin/core';
import { mountPage, type MountedPage } from './harness/mini-program';
import { EVENING, MORNING, RESIDENTS } from './harness/residents';
import { findAll } from './harness/wxml';

const [ZHANG] = RESIDENTS;
let page: MountedPage | null = null;
afterEach(() => {
  page?.close();
  page = null;
});

const open = async (now = MORNING) => (page = await mountPage('pages/hub/index', { openid: ZHANG.openid, now }));
const servicesCalls = (p: MountedPage) => p.record.calls.filter((c) => c.name === 'services' && c.data.action === 'list').length;

it('shows every tile in catalogue order, category by category', async () => {
  const p = await open();
  const order = new Map(catalogue.categories.map((c) => [c.id, c.order]));
  const expected = [...catalogue.services].sort((a, b) => order.get(a.category)! - order.get(b.category)!).map((s) => s.name);
  expect(expected).toHaveLength(11);
  // Each name found after the one before it: the page lists them in this order.
  const text = p.text();
  let at = 0;
  for (const name of expected) {
    const next = text.indexOf(name, at);
    expect({ name, found: next >= 0 }).toEqual({ name, found: true });
    at = next + name.length;
  }
  expect(p.errors).toEqual([]);
});

it('opens the flow on a tap on an open tile', async () => {
  const p = await open();
  expect(states(p)['bills.electricity.pay']).toBe('open');
  await p.tap('电费缴纳');
  expect(p.record.navigateTo).toEqual(['/bills/pages/households/index?kind=electricity']);
  expect(p.record.showModal).toEqual([]);
});

/** The hub's tile states as the services function answered them. */
function states(p: MountedPage): Record<string, string | undefined> {
  const list = p.record.calls.filter((c) => c.name === 'services' && c.data.action === 'list').at(-1)?.result;
  if (!list?.ok) throw new Error(`services.list failed: ${JSON.stringify(list)}`);
  const { services } = list.data as ServicesListResult;
  return Object.fromEntries(services.map((s) => [s.id, s.availability?.state]));
}

it('says a flow is coming when its subpackage is not in the build, instead of failing', async () => {
  const p = await open();
  expect(states(p)['traffic.query']).toBe('open');
  await p.tap('违章查询');
  expect(p.record.navigateTo).toEqual([]);
  expect(p.record.showModal).toEqual([expect.objectContaining({ title: '违章查询', content: '该服务正在接入中，敬请期待' })]);
});

it('opens the availability sheet, not the flow, on a tap on a closed tile', async () => {
  const p = await open(EVENING); // gas payments close at 21:00
  expect(states(p)['bills.gas.pay']).toBe('closed');
  await p.tap('燃气费缴纳');
  expect(p.record.navigateTo).toEqual([]);
  expect(p.record.calls.map((c) => `${c.name}.${c.data.action}`)).toEqual(expect.arrayContaining(['services.status', 'services.reminders']));
  expect(p.record.calls.find((c) => c.data.action === 'status')?.data.serviceId).toBe('bills.gas.pay');
  expect(p.text()).toContain('提醒我');
  // The sheet is a dialog on WeChat's own tree too.
  const dialogs = findAll(p.wxml(), (n) => n.attr['aria-role'] === 'dialog');
  expect(dialogs.map((d) => d.attr['aria-modal'])).toEqual(['true']);
  expect(p.errors).toEqual([]);
});

it('reloads on pull-down refresh and stops the refresh animation', async () => {
  const p = await open();
  const before = servicesCalls(p);
  await p.pullDownRefresh();
  expect(servicesCalls(p)).toBe(before + 1);
  expect(p.record.stopPullDownRefresh).toBe(1);
});

it('keeps the tiles and says so when a refresh fails', async () => {
  const p = await open();
  p.record.failNext.set('services', 1);
  await p.pullDownRefresh();
  expect(p.text()).toContain('刷新失败，下面是上次的结果');
  expect(p.text()).toContain('电费缴纳');
  expect(p.record.stopPullDownRefresh).toBe(1);
  // …and the 重试 on the notice loads them again.
  await p.tap('重试');
  expect(p.text()).not.toContain('刷新失败');
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
  const tiles = findAll(tree, (n) => n.attr['aria-role'] === 'button' && String(n.attr['aria-label'] ?? '').includes('电费缴纳'));
  expect(tiles.length).toBeGreaterThan(0);
  expect(tiles[0].attr['hover-class']).not.toBe('none');
  // The data WeChat receives carries no web-only `role` (no template reads it).
  expect(JSON.stringify(p.data())).not.toContain('"role":');
});
