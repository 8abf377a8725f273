import type { DepartmentId } from '@bianmin/core';
import type { OperatorRole } from '@bianmin/core/admin/contract';
import { operators } from '@bianmin/server/db/schema';
import type { Db } from '@bianmin/server/db/open';
import { sql } from '@bianmin/server/db/sql';

/**
 * The local stack's operators (GET /api/__dev/fixtures lists them): one per role the console
 * knows, and department operators of two departments so that "not yours" can be tried. Each has a
 * WeChat Work userid the WeCom sandbox knows, so the real sign-in works locally too.
 */
export interface FixtureOperator {
  operatorId: string;
  name: string;
  role: OperatorRole;
  departmentId?: DepartmentId;
  wecomUserId: string;
}

export const OPERATORS: readonly FixtureOperator[] = [
  { operatorId: 'op-power-01', name: '刘供电', role: 'department_operator', departmentId: 'power', wecomUserId: 'LiuGongDian' },
  { operatorId: 'op-water-01', name: '陈水务', role: 'department_operator', departmentId: 'water', wecomUserId: 'ChenShuiWu' },
  { operatorId: 'op-hotline-01', name: '周热线', role: 'department_operator', departmentId: 'hotline', wecomUserId: 'ZhouReXian' },
  { operatorId: 'op-admin-01', name: '赵市管', role: 'city_admin', wecomUserId: 'ZhaoShiGuan' },
  { operatorId: 'op-auditor-01', name: '钱审计', role: 'auditor', wecomUserId: 'QianShenJi' },
];

/** A WeChat Work member who is not an operator: signing in with them must be refused. */
export const NON_OPERATOR_MEMBER = { userid: 'SunWeiKaiTong', name: '孙未开通' };

export const findOperator = (id: string) => OPERATORS.find((o) => o.operatorId === id);

/** Writes the fixture operators into the database (idempotent: a restart keeps their sessions). */
export async function seedOperators(db: Db): Promise<void> {
  await db
    .insert(operators)
    .values(OPERATORS.map((o) => ({ id: o.operatorId, name: o.name, role: o.role, departmentId: o.departmentId ?? null, wecomUserId: o.wecomUserId })))
    .onConflictDoUpdate({
      target: operators.id,
      set: { name: sql`excluded.name`, role: sql`excluded.role`, departmentId: sql`excluded.department_id`, wecomUserId: sql`excluded.wecom_userid` },
    });
}

/** What GET /api/__dev/fixtures says of them. */
export const operatorFixtures = () => OPERATORS.map(({ wecomUserId: _w, ...o }) => o);
