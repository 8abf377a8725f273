import { act, renderHook } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { VerificationView } from '@bianmin/core';
import { ApiError, callFunction } from '../../../api';
import { faceCheckAvailable, openFaceCheck } from '../../shared/face-step';
import { readPending } from '../../shared/pending';
import { useVerify } from './use-verify';

jest.mock('../../../api', () => {
  const actual = jest.requireActual('../../../api');
  return { ...actual, callFunction: jest.fn() };
});
// The weapp face step (wx.requestFacialVerify) reports only that the resident came back.
jest.mock('../../shared/face-step', () => ({
  ...jest.requireActual('../../shared/face-step'),
  openFaceCheck: jest.fn(async () => 'returned'),
  faceCheckAvailable: jest.fn(() => true),
}));

const call = callFunction as jest.MockedFunction<typeof callFunction>;
const ID = '0b6f7c1e-1111-4222-8333-944445555666';
const ZHANG = { name: '张晓明', idNumber: '440305199003071236' };

const view = (status: VerificationView['status'], message?: string): VerificationView => ({
  verificationId: ID,
  method: 'faceid',
  status,
  nameMasked: '张*明',
  idNumberMasked: '4403**********1236',
  createdAt: '2026-03-10T12:00:00+08:00',
  expiresAt: '2026-03-10T12:30:00+08:00',
  ...(message ? { message } : {}),
});

/** Answers by action: `verification` from a queue the test fills, `verify` starts ID. */
function serve(verifications: Array<VerificationView | null>, verify?: () => never) {
  call.mockImplementation((async (_fn: string, data: { action: string }) => {
    if (data.action === 'verify') return verify ? verify() : { verificationId: ID, method: 'wechat', verifyId: 'VERIFY-ID-0000000001', expiresAt: '2026-03-10T12:30:00+08:00' };
    if (data.action === 'verification') return { verification: verifications.length > 1 ? verifications.shift()! : verifications[0]! };
    throw new Error(`unexpected ${data.action}`);
  }) as never);
}

const settle = () => act(async () => undefined);

// The jest build of Taro (h5) has no storage or navigation: the phone's storage as a map, and
// navigation recorded.
const storage = new Map<string, unknown>();
const redirectTo = jest.fn(async (_o: { url: string }) => ({ errMsg: 'redirectTo:ok' }));
Object.assign(Taro, {
  getStorageSync: (k: string) => storage.get(k) ?? '',
  setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
  removeStorageSync: (k: string) => void storage.delete(k),
  redirectTo,
  showToast: jest.fn(async () => ({ errMsg: 'showToast:ok' })),
});

beforeEach(() => {
  jest.useFakeTimers();
  call.mockReset();
  storage.clear();
  redirectTo.mockClear();
  (openFaceCheck as jest.Mock).mockClear();
});
afterEach(() => {
  jest.useRealTimers();
});

const render = (returnTo = '/insurance/pages/records/index?insurance=medical') =>
  renderHook(() => useVerify({ returnTo, handleRefusal: () => false, forceForm: false }));

describe('the verify step', () => {
  it('waits for the server to say passed — not the face step — then returns where the resident was', async () => {
    serve([null, view('pending'), view('pending'), view('passed')]);
    const hook = render();
    await settle();
    expect(hook.result.current.step).toBe('form');
    await act(() => hook.result.current.submit(ZHANG));
    // The check was asked for by the platform's method, the face step came back, and still
    // nothing is shown: the server has no result from WeChat yet.
    expect(call).toHaveBeenCalledWith('insurance', { action: 'verify', name: ZHANG.name, idNumber: ZHANG.idNumber, method: 'wechat' });
    expect(openFaceCheck).toHaveBeenCalledWith(expect.objectContaining({ method: 'wechat', verifyId: 'VERIFY-ID-0000000001' }));
    await settle();
    expect(hook.result.current.step).toBe('waiting');
    expect(redirectTo).not.toHaveBeenCalled();
    // Only the id and the way back are kept, never the name or number.
    expect(readPending()).toEqual({ verificationId: ID, returnTo: '/insurance/pages/records/index?insurance=medical' });
    expect(JSON.stringify(readPending())).not.toContain(ZHANG.idNumber);
    await act(async () => void jest.advanceTimersByTime(2500));
    await settle();
    expect(redirectTo).toHaveBeenCalledWith({ url: '/insurance/pages/records/index?insurance=medical' });
    expect(readPending()).toBeNull();
  });

  it('shows why a failed check failed, and starts over on retry', async () => {
    serve([null, view('failed', '人脸与身份证照片不一致，无法确认是本人操作，未能通过认证。')]);
    const hook = render();
    await settle();
    await act(() => hook.result.current.submit(ZHANG));
    await settle();
    await settle();
    expect(hook.result.current.step).toBe('failed');
    expect(hook.result.current.verification?.message).toContain('人脸与身份证照片不一致');
    expect(redirectTo).not.toHaveBeenCalled();
    act(() => hook.result.current.restart());
    expect(hook.result.current.step).toBe('form');
  });

  it('puts the server’s reasons under the fields and says when a rate limit lifts', async () => {
    serve([null], () => {
      throw new ApiError({ code: 'INVALID_INPUT', message: '填写的信息有误', retryable: false, fields: { idNumber: '身份证号中的出生日期晚于今天，请核对第 7–14 位' } });
    });
    const hook = render();
    await settle();
    await act(() => hook.result.current.submit(ZHANG));
    expect(hook.result.current.errors).toEqual({ idNumber: expect.stringContaining('晚于今天') });

    serve([null], () => {
      throw new ApiError({ code: 'RATE_LIMITED', message: '人脸认证 1 小时内已失败 5 次，为保护您的账户安全，请于 13:05 后再试。', retryable: true });
    });
    await act(() => hook.result.current.submit(ZHANG));
    expect(hook.result.current.formError).toEqual({ title: '认证次数过多，请稍后再试', message: expect.stringContaining('13:05 后再试') });
    // Neither refusal opened a face check.
    expect(openFaceCheck).not.toHaveBeenCalled();
  });

  it('catches a wrong number on the phone, before any call', async () => {
    serve([null]);
    const hook = render();
    await settle();
    const calls = call.mock.calls.length;
    await act(() => hook.result.current.submit({ name: "Robert'); DROP TABLE", idNumber: '440305199002301234' }));
    expect(hook.result.current.errors).toEqual({ name: expect.stringContaining('汉字'), idNumber: expect.stringContaining('出生日期不存在') });
    expect(call.mock.calls.length).toBe(calls);
  });

  it('starts no (billed) check where the face step cannot run, and says so', async () => {
    serve([null]);
    (faceCheckAvailable as jest.Mock).mockReturnValueOnce(false);
    const hook = render();
    await settle();
    await act(() => hook.result.current.submit(ZHANG));
    expect(hook.result.current.formError).toEqual({ title: '请先更新微信', message: expect.stringContaining('更新到最新版本') });
    expect(call.mock.calls.map(([, d]) => (d as { action: string }).action)).not.toContain('verify');
    expect(hook.result.current.step).toBe('form');
  });

  it('offers to go on when a verification is still live', async () => {
    serve([view('passed')]);
    const hook = render('/insurance/pages/summary/index');
    await settle();
    expect(hook.result.current.step).toBe('live');
    act(() => hook.result.current.proceed());
    expect(redirectTo).toHaveBeenCalledWith({ url: '/insurance/pages/summary/index' });
  });
});
