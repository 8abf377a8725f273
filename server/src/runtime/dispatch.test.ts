import { AppError } from '@bianmin/core';
import { z } from 'zod';
import { dispatch, type Dispatchable } from './dispatch';
import { paramsOf } from './params';
import { testContext } from './testing';
import type { DepartmentClient } from '../departments/client';
import type { CallContext } from './types';

const echo: Dispatchable = {
  name: 'echo',
  schemas: {
    hello: z.object({ name: z.string().min(1, '请填写姓名 name') }),
    open: z.object({}),
    boom: z.object({}),
    refuse: z.object({}),
  },
  actions: {
    hello: { run: async (ctx: CallContext, input: { name: string }) => ({ greeting: `你好 ${input.name}`, caller: ctx.caller?.openid }) },
    open: { auth: 'public', run: async () => ({ open: true }) },
    boom: {
      run: async () => {
        throw new Error('SELECT * FROM secrets -- relation "x" does not exist');
      },
    },
    refuse: {
      run: async () => {
        throw new AppError('CONFLICT', '该账单已有一笔支付中的订单。');
      },
    },
  },
};

const ctx = (openid: string | null = 'oResident000001'): CallContext => testContext('2026-03-10T12:00:00+08:00', { openid });

describe('dispatch', () => {
  it.each([
    ['an empty object', {}],
    ['an array', []],
    ['a string', 'x'],
    ['null', null],
    ['a number', 42],
    ['an empty action', { action: '' }],
  ])('answers INVALID_INPUT naming the action field for %s', async (_label, event) => {
    const env = await dispatch(echo, event, ctx());
    expect(env).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_INPUT', retryable: false, fields: expect.objectContaining({ action: expect.any(String) }) }) });
  });

  it('answers INVALID_INPUT listing the known actions for an unknown one', async () => {
    const env = await dispatch(echo, { action: 'nope' }, ctx());
    expect(env.ok).toBe(false);
    if (!env.ok) {
      expect(env.error.code).toBe('INVALID_INPUT');
      expect(env.error.message).toContain('hello');
    }
  });

  it('does not treat inherited object keys as actions', async () => {
    const env = await dispatch(echo, { action: 'constructor' }, ctx());
    expect(env.ok || env.error.code).toBe('INVALID_INPUT');
  });

  it('refuses a resident action without a caller with UNAUTHENTICATED, and lets a public one through', async () => {
    const refused = await dispatch(echo, { action: 'hello', name: '张三' }, ctx(null));
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await dispatch(echo, { action: 'open' }, ctx(null))).toEqual({ ok: true, data: { open: true } });
  });

  it('reports each invalid field with a Chinese message', async () => {
    const env = await dispatch(echo, { action: 'hello', name: '' }, ctx());
    expect(env).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { name: '请填写姓名 name' } } });
    const wrongType = await dispatch(echo, { action: 'hello', name: 7 }, ctx());
    expect(wrongType.ok).toBe(false);
    if (!wrongType.ok) expect(wrongType.error.fields?.name).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('takes the caller from the context, never from the userInfo the platform puts in the event', async () => {
    const env = await dispatch(echo, { action: 'hello', name: '张三', userInfo: { openId: 'oSomeoneElse00001' } }, ctx('oResident000001'));
    expect(env).toEqual({ ok: true, data: { greeting: '你好 张三', caller: 'oResident000001' } });
  });

  it('answers an unexpected error as INTERNAL without leaking its text or stack', async () => {
    const env = await dispatch(echo, { action: 'boom' }, ctx());
    expect(env).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String), retryable: true } });
    expect(JSON.stringify(env)).not.toMatch(/SELECT|secrets|at |Error/);
  });

  it('passes a domain refusal through with its code and message', async () => {
    expect(await dispatch(echo, { action: 'refuse' }, ctx())).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '该账单已有一笔支付中的订单。', retryable: false },
    });
  });

  it.each([
    ['__proto__ at the top', '{"action":"hello","name":"张三","__proto__":{"isAdmin":true}}', '__proto__'],
    ['constructor at the top', '{"action":"hello","name":"张三","constructor":{"prototype":{"x":1}}}', 'constructor'],
    ['__proto__ nested in a value', '{"action":"hello","name":"张三","extra":{"a":[{"__proto__":{"x":1}}]}}', 'extra.a.0.__proto__'],
    ['prototype nested', '{"action":"hello","name":"张三","p":{"prototype":1}}', 'p.prototype'],
  ])('refuses %s with INVALID_INPUT naming the key, and the handler never sees it', async (_l, json, path) => {
    let seen: unknown;
    const spy: Dispatchable = { ...echo, actions: { ...echo.actions, hello: { run: async (_ctx: CallContext, input: unknown) => ((seen = input), {}) } } };
    const env = await dispatch(spy, JSON.parse(json), ctx());
    expect(env).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { [path]: expect.any(String) } } });
    expect(seen).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('builds parameters on an object without a prototype, so even an own __proto__ key stays data', () => {
    const event = JSON.parse('{"action":"x","__proto__":{"isAdmin":true},"name":"张三"}') as Record<string, unknown>;
    const params = paramsOf(event, ['action']);
    expect(Object.getPrototypeOf(params)).toBeNull();
    expect((params as { isAdmin?: boolean }).isAdmin).toBeUndefined();
    expect(Object.keys(params).sort()).toEqual(['__proto__', 'name']);
  });
});

