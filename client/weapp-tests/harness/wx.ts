/**
 * The `wx` a simulated page talks to. Cloud calls go to the real functions on the run's local
 * stack (harness/stack-setup.ts) as the given resident; the APIs that would open WeChat's own
 * UI (navigation, modals, the payment sheet, the subscribe-message prompt) are recorded and
 * answered the way WeChat answers them.
 */
import { request } from 'node:http';
import type { Envelope } from '@bianmin/core';

export const STACK_URL_ENV = 'BIANMIN_WEAPP_STACK_URL';

export interface CloudCall {
  name: string;
  data: Record<string, unknown> & { action?: string };
  /** The function's real envelope (undefined when `failNext` cut the call off). */
  result?: Envelope<unknown>;
}

export interface WxOptions {
  /** openid of the calling resident; null = a caller the functions do not know. */
  openid: string | null;
  /** The clock the functions use (X-Dev-Now), so that availability is deterministic. */
  now: string;
  /** Every page of app.json (`bills/pages/bill/index`): navigateTo fails for others, as WeChat does. */
  pages: string[];
  storage?: Record<string, unknown>;
  /** The resident agreed to the privacy guide before (WeChat keeps it per mini-program): no sheet. */
  privacyAgreed?: boolean;
}

/** WeChat's privacy interception (base library ≥ 2.32.3), as the simulated calls meet it. */
export interface PrivacyState {
  agreed: boolean;
  /** What the app registered with wx.onNeedPrivacyAuthorization. */
  listeners: Array<(resolve: (a: { event: string; buttonId?: string }) => void, info: { referrer: string }) => void>;
  /** Ids of agreePrivacyAuthorization buttons the resident tapped (WeChat checks "agree" against them). */
  tappedAgree: Set<string>;
  /** Times the app told WeChat its sheet was shown. */
  exposed: number;
  /** Answers WeChat refused: "agree" naming a button nobody tapped. */
  refusedAnswers: string[];
}

type Callbacks<T> = { success?: (r: T) => void; fail?: (e: { errMsg: string }) => void; complete?: (r: unknown) => void };

/** Answers not yet delivered, so a test can wait for the page to have heard back. */
const inFlight = { count: 0 };

export function wxCallsInFlight(): number {
  return inFlight.count;
}

/** WeChat's callback style, and a promise when no callback is given (as the base library does). */
function answer<T>(opts: Callbacks<T> | undefined, work: () => Promise<T>): Promise<T> {
  inFlight.count++;
  const p = work();
  const done = () => {
    inFlight.count--;
  };
  p.then(done, done);
  p.then(
    (r) => {
      opts?.success?.(r);
      opts?.complete?.(r);
    },
    (e: { errMsg: string }) => {
      opts?.fail?.(e);
      opts?.complete?.(e);
    },
  );
  // With callbacks the promise is not the caller's to handle.
  if (opts?.success || opts?.fail) p.catch(() => undefined);
  return p;
}

export function stackUrl(): string {
  const url = process.env[STACK_URL_ENV];
  if (!url) throw new Error(`${STACK_URL_ENV} is not set: run these tests with client/weapp-tests/jest.config.js (its globalSetup starts the stack)`);
  return url;
}

/**
 * POST /api/<fn> on the run's stack as `openid` at `now`: the function's envelope. One connection
 * per call (no keep-alive): a pooled connection the server closes at the same moment fails with
 * ECONNRESET on a loaded machine, and a call may not be blindly repeated (bind, pay).
 */
