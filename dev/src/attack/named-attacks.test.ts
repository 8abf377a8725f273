import { STORE_KINDS } from '@bianmin/server/db/testing/index';
import { startTestStack, type TestStack } from '../testing/stack';
import { NAMED_ATTACKS } from './named-attacks';

describe('the named attacks', () => {
  it('have unique names', () => {
    expect(new Set(NAMED_ATTACKS.map((a) => a.name)).size).toBe(NAMED_ATTACKS.length);
  });
});

describe.each(STORE_KINDS)('named attacks on %s', (kind) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(kind);
  });
  afterAll(() => stack?.stop());

  it.each(NAMED_ATTACKS.map((a) => [a.name, a] as const))('%s', async (_name, attack) => {
    await attack.run(stack);
  }, 60_000);
});
