/**
 * Social insurance inside WeChat: the verify page runs WeChat's own face check
 * (`wx.requestFacialVerify`) for the verify_id the server got from `getVerifyId`, and waits for
 * the server, which reads the result with `queryVerifyInfo`; a pass goes on to the summary, a
 * fail keeps every read behind VERIFICATION_REQUIRED.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, mountPage, type MountedPage } from './harness/mini-program';
import { MORNING, RESIDENTS } from './harness/residents';
import { callStack } from './harness/wx';

const [ZHANG, , WANG] = RESIDENTS;
let page: MountedPage | null = null;
afterEach(() => {
  page?.close();
  page = null;
});

async function verifyOnThePage(openid: string, person: { name: string; idNumber: string }, outcome: 'pass' | 'fail') {
  const p = (page = await mountPage('insurance/pages/verify/index', { openid, now: MORNING }));
  p.record.faceOutcome = outcome;
  await p.type('bm-ins-verify__name', person.name);
  await p.type('bm-ins-verify__id', person.idNumber);
  await p.tap('下一步：人脸认证');
  // The result comes from the server's next look (queryVerifyInfo), not from the callback.
  for (let i = 0; i < 50 && p.record.redirectTo.length === 0 && !p.text().includes('人脸认证未通过'); i++) {
    await new Promise((r) => setTimeout(r, 100));
    await p.settle();
  }
  return p;
}

it('verifies with WeChat’s face check, the server reading the pass from WeChat, then shows the summary', async () => {
  const openid = 'oWeappInsuranceZhang01';
  const p = await verifyOnThePage(openid, ZHANG, 'pass');
  const verify = p.record.calls.find((c) => c.data.action === 'verify');
  expect(verify?.data).toEqual({ action: 'verify', name: ZHANG.name, idNumber: ZHANG.idNumber, method: 'wechat' });
  const started = verify?.result as { ok: true; data: { method: string; verifyId: string } };
  expect(started.data.method).toBe('wechat');
  expect(p.record.requestFacialVerify).toEqual([started.data.verifyId]);
  expect(p.record.sequence.indexOf('requestFacialVerify')).toBeGreaterThan(p.record.sequence.indexOf('cloud:insurance.verify'));
  const lastLook = p.record.calls.filter((c) => c.data.action === 'verification').at(-1);
  expect(lastLook?.result).toMatchObject({ ok: true, data: { verification: { method: 'wechat', status: 'passed' } } });
  expect(p.record.redirectTo).toEqual([expect.stringContaining('insurance/pages/summary/index')]);
  expect(p.errors).toEqual([]);
  p.close();

  const summary = (page = await mountPage('insurance/pages/summary/index', { openid, now: MORNING }));
  expect(summary.record.calls.find((c) => c.data.action === 'summary')?.result).toMatchObject({ ok: true });
  expect(summary.text()).toContain('养老保险');
  expect(summary.text()).not.toContain('请先完成实名认证');
});

it('keeps verification required after a failed WeChat face check and says why', async () => {
  const openid = 'oWeappInsuranceWang001';
  const p = await verifyOnThePage(openid, WANG, 'fail');
  expect(p.record.requestFacialVerify).toHaveLength(1);
  expect(p.text()).toContain('人脸认证未通过');
  expect(p.record.redirectTo).toEqual([]);
  const summary = await callStack('insurance', { action: 'summary' }, { openid, now: MORNING });
  expect(summary).toMatchObject({ ok: false, error: { code: 'VERIFICATION_REQUIRED' } });
});

it('the weapp output runs WeChat’s face check and no longer carries the "not available in this version" path', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const at = join(dir, f);
      if (statSync(at).isDirectory()) walk(at);
      else if (f.endsWith('.js')) files.push(at);
    }
  };
  walk(DIST);
  const all = files.map((f) => readFileSync(f, 'utf8')).join('\n');
  expect(all).toContain('requestFacialVerify');
  expect(all).not.toContain('还没有接入人脸核身组件');
  expect(all).not.toContain('startVerify');
});
