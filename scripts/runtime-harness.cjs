// Loads one built function under the Node binary running this file and makes one call, as
// CloudBase would: `node runtime-harness.cjs <dir of index.js> '<event JSON>'`, with the
// function's environment (its configuration and the WeChat context) already set by the caller.
// Prints the answer as one JSON line on stdout; a bundle that fails to load exits 2 with the error.
'use strict';
const { join } = require('node:path');

const [dir, eventJson] = process.argv.slice(2);
let main;
try {
  ({ main } = require(join(dir, 'index.js')));
} catch (e) {
  process.stdout.write(`${JSON.stringify({ loadError: `${e && e.name}: ${e && e.message}` })}\n`);
  process.exit(2);
}
Promise.resolve(main(JSON.parse(eventJson ?? '{}'), {}))
  .then((answer) => {
    process.stdout.write(`${JSON.stringify({ answer })}\n`);
    // A pool or a socket left open must not keep the check waiting: the answer is what counts.
    process.exit(0);
  })
  .catch((e) => {
    process.stdout.write(`${JSON.stringify({ threw: `${e && e.name}: ${e && e.message}` })}\n`);
    process.exit(3);
  });
