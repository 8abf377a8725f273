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

export function createLogger(opts: { level?: string; name?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: opts.level ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[masked]' },
      // Not pino's `name`: a top-level `name` is a resident's name to the redaction rules.
      base: { svc: opts.name ?? 'bianmin' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    opts.destination,
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });
