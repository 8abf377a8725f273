import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Keys that may carry a resident's identity. pino's redaction is applied at serialisation, so
 * a careless `log.info({ input })` still cannot write an ID number, a phone or a plate.
 */
const SENSITIVE = [
  'name', 'holderName', 'realName', 'idNumber', 'idCard', 'phone', 'mobile', 'plate', 'plateNo',
  'engineNo', 'vin', 'accountNo', 'address', 'openid', 'unionid',
];
const SENSITIVE_KEYS = new Set(SENSITIVE);

/**
 * Explicit top-level paths, not wildcards: `*.name` and `*.*.name` made pino walk every object of
 * every line (0.18 ms a call at info, npm run bench). What nests identity is named below instead.
 */
export const REDACT_PATHS = [...SENSITIVE, 'headers.authorization', 'headers["x-api-key"]'];

/**
 * The keys under which a log line may carry a resident's data as an object (a call's input, the
 * caller, a department's request or answer, a job's result): their identity fields are masked at
 * any depth. A serializer runs only when its key is in the line, so the per-call line pays nothing.
 */
export const IDENTITY_CONTAINERS = [
  'input', 'caller', 'params', 'body', 'event', 'data', 'result', 'booking', 'query', 'user',
  'holder', 'account', 'person', 'request', 'response', 'payload', 'proof', 'vehicleInfo',
];

function masked(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null || depth > 6) return value;
  if (Array.isArray(value)) return value.map((v) => masked(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SENSITIVE_KEYS.has(k) ? '[masked]' : masked(v, depth + 1);
  return out;
}

const containerSerializers = Object.fromEntries(IDENTITY_CONTAINERS.map((k) => [k, (v: unknown) => masked(v, 0)]));

/**
 * An error as a log line may show it: its class, its code (ours, PostgreSQL's SQLSTATE, a
 * department's), the constraint it hit, and where it was thrown — never its message. A drizzle
 * query error's message is the SQL with its parameters (openid, account number, holder name,
 * address); a department failure's message carries the request path. The stack keeps only its
 * frames, since its first line is the message again.
 */
export function errorSummary(e: unknown): Record<string, unknown> {
  if (!(e instanceof Error)) return { type: typeof e };
  const out: Record<string, unknown> = { type: e.name && e.name !== 'Error' ? e.name : e.constructor?.name ?? 'Error' };
  const own = e as Error & { code?: unknown; constraint?: unknown; status?: unknown; departmentCode?: unknown; department?: unknown };
  const cause = own.cause as (Error & { code?: unknown; constraint?: unknown }) | undefined;
  const code = own.code ?? cause?.code;
  if (typeof code === 'string' || typeof code === 'number') out.code = code;
  const constraint = own.constraint ?? cause?.constraint;
  if (typeof constraint === 'string') out.constraint = constraint;
  if (typeof own.status === 'number') out.status = own.status;
  if (typeof own.departmentCode === 'string') out.departmentCode = own.departmentCode;
  if (typeof own.department === 'string') out.department = own.department;
  if (cause instanceof Error) out.cause = cause.name && cause.name !== 'Error' ? cause.name : cause.constructor?.name;
  if (e.stack) out.stack = e.stack.split('\n').filter((l) => l.startsWith('    at ')).slice(0, 8).join('\n');
  return out;
}

/**
 * Writes go to stdout asynchronously (sonic-boom, sync: false): a synchronous write per line was
 * 0.30 ms of a call (npm run bench). pino flushes such a destination on process exit, an uncaught
 * exception included; the CloudBase entry flushes after every invocation (flushLog), since an
 * instance may be frozen between calls.
 */
export function createLogger(opts: { level?: string; name?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: opts.level ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[masked]' },
      serializers: { ...containerSerializers, err: errorSummary, error: errorSummary },
      // Not pino's `name`: a top-level `name` is a resident's name to the redaction rules.
      base: { svc: opts.name ?? 'bianmin' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    opts.destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

/** Waits until every line written so far has left the process (a no-op for a stream without flush). */
export function flushLog(log: Logger): Promise<void> {
  return new Promise((done) => {
    try {
      log.flush(() => done());
    } catch {
      done();
    }
  });
}

export const silentLogger: Logger = pino({ level: 'silent' });