describe('an action’s subject', () => {
  const rows: Record<string, { id: string; owner: string; kind: string }> = {
    b1: { id: 'b1', owner: 'oResident000001', kind: 'electricity' },
    b2: { id: 'b2', owner: 'oSomeoneElse0002', kind: 'water' },
  };
  let loads = 0;
  let guarded: unknown;
  let ran: unknown;
  const withSubject: Dispatchable = {
    name: 'bills',
    subjects: {
      binding: {
        from: 'bindingId',
        load: async (_db, openid, id) => {
          loads++;
          const row = rows[id];
          if (!row || row.owner !== openid) throw new AppError('NOT_FOUND', '没有找到这个户号。');
          return row;
        },
      },
    },
    schemas: { bill: z.object({ bindingId: z.string() }) },
    actions: {
      bill: {
        subject: 'binding',
        service: (_input: never, c: CallContext & { binding: { kind: string } }) => ((guarded = c.binding), `bills.${c.binding.kind}.query`),
        run: async (c: CallContext & { binding: unknown }) => ((ran = c.binding), { ok: true }),
      },
    },
  };
  const up = { id: 'power', health: () => ({ state: 'up' }), probe: async () => ({ state: 'up' }) } as unknown as DepartmentClient;
  const at = (now: string, openid = 'oResident000001') => testContext(now, { openid, deps: { db: async () => ({}) as never, departments: { power: up } } });

  beforeEach(() => {
    loads = 0;
    guarded = ran = undefined;
  });

  it('is loaded once, after validation, and both the guard and the command receive the same row', async () => {
    const env = await dispatch(withSubject, { action: 'bill', bindingId: 'b1' }, at('2026-03-10T12:00:00+08:00'));
    expect(env).toEqual({ ok: true, data: { ok: true } });
    expect(loads).toBe(1);
    expect(guarded).toBe(rows.b1);
    expect(ran).toBe(rows.b1);
  });

  it('answers NOT_FOUND for another resident’s id before the guard says anything about hours', async () => {
    const env = await dispatch(withSubject, { action: 'bill', bindingId: 'b2' }, at('2026-03-10T23:59:00+08:00'));
    expect(env).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(guarded).toBeUndefined();
    expect(ran).toBeUndefined();
  });

  it('is never loaded for a call without a caller or with invalid input', async () => {
    expect(await dispatch(withSubject, { action: 'bill', bindingId: 'b1' }, at('2026-03-10T12:00:00+08:00', null as unknown as string))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await dispatch(withSubject, { action: 'bill', bindingId: 42 }, at('2026-03-10T12:00:00+08:00'))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(loads).toBe(0);
  });
});
