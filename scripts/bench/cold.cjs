// Bench child, run in a fresh plain `node` (no tsx, no loader): what a cold function instance pays.
//   node cold.cjs require <file>            → ms to require it
//   node cold.cjs first <file> <event JSON> → ms to require it and answer one call (main(event))
// Prints one JSON line. The caller identity and configuration come from the environment, as in CloudBase.
const [mode, file, event] = process.argv.slice(2);
const t0 = process.hrtime.bigint();
const ms = () => Number(process.hrtime.bigint() - t0) / 1e6;
const mod = require(file);
const requireMs = ms();
if (mode === 'require') {
  process.stdout.write(JSON.stringify({ requireMs }) + '\n');
  process.exit(0);
}
Promise.resolve(mod.main(JSON.parse(event), {})).then(
  (answer) => {
    process.stdout.write(JSON.stringify({ requireMs, firstMs: ms(), ok: answer && answer.ok, code: answer && answer.error && answer.error.code }) + '\n');
    process.exit(0);
  },
  (e) => {
    process.stdout.write(JSON.stringify({ requireMs, firstMs: ms(), ok: false, code: String(e && e.message) }) + '\n');
    process.exit(0);
  },
);
