import { ROLE_NAMES, type OperatorRole } from '@bianmin/core/admin/contract';
import { DEPARTMENTS, type DepartmentId } from '@bianmin/core/departments';
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Space } from 'tdesign-react';
import { admin, ApiError, devOperators, devSignIn, type DevOperator, session, STATE_KEY } from '../api';

function randomState(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/**
 * WeChat Work sign-in (企业微信): the console asks for the sign-in page, WeChat Work sends the
 * operator back here with `code` and the `state` we sent (anything else is someone else's sign-in
 * and is refused). On the local stack, its fixture operators can be picked instead.
 */
export function SignInPage({ onSignedIn, onStatus }: { onSignedIn: () => void; onStatus: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [devs, setDevs] = useState<DevOperator[]>([]);

  useEffect(() => {
    void devOperators().then(setDevs);
    const q = new URLSearchParams(location.search);
    const code = q.get('code');
    if (!code) return;
    const expected = sessionStorage.getItem(STATE_KEY);
    sessionStorage.removeItem(STATE_KEY);
    history.replaceState(null, '', location.pathname + location.hash);
    if (!expected || q.get('state') !== expected) {
      setError('这次登录不是从本页发起的，请重新点击“企业微信登录”。');
      return;
    }
    setBusy(true);
    admin('signIn', { code })
      .then((r) => {
        session.set(r.token);
        onSignedIn();
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : '登录没有成功，请重试。'))
      .finally(() => setBusy(false));
  }, [onSignedIn]);

  const wecom = async () => {
    setError(null);
    setBusy(true);
    try {
      const state = randomState();
      sessionStorage.setItem(STATE_KEY, state);
      const { url } = await admin('signInUrl', { state });
      location.assign(url);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '暂时无法打开企业微信登录，请稍后重试。');
      setBusy(false);
    }
  };

  const asDev = async (id: string) => {
    setError(null);
    try {
      session.set(await devSignIn(id));
      onSignedIn();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登录没有成功，请重试。');
    }
  };

  return (
    <main className="bm-signin" id="main">
      <Card title="便民 运营后台" bordered>
        <p className="bm-muted">供各部门运营人员、市级管理员和审计人员使用。请用企业微信登录。</p>
        {error && (
          <div role="alert"><Alert theme="error" message={error} style={{ marginBottom: 16 }} /></div>
        )}
        <Space direction="vertical" style={{ width: '100%' }}>
          <Button theme="primary" size="large" block loading={busy} onClick={wecom}>
            企业微信登录
          </Button>
          <Button variant="text" theme="primary" onClick={onStatus}>
            查看公开状态页（无需登录）
          </Button>
        </Space>
        {devs.length > 0 && (
          <section aria-labelledby="dev-ops" style={{ marginTop: 24 }}>
            <h2 id="dev-ops" style={{ fontSize: 16 }}>
              本地演示：选择一位运营人员
            </h2>
            <Space direction="vertical" style={{ width: '100%' }}>
              {devs.map((o) => {
                const label = `以 ${o.name}（${ROLE_NAMES[o.role as OperatorRole] ?? o.role}${o.departmentId ? `，${DEPARTMENTS[o.departmentId as DepartmentId]?.name ?? o.departmentId}` : ''}）登录`;
                return (
                  <Button key={o.operatorId} variant="outline" block onClick={() => asDev(o.operatorId)} data-operator={o.operatorId}>
                    {label}
                  </Button>
                );
              })}
            </Space>
          </section>
        )}
      </Card>
    </main>
  );
}
