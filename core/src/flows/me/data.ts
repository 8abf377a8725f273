import { z } from 'zod';

/**
 * My data (个人信息保护法 第 45、47 条): a resident gets everything Bianmin holds about them in one
 * document, and has it erased — after a confirmation, keeping only what the law requires for
 * payments, without their name or openid.
 */

/** The word a resident types to confirm the erasure: short, and impossible to type by accident. */
export const DELETE_CONFIRM_WORD = '删除';

/** How long a deletion plan's confirmation holds, minutes: long enough to read the plan, short enough to be the same decision. */
export const DELETE_CONFIRM_MINUTES = 10;

export const dataInputs = {
  export: z.object({}),
  /** The first step of deleting: what will be erased, kept and why, and the confirmation to send back. */
  deletePlan: z.object({}),
  delete: z.object({
    confirmToken: z
      .string({ error: '请先查看删除说明（confirmToken 缺失）' })
      .regex(/^[A-Za-z0-9_-]{43}$/, '删除确认 confirmToken 格式不正确，请重新开始删除'),
    confirmWord: z
      .string({ error: `请输入「${DELETE_CONFIRM_WORD}」确认` })
      .max(20, `请输入「${DELETE_CONFIRM_WORD}」两个字确认`)
      .refine((w) => w.trim() === DELETE_CONFIRM_WORD, `请输入「${DELETE_CONFIRM_WORD}」两个字确认删除`),
  }),
};

/** A value in the export: what a JSON document can hold. */
export type DataValue = string | number | boolean | null | DataValue[] | { [key: string]: DataValue };

/** One kind of thing Bianmin holds about the resident (one table), with what happens to it. */
export interface DataSection {
  /** The table's name: stable, for a program reading the document. */
  key: string;
  /** What it is, in the resident's words: 绑定的户号. */
  title: string;
  /** Why Bianmin holds it. */
  about: string;
  /** How long it is kept. */
  retention: string;
  /** What 删除我的数据 does to it. */
  onDelete: string;
  /** The columns shown, with their labels. */
  fields: Array<{ key: string; label: string }>;
  /** The resident's rows, in full (it is their own data); times in Beijing time. */
  rows: Array<Record<string, DataValue>>;
}

/** What happened to the account: each export and deletion, kept without the openid (a keyed hash). */
export interface AccountAuditEntry {
  at: string;
  event: 'export' | 'delete_requested' | 'deleted';
  /** In the resident's words: 导出了全部数据 / 删除了 12 条记录，保留 2 笔已完成的订单. */
  summary: string;
}

export interface MyDataExport {
  format: 'bianmin.my-data/1';
  exportedAt: string;
  /** The caller's WeChat openid: the key everything below is held under. */
  openid: string;
  sections: DataSection[];
  audit: AccountAuditEntry[];
}

/** A table and how many of the resident's rows it holds. */
export interface DataCount {
  key: string;
  title: string;
  count: number;
}

/** Something deletion keeps, and the rule that requires it. */
export interface DataKept extends DataCount {
  why: string;
}

/** Something open that stops deletion until it ends (an order being paid or posted). */
export interface DeleteBlocker {
  orderId: string;
  what: string;
  /** When it ends by itself, if known (an unpaid order closes 30 minutes after it was placed). */
  until?: string;
}

export interface DeletePlan {
  /** Send it back with the word to erase; deletion refuses while `blockedBy` is not empty. */
  confirmToken: string;
  confirmWord: typeof DELETE_CONFIRM_WORD;
  expiresAt: string;
  erase: DataCount[];
  keep: DataKept[];
  /** What happens to things still open elsewhere (12345 keeps its copy of a filed ticket). */
  notes: string[];
  blockedBy: DeleteBlocker[];
}

export interface DeleteResult {
  deletedAt: string;
  erased: DataCount[];
  kept: DataKept[];
  notes: string[];
}

export interface DataOutputs {
  export: MyDataExport;
  deletePlan: DeletePlan;
  delete: DeleteResult;
}
