import type { TestStack } from '@bianmin/dev/testing/stack';

export default async function teardown(): Promise<void> {
  await (globalThis as { __weappStack?: TestStack }).__weappStack?.stop();
}
