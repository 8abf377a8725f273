import { UTILITY_KINDS } from '@bianmin/core';
import { startTestStack, type TestStack, ZHANG } from './testing/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

describe('the local gateway', () => {
  it('answers services.list with the whole catalogue over HTTP', async () => {
    const { status, body } = await stack.call<{ services: Array<{ id: string; name: string; department: string; category: string; path: string }> }>('services', { action: 'list' });
    expect(status).toBe(200);
    if (!body.ok) throw new Error(body.error.message);
    expect(body.data.services.length).toBeGreaterThanOrEqual(8);
    for (const s of body.data.services) {
      expect(s).toEqual(expect.objectContaining({ id: expect.any(String), name: expect.any(String), department: expect.any(String), category: expect.any(String), path: expect.stringMatching(/^\//) }));
    }
    expect(body.data.services.map((s) => s.id)).toEqual(expect.arrayContaining(['bills.electricity.pay', 'traffic.pay', 'insurance.query', 'tickets.submit', 'tickets.agent']));
  });

  it.each([
    ['{}', '{}'],
    ['[]', '[]'],
    ['a JSON string', '"x"'],
    ['an unknown action', '{"action":"nope"}'],
    ['broken JSON', '{"action":'],
  ])('answers %s with INVALID_INPUT and no stack trace', async (_label, raw) => {
    const { status, body } = await stack.call('services', raw);
    expect(status).toBe(400);
    expect(body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', retryable: false } });
    expect(JSON.stringify(body)).not.toMatch(/\bat .*\.ts|Error:|SyntaxError/);
  });

  it('refuses 1 MB of junk with INVALID_INPUT and keeps serving', async () => {
    const junk = 'x'.repeat(1024 * 1024);
    const { status, body } = await stack.call('services', junk);
    expect(status).toBe(400);
    expect(body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await stack.call('services', { action: 'list' })).status).toBe(200);
  });

  it('answers NOT_FOUND for a function that does not exist', async () => {
    const { status, body } = await stack.call('nosuch', { action: 'list' });
    expect(status).toBe(404);
    expect(body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('rejects a malformed X-Dev-Now and X-Dev-OpenId with the header named', async () => {
    const bad = await stack.call('services', { action: 'list' }, { now: 'yesterday' });
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'X-Dev-Now': expect.any(String) } } });
    const who = await stack.call('services', { action: 'list' }, { openid: 'a b' });
    expect(who.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'X-Dev-OpenId': expect.any(String) } } });
  });

  it('uses X-Dev-Now as the clock of the call', async () => {
    const { body } = await stack.call<{ now: string }>('services', { action: 'list' }, { now: '2026-03-10T15:45:00Z' });
    expect(body).toMatchObject({ ok: true, data: { now: '2026-03-10T23:45:00+08:00' } });
  });

  it('lists the demo residents with their accounts at /api/__dev/fixtures', async () => {
    const res = await fetch(`${stack.url}/api/__dev/fixtures`);
    const body = (await res.json()) as { residents: Array<{ openid: string; utilityAccounts: Array<{ kind: string; unpaidMonths: number }> }> };
    expect(body.residents.length).toBeGreaterThanOrEqual(3);
    expect(body.residents[0].openid).toBe(ZHANG.openid);
    for (const kind of UTILITY_KINDS) {
      expect(body.residents.some((r) => r.utilityAccounts.some((a) => a.kind === kind && a.unpaidMonths > 0))).toBe(true);
    }
  });

  it('switches a department sandbox into each fault mode and back', async () => {
    const power = stack.sandboxes.power;
    const health = () => fetch(`${power.url}/health`, { headers: { 'x-api-key': power.apiKey }, signal: AbortSignal.timeout(1000) });
    expect((await health()).status).toBe(200);

    const set = (mode: string, ms?: number) =>
      fetch(`${stack.url}/api/__dev/departments/power/faults`, { method: 'POST', body: JSON.stringify({ mode, ms }) }).then((r) => r.json());
    expect(await set('error')).toMatchObject({ ok: true, data: { department: 'power', fault: { mode: 'error' } } });
    expect((await health()).status).toBe(503);
    await set('garbage');
    await expect((await health()).json()).rejects.toThrow();
    await set('down');
    await expect(health()).rejects.toThrow();
    await set('slow', 1500);
    await expect(health()).rejects.toThrow(/abort|timeout/i);
    await set('ok');
    expect((await health()).status).toBe(200);

    expect(await set('sideways')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { mode: expect.any(String) } } });
    const unknown = await fetch(`${stack.url}/api/__dev/departments/nosuch/faults`, { method: 'POST', body: '{"mode":"down"}' });
    expect(unknown.status).toBe(404);
  });

  it('checks every sandbox request for its own API key', async () => {
    const water = stack.sandboxes.water;
    expect((await fetch(`${water.url}/health`)).status).toBe(401);
    expect((await fetch(`${water.url}/health`, { headers: { 'x-api-key': stack.sandboxes.gas.apiKey } })).status).toBe(401);
    expect((await fetch(`${water.url}/health`, { headers: { 'x-api-key': water.apiKey } })).status).toBe(200);
  });

  it.each(['/api/%E0%A4%A', '/%', '/assets/%ZZ.js', '/api/services%'])('answers a malformed URL (%s) with 400 INVALID_INPUT, not 500', async (path) => {
    const res = await fetch(stack.url + path, { method: path.startsWith('/api/') ? 'POST' : 'GET', body: path.startsWith('/api/') ? '{"action":"list"}' : undefined });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it.each([
    ['30 February', '2026-02-30T10:00:00+08:00'],
    ['T24:00', '2026-03-10T24:00:00+08:00'],
    ['minute 60', '2026-03-10T12:60:00+08:00'],
    ['an offset past +14:00', '2026-03-10T12:00:00+25:00'],
    ['year 9999', '9999-12-31T23:59:59+08:00'],
    ['year 1999', '1999-12-31T12:00:00+08:00'],
    ['year 2100', '2100-01-01T00:00:00+08:00'],
  ])('refuses an X-Dev-Now of %s with 400 INVALID_INPUT naming the header', async (_l, now) => {
    const r = await stack.call('services', { action: 'list' }, { now });
    expect(r).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT', fields: { 'X-Dev-Now': expect.any(String) } } } });
  });

  it('accepts the edges of the dev clock’s years, and serves the hub there', async () => {
    for (const now of ['2000-01-01T00:00:00+08:00', '2099-12-31T23:59:59+08:00', '2024-02-29T12:00:00+08:00']) {
      const r = await stack.call<{ now: string }>('services', { action: 'list' }, { now });
      expect(r).toMatchObject({ status: 200, body: { ok: true, data: { now } } });
    }
  });

  it('refuses a body with __proto__ before any function sees it, and the gateway keeps serving', async () => {
    const r = await stack.call('services', '{"action":"list","__proto__":{"polluted":true}}');
    expect(r).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT' } } });
    const fields = (r.body as { error: { fields: object } }).error.fields;
    expect(Object.getOwnPropertyDescriptor(fields, '__proto__')?.value).toEqual(expect.any(String));
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect((await stack.call('services', { action: 'list' })).status).toBe(200);
  });
});
