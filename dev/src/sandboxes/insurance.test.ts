import { RESIDENTS } from '../fixtures';
import { fixedClock } from '@bianmin/core';
import { dataUpTo, insuranceRoutes, personIdOf } from './insurance';

describe('the social insurance bureau sandbox', () => {
  it('has posted last month’s records from the 20th, the month before until then, across the year end', () => {
    expect(dataUpTo('2026-03-19')).toBe('2026-01');
    expect(dataUpTo('2026-03-20')).toBe('2026-02');
    expect(dataUpTo('2026-01-05')).toBe('2025-11');
    expect(dataUpTo('2026-01-31')).toBe('2025-12');
  });

  it('gives every person a stable opaque id that does not contain the ID number', () => {
    const id = personIdOf(RESIDENTS[0].idNumber);
    expect(id).toBe(personIdOf(RESIDENTS[0].idNumber));
    expect(id).toMatch(/^SZ[0-9A-F]{16}$/);
    expect(id).not.toContain(RESIDENTS[0].idNumber.slice(6, 14));
  });


  describe('the 待遇资格认证 service', () => {
    const routes = insuranceRoutes(RESIDENTS, fixedClock(new Date('2026-03-10T04:00:00Z')));
    const route = (method: string, path: string) => routes.find((r) => r.method === method && r.path === path)!;
    const read = (personId: string, asOf?: string) =>
      route('GET', '/persons/:personId/eligibility').handle({ method: 'GET', path: '', params: { personId }, query: new URLSearchParams(asOf ? { asOf } : {}), body: undefined });
    const post = (personId: string, body: unknown) => route('POST', '/persons/:personId/eligibility/checks').handle({ method: 'POST', path: '', params: { personId }, query: new URLSearchParams(), body });
    const retiree = personIdOf(RESIDENTS[1].idNumber);
    const worker = personIdOf(RESIDENTS[0].idNumber);

    it('answers a retiree’s last check, and that a worker needs none', async () => {
      expect(await read(retiree)).toEqual({ status: 200, body: { personId: retiree, required: true, lastCheckedOn: '2025-04-24', channel: 'community', paymentStatus: 'normal' } });
      expect(await read(worker)).toEqual({ status: 200, body: { personId: worker, required: false } });
      expect((await read('SZ0000000000000000')).status).toBe(404);
    });

    it('stops the pension once a check is 30 days overdue', async () => {
      expect(await read(retiree, '2026-05-24')).toMatchObject({ body: { paymentStatus: 'normal' } });
      expect(await read(retiree, '2026-05-25')).toMatchObject({ body: { paymentStatus: 'suspended' } });
    });

    it('records one check per reference, refuses a reference reused for another person, a non-pensioner and a bad body', async () => {
      const body = { reference: 'ref0000000000000000000000000001', checkedAt: '2026-03-10T12:00:00+08:00', method: 'face', channel: 'app' };
      const first = await post(retiree, body);
      expect(first).toMatchObject({ status: 200, body: { checkNo: expect.stringMatching(/^RZ20260310\d{6}$/), checkedOn: '2026-03-10', channel: 'app' } });
      expect(await post(retiree, { ...body, checkedAt: '2026-03-11T12:00:00+08:00' })).toEqual(first);
      expect(await read(retiree)).toMatchObject({ body: { lastCheckedOn: '2026-03-10', channel: 'app' } });
      expect(await post(worker, body)).toMatchObject({ status: 409, body: { code: 'REFERENCE_REUSED' } });
      expect(await post(worker, { ...body, reference: 'ref0000000000000000000000000002' })).toMatchObject({ status: 409, body: { code: 'NOT_PENSIONER' } });
      expect(await post(retiree, { ...body, reference: 'short' })).toMatchObject({ status: 400 });
      expect(await post(retiree, { ...body, reference: 'ref0000000000000000000000000003', checkedAt: '2026-02-30T12:00:00+08:00' })).toMatchObject({ status: 400 });
    });
  });
});