export function callStack<T = unknown>(name: string, data: object, as: { openid: string | null; now: string }): Promise<Envelope<T>> {
  const body = JSON.stringify(data);
  const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-dev-now': as.now };
  if (as.openid) headers['x-dev-openid'] = as.openid;
  return new Promise((resolve, reject) => {
    const req = request(`${stackUrl()}/api/${name}`, { method: 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Envelope<T>);
        } catch (e) {
          reject(new Error(`${name}: the stack answered ${res.statusCode} with no envelope (${String(e)})`));
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export function createWx(opts: WxOptions) {
  const storage = new Map<string, unknown>(Object.entries(opts.storage ?? {}));
  const record = {
    calls: [] as CloudCall[],
    /** WeChat calls in the order the page made them (`cloud:tickets.submit`, `requestSubscribeMessage`). */
    sequence: [] as string[],
    navigateTo: [] as string[],
    redirectTo: [] as string[],
    navigateBack: 0,
    showModal: [] as Array<{ title?: string; content?: string }>,
    showToast: [] as Array<{ title?: string }>,
    requestPayment: [] as Array<Record<string, unknown>>,
    requestSubscribeMessage: [] as Array<{ tmplIds: string[] }>,
    /** What the resident answers the subscribe prompt, per template (WeChat: accept / reject / ban). */
    subscribeAnswer: 'accept' as 'accept' | 'reject' | 'ban',
    chooseMedia: [] as Array<Record<string, unknown>>,
    /** Makes the pickers fail as WeChat fails them (a permission refused before: `auth deny`, errno 103). */
    pickerFailure: null as { errMsg: string; errno?: number } | null,
    chooseLocation: 0,
    uploadFile: [] as Array<{ cloudPath: string; filePath: string }>,
    openSetting: 0,
    openPrivacyContract: 0,
    privacy: { agreed: Boolean(opts.privacyAgreed), listeners: [], tappedAgree: new Set<string>(), exposed: 0, refusedAnswers: [] } as PrivacyState,
    stopPullDownRefresh: 0,
    /** verifyIds the page ran WeChat's face check on (wx.requestFacialVerify). */
    requestFacialVerify: [] as string[],
    /** How the resident's face step ends: the WeChat face sandbox records it for queryVerifyInfo. */
    faceOutcome: 'pass' as 'pass' | 'fail' | 'abandon',
    /** What wx.getAppBaseInfo reports as WeChat's font size setting (px; iOS 关怀模式 is 23.8). */
    fontSizeSetting: 17 as number,
    cloudInit: [] as unknown[],
    /** Makes the next calls of `name` (any action) fail in transport, like a phone losing its network. */
    failNext: new Map<string, number>(),
    /**
     * Changes the real answer of `name.action` before the page gets it (and records the changed
     * one): for a state no fixture moment reaches, such as a department that stops answering,
     * without faulting the one stack every test file shares.
     */
    rewrite: new Map<string, (result: Envelope<unknown>) => Envelope<unknown>>(),
  };
  const known = (url: string) => opts.pages.includes(url.split('?')[0].replace(/^\/+/, ''));

  /**
   * A privacy API as WeChat runs it: until the resident has agreed, the call waits (not "in
   * flight": the page is waiting for the resident) while the app's onNeedPrivacyAuthorization
   * listener shows its sheet; "agree" naming a tapped agreePrivacyAuthorization button lets it
   * run, "disagree" fails it with errno 104. Without a listener WeChat would show its own popup:
   * here the call fails, so that a missing registration cannot pass unnoticed.
   */
  function privacyApi<T>(api: string, o: Callbacks<T> | undefined, work: () => Promise<T>): Promise<T> {
    const { privacy } = record;
    if (privacy.agreed) return answer(o, work);
    const refused = () => answer<T>(o, async () => Promise.reject({ errMsg: `${api}:fail privacy permission is not authorized`, errno: 104 }));
    const listener = privacy.listeners.at(-1);
    if (!listener) return refused();
    const held = new Promise<T>((resolve, reject) => {
      listener(
        (a) => {
          if (a.event === 'exposureAuthorization') {
            privacy.exposed++;
            return;
          }
          if (a.event === 'agree' && !privacy.tappedAgree.has(a.buttonId ?? '')) {
            privacy.refusedAnswers.push(`agree with button ${String(a.buttonId)}, never tapped`);
            return;
          }
          if (a.event === 'agree') {
            privacy.agreed = true;
            answer(o, work).then(resolve, reject);
          } else refused().then(resolve, reject);
        },
        { referrer: api },
      );
    });
    // With callbacks (Taro's promisified calls) the promise is not the caller's to handle, as in answer().
    if (o && ((o as Callbacks<T>).success || (o as Callbacks<T>).fail)) held.catch(() => undefined);
    return held;
  }

  const wx = {
    cloud: {
      init(o: unknown) {
        record.cloudInit.push(o);
      },
      uploadFile(o: { cloudPath: string; filePath: string } & Callbacks<{ fileID: string; statusCode: number; errMsg: string }>) {
        return answer(o, async () => {
          record.uploadFile.push({ cloudPath: o.cloudPath, filePath: o.filePath });
          return { fileID: `cloud://bianmin-test-env.6269-bianmin-test-env/${o.cloudPath}`, statusCode: 200, errMsg: 'cloud.uploadFile:ok' };
        });
      },
      callFunction(o: { name: string; data: CloudCall['data'] } & Callbacks<{ result: unknown; errMsg: string }>) {
        return answer(o, async () => {
          const call: CloudCall = { name: o.name, data: o.data };
          record.calls.push(call);
          record.sequence.push(`cloud:${o.name}.${String(o.data.action)}`);
          const failing = record.failNext.get(o.name) ?? 0;
          if (failing > 0) {
            record.failNext.set(o.name, failing - 1);
            throw { errMsg: 'cloud.callFunction:fail request:fail timeout' };
          }
          call.result = await callStack(o.name, o.data, opts);
          const change = record.rewrite.get(`${o.name}.${String(o.data.action)}`);
          if (change) call.result = change(call.result);
          return { result: call.result, errMsg: 'cloud.callFunction:ok', requestID: 'local' };
        });
      },
    },
    navigateTo(o: { url: string } & Callbacks<{ errMsg: string }>) {
      return answer(o, async () => {
        if (!known(o.url)) throw { errMsg: `navigateTo:fail page "${o.url.replace(/^\//, '')}" is not found` };
        record.navigateTo.push(o.url);
        return { errMsg: 'navigateTo:ok' };
      });
    },
    redirectTo(o: { url: string } & Callbacks<{ errMsg: string }>) {
      return answer(o, async () => {
        if (!known(o.url)) throw { errMsg: `redirectTo:fail page "${o.url.replace(/^\//, '')}" is not found` };
        record.redirectTo.push(o.url);
        return { errMsg: 'redirectTo:ok' };
      });
    },
    reLaunch(o: { url: string } & Callbacks<{ errMsg: string }>) {
      return answer(o, async () => {
        record.redirectTo.push(o.url);
        return { errMsg: 'reLaunch:ok' };
      });
    },
    navigateBack(o?: Callbacks<{ errMsg: string }>) {
      return answer(o, async () => {
        record.navigateBack++;
        return { errMsg: 'navigateBack:ok' };
      });
    },
    showModal(o: { title?: string; content?: string } & Callbacks<{ confirm: boolean; cancel: boolean; errMsg: string }>) {
      return answer(o, async () => {
        record.showModal.push({ title: o.title, content: o.content });
        return { confirm: true, cancel: false, errMsg: 'showModal:ok' };
      });
    },
    showToast(o: { title?: string } & Callbacks<{ errMsg: string }>) {
      return answer(o, async () => {
        record.showToast.push({ title: o.title });
        return { errMsg: 'showToast:ok' };
      });
    },
    hideToast: (o?: Callbacks<{ errMsg: string }>) => answer(o, async () => ({ errMsg: 'hideToast:ok' })),
    showLoading: (o?: Callbacks<{ errMsg: string }>) => answer(o, async () => ({ errMsg: 'showLoading:ok' })),
    hideLoading: (o?: Callbacks<{ errMsg: string }>) => answer(o, async () => ({ errMsg: 'hideLoading:ok' })),
    requestPayment(o: Record<string, unknown> & Callbacks<{ errMsg: string }>) {
      return answer(o, async () => {
        const { success: _s, fail: _f, complete: _c, ...params } = o;
        record.requestPayment.push(params);
        return { errMsg: 'requestPayment:ok' };
      });
    },
    requestSubscribeMessage(o: { tmplIds: string[] } & Callbacks<Record<string, string>>) {
      return answer(o, async () => {
        record.requestSubscribeMessage.push({ tmplIds: o.tmplIds });
        record.sequence.push('requestSubscribeMessage');
        return { ...Object.fromEntries(o.tmplIds.map((t) => [t, record.subscribeAnswer])), errMsg: 'requestSubscribeMessage:ok' };
      });
    },
    onNeedPrivacyAuthorization(listener: PrivacyState['listeners'][number]) {
      record.privacy.listeners.push(listener);
    },
    openPrivacyContract: (o?: Callbacks<{ errMsg: string }>) =>
      answer(o, async () => {
        record.openPrivacyContract++;
        return { errMsg: 'openPrivacyContract:ok' };
      }),
    openSetting: (o?: Callbacks<{ authSetting: Record<string, boolean>; errMsg: string }>) =>
      answer(o, async () => {
        record.openSetting++;
        return { authSetting: {}, errMsg: 'openSetting:ok' };
      }),
    chooseMedia(o: Record<string, unknown> & Callbacks<{ tempFiles: Array<{ tempFilePath: string; size: number; duration?: number; fileType: string }>; type: string; errMsg: string }>) {
      return privacyApi('chooseMedia', o, async () => {
        if (record.pickerFailure) throw { ...record.pickerFailure, errMsg: `chooseMedia:${record.pickerFailure.errMsg}` };
        const { success: _s, fail: _f, complete: _c, ...params } = o;
        record.chooseMedia.push(params);
        const video = Array.isArray(params.mediaType) && params.mediaType.includes('video');
        return video
          ? { type: 'video', tempFiles: [{ tempFilePath: 'wxfile://tmp/clip.mp4', size: 900_000, duration: 12.4, fileType: 'video' }], errMsg: 'chooseMedia:ok' }
          : { type: 'image', tempFiles: [{ tempFilePath: 'wxfile://tmp/photo-1.jpg', size: 200_000, fileType: 'image' }], errMsg: 'chooseMedia:ok' };
      });
    },
    chooseLocation(o?: Callbacks<{ name: string; address: string; latitude: number; longitude: number; errMsg: string }>) {
      return privacyApi('chooseLocation', o, async () => {
        record.chooseLocation++;
        return { name: '景田北路 18 号', address: '福田区莲花街道景田北路 18 号门口', latitude: 22.55, longitude: 114.04, errMsg: 'chooseLocation:ok' };
      });
    },
    stopPullDownRefresh(o?: Callbacks<{ errMsg: string }>) {
      return answer(o, async () => {
        record.stopPullDownRefresh++;
        return { errMsg: 'stopPullDownRefresh:ok' };
      });
    },
    /**
     * WeChat's own face check (人脸核身 2.0, base library ≥ 3.8.12): the resident's face step runs
     * in the stack's WeChat face sandbox, as this WeChat user, and WeChat answers the phone as it
     * does — "ok" once the check ran whatever its result (only queryVerifyInfo on the server says
     * how it went), "fail" when it could not run or the resident cancelled.
     */
    requestFacialVerify(o: { verifyId: string } & Callbacks<{ errCode: number; errMsg: string }>) {
      return answer(o, async () => {
        record.requestFacialVerify.push(o.verifyId);
        record.sequence.push('requestFacialVerify');
        const res = await fetch(`${stackUrl()}/api/__dev/wxface/${encodeURIComponent(o.verifyId)}/result`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(opts.openid ? { 'x-dev-openid': opts.openid } : {}) },
          body: JSON.stringify({ result: record.faceOutcome }),
        });
        const env = (await res.json()) as Envelope<{ wx: { errCode: number; errMsg: string } }>;
        if (!env.ok) throw { errCode: 84001, errMsg: 'requestFacialVerify:fail invalid identify id' };
        if (env.data.wx.errCode !== 0) throw env.data.wx;
        return env.data.wx;
      });
    },
    getAppBaseInfo: () => ({ SDKVersion: '3.8.12', enableDebug: false, host: { env: 'WeChat' }, language: 'zh_CN', version: '8.0.60', theme: 'light', fontSizeSetting: record.fontSizeSetting }),
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    getStorage: (o: { key: string } & Callbacks<{ data: unknown; errMsg: string }>) =>
      answer(o, async () => {
        if (!storage.has(o.key)) throw { errMsg: 'getStorage:fail data not found' };
        return { data: storage.get(o.key), errMsg: 'getStorage:ok' };
      }),
    setStorage: (o: { key: string; data: unknown } & Callbacks<{ errMsg: string }>) =>
      answer(o, async () => {
        storage.set(o.key, o.data);
        return { errMsg: 'setStorage:ok' };
      }),
    removeStorage: (o: { key: string } & Callbacks<{ errMsg: string }>) =>
      answer(o, async () => {
        storage.delete(o.key);
        return { errMsg: 'removeStorage:ok' };
      }),
    setNavigationBarTitle: (o?: Callbacks<{ errMsg: string }>) => answer(o, async () => ({ errMsg: 'setNavigationBarTitle:ok' })),
    vibrateShort: (o?: Callbacks<{ errMsg: string }>) => answer(o, async () => ({ errMsg: 'vibrateShort:ok' })),
  };
  return { wx, record, storage };
}

export type WxRecord = ReturnType<typeof createWx>['record'];
