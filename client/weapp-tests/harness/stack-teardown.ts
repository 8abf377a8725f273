import type { Stack } from '@bianmin/dev/stack';

export default async function teardown(): Promise<void> {
  await (globalThis as { __weappStack?: Stack }).__weappStack?.stop();
}
