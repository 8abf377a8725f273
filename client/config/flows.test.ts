import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { routeOf, SCAN_TARGETS } from '../../e2e/scan-targets';
import { APP_ROUTES, FLOWS, hubEntryOf, subPackagesOf, uncovered } from '../src/flows';
import { PAGES as WEAPP_PAGES } from '../weapp-tests/pages';

/**
 * The flows' declarations (client/src/<flow>/flow.ts) decide which pages exist: app.json's
 * subPackages are built from them, and each page must be measured by the browser scan (in both
 * font modes) and mounted in the simulated WeChat. A declared page either list leaves out fails
 * here, before any build.
 */
describe('the flows’ declarations', () => {
  it('are the subpackages of app.json, page for page', () => {
    expect(subPackagesOf(FLOWS)).toEqual([
      { root: 'messages', pages: ['pages/index/index'] },
      { root: 'services', pages: ['pages/status/index'] },
      { root: 'bills', pages: ['pages/households/index', 'pages/bind/index', 'pages/bill/index', 'pages/result/index', 'pages/orders/index'] },
      { root: 'insurance', pages: ['pages/summary/index', 'pages/verify/index', 'pages/records/index', 'pages/access/index', 'pages/eligibility/index'] },
      { root: 'traffic', pages: ['pages/vehicles/index', 'pages/add/index', 'pages/violations/index', 'pages/violation/index', 'pages/receipt/index'] },
      { root: 'tickets', pages: ['pages/new/index', 'pages/mine/index', 'pages/detail/index', 'pages/agent/index'] },
      { root: 'me', pages: ['pages/agenda/index', 'pages/data/index', 'pages/family/index', 'pages/family-invite/index', 'pages/family-accept/index'] },
    ]);
    expect(readFileSync(join(__dirname, '../src/app.config.ts'), 'utf8')).toContain('subPackages: subPackagesOf(FLOWS)');
  });

  it('every declared page is in the browser scan', () => {
    expect(uncovered(SCAN_TARGETS.map(routeOf))).toEqual([]);
  });

  it('every declared page is mounted in the simulated WeChat', () => {
    expect(uncovered(WEAPP_PAGES.map((p) => p.route))).toEqual([]);
  });

  it('catches a page a flow adds without a scan or a simulation', () => {
    const routes = [...APP_ROUTES, 'parking/pages/permit/index'];
    expect(uncovered(SCAN_TARGETS.map(routeOf), routes)).toEqual(['parking/pages/permit/index']);
    expect(uncovered(WEAPP_PAGES.map((p) => p.route), routes)).toEqual(['parking/pages/permit/index']);
  });

  it('open, for each catalogue service, the page the catalogue’s path names', () => {
    const catalogue = JSON.parse(readFileSync(join(__dirname, '../../core/src/catalogue/services.json'), 'utf8')) as { services: Array<{ id: string; path: string; live: boolean }> };
    for (const s of catalogue.services.filter((x) => x.live)) expect({ id: s.id, page: hubEntryOf(s.id) }).toEqual({ id: s.id, page: s.path.split('?')[0] });
  });
});
