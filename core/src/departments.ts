/** The government departments Bianmin reaches, each through its own typed client. */
export const DEPARTMENT_IDS = ['water', 'power', 'gas', 'traffic', 'insurance', 'hotline'] as const;
export type DepartmentId = (typeof DEPARTMENT_IDS)[number];

export function isDepartmentId(x: string): x is DepartmentId {
  return (DEPARTMENT_IDS as readonly string[]).includes(x);
}

export const DEPARTMENTS: Record<DepartmentId, { name: string; shortName: string }> = {
  water: { name: '市自来水公司', shortName: '自来水' },
  power: { name: '国网市供电公司', shortName: '供电' },
  gas: { name: '市燃气集团', shortName: '燃气' },
  traffic: { name: '市公安局交通管理局', shortName: '交警' },
  insurance: { name: '市人力资源和社会保障局', shortName: '社保' },
  hotline: { name: '12345 政务服务便民热线', shortName: '12345' },
};
