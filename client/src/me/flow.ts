import { defineFlow, pathsOf } from '../flows/define';

/** The resident's own pages: 我的待办 (everything owed or to do, across services and for the relatives helped) and 我的数据 (see, export, delete what Bianmin holds about them). */
export const meFlow = defineFlow({
  root: 'me',
  title: '我的：我的待办（账单、罚款、12345 评价、养老金资格认证）、我的数据（查看、导出、删除）',
  pages: {
    agenda: 'pages/agenda/index',
    data: 'pages/data/index',
  },
  services: {},
});

export const PATHS = pathsOf(meFlow);
