// Bench child: the department sandboxes and the WeChat Pay sandbox in a process of their own, so
// that their CPU is not counted as the gateway's and the load generator does not compete with them.
import { RESIDENTS } from '@bianmin/dev/fixtures';
import { startSandboxes, stopSandboxes } from '@bianmin/dev/sandboxes/index';
import { startPaySandbox } from '@bianmin/dev/sandboxes/pay';

async function main() {
  const sandboxes = await startSandboxes(RESIDENTS);
  const pay = await startPaySandbox();
  const departments = Object.fromEntries(Object.values(sandboxes).map((s) => [s.id, { url: s.url, apiKey: s.apiKey }]));
  process.on('message', async (m: { type: string }) => {
    if (m.type === 'hits') process.send!({ type: 'hits', power: sandboxes.power.hits });
    if (m.type === 'stop') {
      await stopSandboxes(sandboxes);
      await pay.stop();
      process.exit(0);
    }
  });
  process.send!({ type: 'ready', departments, pay: { url: pay.url, apiKey: pay.apiKey } });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
