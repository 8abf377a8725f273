import { ROLE_NAMES, type OperatorView } from '@bianmin/core/admin/contract';
import { useCallback, useEffect, useState } from 'react';
import { Button, Layout, Menu, Tag } from 'tdesign-react';
import { admin, session, whenSignedOut } from './api';
import { AuditPage } from './pages/Audit';
import { HealthPage } from './pages/Health';
import { NoticesPage } from './pages/Notices';
import { QueuesPage } from './pages/Queues';
import { SchedulesPage } from './pages/Schedules';
import { SignInPage } from './pages/SignIn';
import { StatusPage } from './pages/Status';

const { MenuItem } = Menu;

/** The console's pages, by hash (`#/notices`): the server has one page, `/admin/`. */
const PAGES = {
  notices: '停服与公告',
  schedules: '办理时间',
  queues: '待办队列',
  health: '部门健康',
  audit: '审计日志',
  status: '公开状态页',
} as const;
type PageKey = keyof typeof PAGES;

const pageOf = (hash: string): PageKey => {
  const k = hash.replace(/^#\/?/, '').split('?')[0];
  return (k in PAGES ? k : 'notices') as PageKey;
};

export function App() {
  const [page, setPage] = useState<PageKey>(pageOf(location.hash));
  const [operator, setOperator] = useState<OperatorView | null>(null);
  const [checked, setChecked] = useState(false);

  const loadMe = useCallback(async () => {
    if (!session.get()) {
      setOperator(null);
      setChecked(true);
      return;
    }
    try {
      setOperator((await admin('me')).operator);
    } catch {
      setOperator(null);
    }
    setChecked(true);
  }, []);

  useEffect(() => {
    whenSignedOut(() => setOperator(null));
    void loadMe();
    const onHash = () => setPage(pageOf(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [loadMe]);

  const go = (k: PageKey) => {
    location.hash = `#/${k}`;
    setPage(k);
  };

  // The status page is public: residents and the press read it without signing in.
  if (page === 'status' && !operator) {
    return (
      <main className="bm-main" id="main">
        <StatusPage />
        <p>
          <Button variant="text" theme="primary" onClick={() => go('notices')}>
            工作人员登录
          </Button>
        </p>
      </main>
    );
  }
  if (!checked) return null;
  if (!operator) return <SignInPage onSignedIn={loadMe} onStatus={() => go('status')} />;

  const signOut = async () => {
    try {
      await admin('signOut');
    } finally {
      session.clear();
      setOperator(null);
    }
  };
  const visible = (Object.keys(PAGES) as PageKey[]).filter((k) => k !== 'audit' || operator.role !== 'department_operator');

  return (
    <Layout>
      <a className="bm-skip" href="#main">
        跳到正文
      </a>
      <header className="bm-header">
        <h1>便民 运营后台</h1>
        <div className="bm-row">
          <span data-testid="operator">
            {operator.name} <Tag variant="light">{ROLE_NAMES[operator.role]}</Tag>
            {operator.departmentName ? <Tag variant="light-outline">{operator.departmentName}</Tag> : null}
          </span>
          <Button variant="outline" onClick={signOut}>
            退出登录
          </Button>
        </div>
      </header>
      <Layout>
        <Layout.Aside width="200px">
          <nav aria-label="运营后台">
            <Menu value={page} onChange={(v) => go(v as PageKey)} style={{ width: '100%' }}>
              {visible.map((k) => (
                <MenuItem key={k} value={k}>
                  {PAGES[k]}
                </MenuItem>
              ))}
            </Menu>
          </nav>
        </Layout.Aside>
        <Layout.Content>
          <main className="bm-main" id="main">
            {page === 'notices' && <NoticesPage operator={operator} />}
            {page === 'schedules' && <SchedulesPage operator={operator} />}
            {page === 'queues' && <QueuesPage operator={operator} />}
            {page === 'health' && <HealthPage />}
            {page === 'audit' && <AuditPage />}
            {page === 'status' && <StatusPage />}
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
