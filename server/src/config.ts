import { DEPARTMENT_IDS, type DepartmentId } from '@bianmin/core';
import { z } from 'zod';
import type { TencentCloudConfig } from './tencentcloud/config';

/**
 * Deployment configuration, from environment variables (CloudBase function settings), validated
 * once at cold start so that a missing key is a clear log line, not a resident's mystery.
 */
const departmentEnv = Object.fromEntries(
  DEPARTMENT_IDS.flatMap((id) => [
    [`DEPT_${id.toUpperCase()}_URL`, z.url().optional()],
    [`DEPT_${id.toUpperCase()}_KEY`, z.string().min(8).optional()],
  ]),
);

const envSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEPT_TIMEOUT_MS: z.coerce.number().int().positive().default(4000),
  /** The one-time subscribe message template for "remind me when it opens" (WeChat MP console). */
  REMINDER_TEMPLATE_ID: z.string().min(1).optional(),
  /** WeChat Pay sub-merchant id for cloudPay (WeChat MP console → 云开发 → 微信支付). */
  PAY_SUB_MCH_ID: z.string().min(1).optional(),
  /** CloudBase environment id; CloudBase sets TCB_ENV itself. */
  TCB_ENV: z.string().min(1).optional(),
  /** Tencent Cloud API keys (OCR, FaceID). A CloudBase function's role provides the temporary trio below instead. */
  TENCENTCLOUD_SECRET_ID: z.string().min(1).optional(),
  TENCENTCLOUD_SECRET_KEY: z.string().min(1).optional(),
  TENCENTCLOUD_SECRETID: z.string().min(1).optional(),
  TENCENTCLOUD_SECRETKEY: z.string().min(1).optional(),
  TENCENTCLOUD_SESSIONTOKEN: z.string().min(1).optional(),
  /** @default 'ap-guangzhou' */
  TENCENTCLOUD_REGION: z.string().regex(/^[a-z]+-[a-z]+(-[a-z0-9]+)?$/).default('ap-guangzhou'),
  ...departmentEnv,
});

export interface DepartmentEndpoint {
  baseUrl: string;
  apiKey: string;
}

export interface ServerConfig {
  databaseUrl?: string;
  logLevel: string;
  departmentTimeoutMs: number;
  reminderTemplateId?: string;
  pay?: { subMchId: string; envId: string };
  departments: Partial<Record<DepartmentId, DepartmentEndpoint>>;
  tencentCloud?: TencentCloudConfig;
}

export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${detail}`);
  }
  const e = parsed.data as Record<string, unknown>;
  const departments: ServerConfig['departments'] = {};
  for (const id of DEPARTMENT_IDS) {
    const baseUrl = e[`DEPT_${id.toUpperCase()}_URL`] as string | undefined;
    const apiKey = e[`DEPT_${id.toUpperCase()}_KEY`] as string | undefined;
    if (baseUrl && apiKey) departments[id] = { baseUrl, apiKey };
  }
  return {
    databaseUrl: e.DATABASE_URL as string | undefined,
    logLevel: e.LOG_LEVEL as string,
    departmentTimeoutMs: e.DEPT_TIMEOUT_MS as number,
    reminderTemplateId: e.REMINDER_TEMPLATE_ID as string | undefined,
    pay: e.PAY_SUB_MCH_ID && e.TCB_ENV ? { subMchId: e.PAY_SUB_MCH_ID as string, envId: e.TCB_ENV as string } : undefined,
    departments,
    tencentCloud: tencentCloudFrom(e),
  };
}

/** Configured keys win; otherwise the function role's temporary credentials; otherwise none. */
function tencentCloudFrom(e: Record<string, unknown>): TencentCloudConfig | undefined {
  const region = e.TENCENTCLOUD_REGION as string;
  if (e.TENCENTCLOUD_SECRET_ID && e.TENCENTCLOUD_SECRET_KEY) {
    return { secretId: e.TENCENTCLOUD_SECRET_ID as string, secretKey: e.TENCENTCLOUD_SECRET_KEY as string, region };
  }
  if (e.TENCENTCLOUD_SECRETID && e.TENCENTCLOUD_SECRETKEY) {
    return { secretId: e.TENCENTCLOUD_SECRETID as string, secretKey: e.TENCENTCLOUD_SECRETKEY as string, sessionToken: e.TENCENTCLOUD_SESSIONTOKEN as string | undefined, region };
  }
  return undefined;
}
