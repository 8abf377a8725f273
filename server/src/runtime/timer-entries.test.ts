import { FUNCTIONS } from '../functions';
import { describeTimerEntry, mainOf } from './entry-testing';

// A client or anyone with a worker's HTTP URL must not be able to run its jobs: every timer function.
for (const fn of FUNCTIONS.filter((f) => f.handler.kind === 'timer')) describeTimerEntry(fn.name, mainOf(fn.name));
