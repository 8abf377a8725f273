import { describeTimerEntry } from '@bianmin/server/runtime/entry-testing';
import { main } from './index';

// A client or anyone with the function's HTTP URL must not be able to run this job.
describeTimerEntry('ticketsWorker', main as (event?: unknown) => Promise<unknown>);
