import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Paths that may carry a resident's identity. pino's redaction is applied at serialisation, so
 * a careless `log.info({ input })` still cannot write an ID number, a phone or a plate.
 */
const SENSITIVE = [
  'name', 'holderName', 'realName', 'idNumber', 'idCard', 'phone', 'mobile', 'plate', 'plateNo',
  'engineNo', 'vin', 'accountNo', 'address', 'openid', 'unionid',
];
export const REDACT_PATHS = [
  ...SENSITIVE,
  ...SENSITIVE.map((k) => `*.${k}`),
  ...SENSITIVE.map((k) => `*.*.${k}`),
  'headers.authorization',
  'headers["x-api-key"]',
];

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

export function createLogger(opts: { level?: string; name?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: opts.level ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[masked]' },
      serializers: { err: errorSummary, error: errorSummary },
      // Not pino's `name`: a top-level `name` is a resident's name to the redaction rules.
      base: { svc: opts.name ?? 'bianmin' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    opts.destination,
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });
