import { DEPARTMENT_IDS, type DepartmentId } from '@bianmin/core';
// The subpath, not the root: the insurance contract would bring the ID-number rules (~5 KB) into every bundle.
import { FACE_METHODS, type FaceMethod } from '@bianmin/core/insurance-terms';
import type { WeChatApiConfig } from './wechat/api';
import { z } from 'zod';
import type { TencentCloudConfig } from './tencentcloud/config';
import { MAX_DEPARTMENT_TIMEOUT_MS } from './runtime/budgets';

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
  /** Per department request; capped so that every function's worst case fits its timeout (runtime/budgets.ts). */
  DEPT_TIMEOUT_MS: z.coerce.number().int().positive().max(MAX_DEPARTMENT_TIMEOUT_MS).default(4000),
  /** The one-time subscribe message template for "remind me when it opens" (WeChat MP console). */
  REMINDER_TEMPLATE_ID: z.string().min(1).optional(),
  /** The subscribe message template for "your 12345 ticket moved on" (WeChat MP console). */
  TICKET_TEMPLATE_ID: z.string().min(1).optional(),
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
  /** FaceID (慧眼) business flow id from the FaceID console, for real-name verification (insurance). */
  FACEID_RULE_ID: z.string().regex(/^[A-Za-z0-9]{1,32}$/).optional(),
  /** Where FaceID's h5 page returns to when a check ends (h5 only; weapp uses the FaceID plugin). */
  FACEID_REDIRECT_URL: z.url().optional(),
  /**
   * The mini-program's AppID and AppSecret (MP console → 开发管理): WeChat's HTTPS-only APIs
   * (人脸核身 2.0) need its access token. Not WX_APPID: CloudBase sets that one per invocation,
   * to the calling mini-program's appid (getWXContext).
   */
  MP_APPID: z.string().regex(/^wx[0-9a-f]{16}$/).optional(),
  MP_APPSECRET: z.string().regex(/^[0-9a-f]{32}$/).optional(),
  /** @default 'https://api.weixin.qq.com' (the local stack points it at its WeChat sandbox) */
  WECHAT_API_URL: z.url().default('https://api.weixin.qq.com'),
  /**
   * Which face checks insurance.verify offers, comma-separated: `wechat` (WeChat 人脸核身 2.0, needs
   * MP_APPID and MP_APPSECRET; the mini-program's way for a government account) and `faceid`
   * (Tencent 慧眼, needs FACEID_RULE_ID and Tencent Cloud keys; the h5 page and the fallback).
   * @default 'wechat,faceid' (each where its keys are configured)
   */
  FACE_METHODS: z
    .string()
    .regex(new RegExp(`^(${FACE_METHODS.join('|')})(,(${FACE_METHODS.join('|')}))*$`))
    .default('wechat,faceid'),
  /**
   * HMAC key for ID numbers at rest (insurance verifications): at least 32 characters, random,
   * kept only in the function's configuration. Changing it makes earlier verifications unrecognisable.
   */
  INSURANCE_ID_HASH_KEY: z.string().min(32, 'INSURANCE_ID_HASH_KEY must be at least 32 characters').optional(),
  /**
   * HMAC key for the account audit (me function): a deleted resident's exports and deletion stay
   * recorded under a keyed hash of their openid, never the openid. At least 32 characters, random;
   * changing it makes earlier entries unrecognisable to their resident.
   */
  ACCOUNT_AUDIT_KEY: z.string().min(32, 'ACCOUNT_AUDIT_KEY must be at least 32 characters').optional(),
  /** WeChat Work (企业微信) corp id, for the operator console's sign-in (admin function only). */
  WECOM_CORP_ID: z.string().regex(/^[A-Za-z0-9]{6,40}$/, 'WECOM_CORP_ID must be the corp id (ww…)').optional(),
  /** The console's self-built app (自建应用) in WeChat Work: its AgentId and Secret. */
  WECOM_AGENT_ID: z.string().regex(/^\d{1,12}$/, 'WECOM_AGENT_ID must be digits').optional(),
  WECOM_SECRET: z.string().min(16, 'WECOM_SECRET must be the app secret').optional(),
  /** Where WeChat Work sends an operator back after signing in: the console's address (a trusted domain of the app). */
  ADMIN_CONSOLE_URL: z.url().optional(),
  /**
   * WeChat 非税缴费 (fines to the treasury): the collecting unit (执收单位) the non-tax platform
   * registered — its code and name — and the 6-digit administrative region code (行政区划代码).
   * With MP_APPID and MP_APPSECRET (its calls take the mini-program's access token).
   */
  NONTAX_DEPARTMENT_CODE: z.string().regex(/^[0-9A-Za-z]{1,32}$/, 'NONTAX_DEPARTMENT_CODE must be the 执收单位编码 (letters and digits)').optional(),
  NONTAX_DEPARTMENT_NAME: z.string().trim().min(2).max(64).optional(),
  NONTAX_REGION_CODE: z.string().regex(/^\d{6}$/, 'NONTAX_REGION_CODE must be the 6-digit 行政区划代码').optional(),
  /** bank_id the non-tax platform assigned: required in its test environment, left to WeChat in production. */
  NONTAX_BANK_ID: z.string().regex(/^[0-9A-Za-z_-]{1,32}$/).optional(),
  /** The key the non-tax platform signs its payment notifications with (the nontaxNotify function only). */
  NONTAX_NOTIFY_KEY: z.string().min(32, 'NONTAX_NOTIFY_KEY must be the signing key the non-tax platform issued (at least 32 characters)').optional(),
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
  ticketTemplateId?: string;
  pay?: { subMchId: string; envId: string };
  departments: Partial<Record<DepartmentId, DepartmentEndpoint>>;
  tencentCloud?: TencentCloudConfig;
  faceId?: { ruleId: string; redirectUrl?: string };
  /** The mini-program's credentials for WeChat's HTTPS APIs; undefined without MP_APPID and MP_APPSECRET. */
  weChat?: WeChatApiConfig;
  /** The face checks offered (FACE_METHODS); each still needs its keys. */
  faceMethods: FaceMethod[];
  insuranceIdHashKey?: string;
  accountAuditKey?: string;
  wecom?: { corpId: string; agentId: string; secret: string; redirectUri: string };
  /** The collecting unit for WeChat 非税缴费; undefined unless its code, name and region are all set. */
  nontax?: { departmentCode: string; departmentName: string; regionCode: string; bankId?: string };
  nontaxNotifyKey?: string;
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
    ticketTemplateId: e.TICKET_TEMPLATE_ID as string | undefined,
    pay: e.PAY_SUB_MCH_ID && e.TCB_ENV ? { subMchId: e.PAY_SUB_MCH_ID as string, envId: e.TCB_ENV as string } : undefined,
    departments,
    tencentCloud: tencentCloudFrom(e),
    faceId: e.FACEID_RULE_ID ? { ruleId: e.FACEID_RULE_ID as string, redirectUrl: e.FACEID_REDIRECT_URL as string | undefined } : undefined,
    weChat: e.MP_APPID && e.MP_APPSECRET ? { appId: e.MP_APPID as string, appSecret: e.MP_APPSECRET as string, baseUrl: (e.WECHAT_API_URL as string).replace(/\/$/, '') } : undefined,
    faceMethods: [...new Set((e.FACE_METHODS as string).split(',') as FaceMethod[])],
    insuranceIdHashKey: e.INSURANCE_ID_HASH_KEY as string | undefined,
    accountAuditKey: e.ACCOUNT_AUDIT_KEY as string | undefined,
    wecom:
      e.WECOM_CORP_ID && e.WECOM_AGENT_ID && e.WECOM_SECRET && e.ADMIN_CONSOLE_URL
        ? { corpId: e.WECOM_CORP_ID as string, agentId: e.WECOM_AGENT_ID as string, secret: e.WECOM_SECRET as string, redirectUri: e.ADMIN_CONSOLE_URL as string }
        : undefined,
    nontax:
      e.NONTAX_DEPARTMENT_CODE && e.NONTAX_DEPARTMENT_NAME && e.NONTAX_REGION_CODE
        ? {
            departmentCode: e.NONTAX_DEPARTMENT_CODE as string,
            departmentName: e.NONTAX_DEPARTMENT_NAME as string,
            regionCode: e.NONTAX_REGION_CODE as string,
            ...(e.NONTAX_BANK_ID ? { bankId: e.NONTAX_BANK_ID as string } : {}),
          }
        : undefined,
    nontaxNotifyKey: e.NONTAX_NOTIFY_KEY as string | undefined,
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
