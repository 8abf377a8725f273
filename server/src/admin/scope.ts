import { AppError, DEPARTMENTS, type DepartmentId } from '@bianmin/core';
import type { Operator } from './types';

/**
 * Whether an operator may act for these departments: a city administrator for any, a department
 * operator for its own only, an auditor for none (auditors read). FORBIDDEN names the department
 * the operator may act for, and never what the other one holds.
 */
export function assertActsFor(op: Operator, departmentIds: readonly string[]): void {
  if (op.role === 'city_admin') return;
  if (op.role === 'department_operator' && op.departmentId && departmentIds.every((d) => d === op.departmentId)) return;
  if (op.role === 'department_operator' && op.departmentId) {
    throw new AppError('FORBIDDEN', `您只能处理本部门（${DEPARTMENTS[op.departmentId].name}）的服务，其他部门的请由该部门或市级管理员办理。`);
  }
  throw new AppError('FORBIDDEN', '审计人员只能查看，不能修改。');
}

/** What an operator may see of department-owned work (queues): one department, or all. */
export function visibleDepartments(op: Operator): DepartmentId[] | 'all' {
  return op.role === 'department_operator' && op.departmentId ? [op.departmentId] : 'all';
}
