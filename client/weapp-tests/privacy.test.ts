/**
 * WeChat's privacy rules as the built mini-program meets them: one onNeedPrivacyAuthorization
 * listener for the whole app, the consent sheet on the page that called a privacy API (held by
 * WeChat until the answer), agreeing through WeChat's own agreePrivacyAuthorization button, and
 * a refusal said as what it is — never silence, never "cancelled".
 */
import { mountPage, type MountedPage } from './harness/mini-program';
import { MORNING, RESIDENTS } from './harness/residents';
import { findAll } from './harness/wxml';

const [, , , CHEN] = RESIDENTS;
let page: MountedPage | null = null;
afterEach(() => {
  page?.close();
  page = null;
});

const newTicket = async (privacyAgreed = false) => (page = await mountPage('tickets/pages/new/index', { openid: CHEN.openid, now: MORNING, privacyAgreed }));
const sheetShown = (p: MountedPage) => findAll(p.wxml(), (n) => n.attr['aria-role'] === 'dialog' && String(n.attr['aria-label']) === '便民隐私保护指引').length === 1;

it('registers one privacy listener for the whole mini-program, before any page runs', async () => {
  const p = (page = await mountPage('pages/hub/index', { openid: CHEN.openid, now: MORNING }));
  expect(p.record.privacy.listeners).toHaveLength(1);
  expect(sheetShown(p)).toBe(false);
});

it('holds 添加照片 until the resident answers: the sheet says what and why, 拒绝 says exactly what does not work', async () => {
  const p = await newTicket();
  await p.tap('添加照片');
  expect(sheetShown(p)).toBe(true);
  expect(p.text()).toContain('添加照片和视频、拍行驶证识别车辆需要你同意《便民隐私保护指引》中的“选中的照片或视频信息”');
  expect(p.text()).toContain('不同意也能继续缴费、查询和提交诉求');
  expect(p.record.privacy.exposed).toBeGreaterThan(0);
  expect(p.record.chooseMedia).toEqual([]);

  await p.tap('拒绝');
  expect(sheetShown(p)).toBe(false);
  expect(p.record.chooseMedia).toEqual([]);
  expect(p.texts('bm-privacy-refusal').join('')).toContain('你没有同意《便民隐私保护指引》，所以添加照片和视频用不了，其他功能照常可用。想用时再点一次，在弹出的指引里选“同意”。不附照片也能提交诉求。');
  expect(p.errors).toEqual([]);
});

it('agrees through WeChat’s own button (by its id), then the held call runs: chooseMedia, never chooseImage, and the upload', async () => {
  const p = await newTicket();
  await p.tap('添加照片');
  const button = findAll(p.wxml(), (n) => n.attr['open-type'] === 'agreePrivacyAuthorization');
  expect(button.map((b) => b.attr.id)).toEqual(['bm-privacy-agree']);
  await p.agreePrivacy();
  expect(p.record.privacy).toMatchObject({ agreed: true, refusedAnswers: [] });
  expect(sheetShown(p)).toBe(false);
  expect(p.record.chooseMedia).toEqual([expect.objectContaining({ mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })]);
  expect(p.record.uploadFile).toEqual([expect.objectContaining({ filePath: 'wxfile://tmp/photo-1.jpg', cloudPath: expect.stringMatching(/^tickets\/photo\/[\w-]+\.jpg$/) })]);
  expect(p.texts('bm-privacy-refusal')).toEqual([]);
  expect(p.errors).toEqual([]);
});

it('asks nothing once agreed: a video goes straight to chooseMedia with the 60 s limit', async () => {
  const p = await newTicket(true);
  await p.tap(/^添加视频/);
  expect(sheetShown(p)).toBe(false);
  expect(p.record.chooseMedia).toEqual([expect.objectContaining({ mediaType: ['video'], maxDuration: 60 })]);
  expect(p.record.uploadFile).toEqual([expect.objectContaining({ cloudPath: expect.stringMatching(/^tickets\/video\/[\w-]+\.mp4$/) })]);
});

it('says a refused map pick refused, and that typing the place still works', async () => {
  const p = await newTicket();
  await p.tap('在地图上选');
  expect(p.text()).toContain('“选择的位置信息”：用于在地图上选择 12345 诉求发生的地点');
  await p.tap('拒绝');
  expect(p.record.chooseLocation).toBe(0);
  expect(p.texts('bm-privacy-refusal').join('')).toMatch(/在地图上选择地点用不了.*可以直接输入地点/);
});

it('sends a permission refused earlier (auth deny) to WeChat’s settings with 去设置', async () => {
  const p = await newTicket(true);
  p.record.pickerFailure = { errMsg: 'fail auth deny', errno: 103 };
  await p.tap('添加照片');
  expect(p.texts('bm-privacy-refusal').join('')).toContain('你之前没有允许便民使用这项权限');
  await p.tap('去设置');
  expect(p.record.openSetting).toBe(1);
});
