import Taro from '@tarojs/taro';
import { actingForOfPage, actingLabel, rememberActingLabels, withActingFor } from './acting-for';

const LINK = '3f1c2a4e-5b6d-4c7e-8f90-a1b2c3d4e5f6';

function onPages(pages: Array<{ route: string; options?: Record<string, string>; path?: string }>, own?: Record<string, string>) {
  jest.spyOn(Taro, 'getCurrentPages').mockReturnValue(pages as never);
  jest.spyOn(Taro, 'getCurrentInstance').mockReturnValue({ router: own ? { params: own } : null } as never);
}

afterEach(() => jest.restoreAllMocks());

describe('acting for a relative on the client', () => {
  it('adds the page’s link to calls of a family-scoped function, and only to those', () => {
    onPages([{ route: 'bills/pages/households/index', options: { actingFor: LINK } }], { actingFor: LINK });
    expect(withActingFor('bills', { action: 'bindings' })).toEqual({ action: 'bindings', actingFor: LINK });
    expect(withActingFor('traffic', { action: 'vehicles' })).toEqual({ action: 'vehicles', actingFor: LINK });
    // The payer follows their payment as themselves; the family circle is nobody's to manage for another.
    expect(withActingFor('payments', { action: 'order', orderId: 'BM1' })).toEqual({ action: 'order', orderId: 'BM1' });
    expect(withActingFor('me', { action: 'familyList' })).toEqual({ action: 'familyList' });
  });

  it('inherits the link from the page below in the same subpackage (the receipt after paying), never across subpackages', () => {
    onPages([{ route: 'pages/hub/index' }, { route: 'bills/pages/bill/index', path: `/bills/pages/bill/index?bindingId=x&actingFor=${LINK}` }, { route: 'bills/pages/result/index', options: { orderId: 'BM1' } }], { orderId: 'BM1' });
    expect(actingForOfPage()).toBe(LINK);
    onPages([{ route: 'bills/pages/bill/index', options: { actingFor: LINK } }, { route: 'traffic/pages/vehicles/index', options: {} }], {});
    expect(actingForOfPage()).toBeNull();
    expect(withActingFor('traffic', { action: 'vehicles' })).toEqual({ action: 'vehicles' });
  });

  it('ignores a value that is not a link id, and one the call already carries', () => {
    onPages([{ route: 'bills/pages/households/index', options: { actingFor: "' OR 1=1" } }], { actingFor: "' OR 1=1" });
    expect(actingForOfPage()).toBeNull();
    onPages([{ route: 'bills/pages/households/index', options: { actingFor: LINK } }], { actingFor: LINK });
    const other = '00000000-0000-4000-8000-000000000000';
    expect(withActingFor('bills', { action: 'bindings', actingFor: other })).toEqual({ action: 'bindings', actingFor: other });
  });

  it('keeps what the helper calls each relative for the banner', () => {
    // Jest's Taro has no storage: the test keeps it in a map, as the other storage tests do.
    const storage = new Map<string, unknown>();
    Object.assign(Taro, { setStorageSync: (k: string, v: unknown) => void storage.set(k, v), getStorageSync: (k: string) => storage.get(k) ?? '' });
    rememberActingLabels({ [LINK]: '妈妈' });
    expect(actingLabel(LINK)).toBe('妈妈');
    expect(actingLabel('00000000-0000-4000-8000-000000000000')).toBeNull();
  });
});
