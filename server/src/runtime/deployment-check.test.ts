import { FUNCTIONS } from '../functions';
import { MAX_DEPARTMENT_TIMEOUT_MS } from './budgets';
import { cloudbaseRc, cronProblems, deploymentProblems, devtoolsConfig, ENV_ID_PLACEHOLDER } from './deployment-check';
import type { CloudbaseRuntime } from './deployment';
import { deploymentOf } from './functions';

const fn = (name: string) => FUNCTIONS.find((f) => f.name === name)!;
const insuranceWorker = deploymentOf(fn('insuranceWorker'));
const tickets = deploymentOf(fn('tickets'));
const worst = (name: string) => fn(name).worstCaseMs(MAX_DEPARTMENT_TIMEOUT_MS);

describe('CloudBase timer crons', () => {
  it.each(['0 * * * * * *', '0 0 3 * * * *', '0 */5 9-18 * * MON-FRI *', '0 30 2 1,15 JAN-DEC * 2026-2030'])('takes the 7-field %p', (c) => {
    expect(cronProblems(c)).toEqual([]);
  });

  it('refuses a 5-field (Unix) cron, saying how many fields CloudBase wants and in which zone it reads them', () => {
    expect(cronProblems('30 19 * * *')).toEqual([expect.stringMatching(/has 5 fields; CloudBase wants 7 .*Beijing time/)]);
  });

  it.each([
    ['0 60 * * * * *', 'minute "60" is outside 0–59'],
    ['0 0 24 * * * *', 'hour "24" is outside 0–23'],
    ['0 0 3 0 * * *', 'day of month "0" is outside 1–31'],
    ['0 0 3 * 13 * *', 'month "13" is outside 1–12'],
    ['0 0 3 * * FUNDAY *', 'day of week "FUNDAY" is outside 0–6'],
    ['0 0 3 * * * 1969', 'year "1969" is outside 1970–2099'],
    ['0 0 9-3 * * * *', 'hour range "9-3" runs backwards'],
    ['0 */0 * * * * *', 'minute step "0" must be at least 1'],
    ['0 ? * * * * *', 'minute "?" is not a value'],
  ])('refuses %p: %s', (c, problem) => {
    expect(cronProblems(c).join('\n')).toContain(problem);
  });

  it('runs the insurance jobs on the hour, Beijing time: the eligibility reminders go out by day, the access log is purged', () => {
    expect(insuranceWorker.triggers).toEqual([{ name: 'hourly', type: 'timer', config: '0 0 * * * * *' }]);
  });
});

describe('a deployment CloudBase would not take is refused before upload', () => {
  it.each([
    [{ runtime: 'Nodejs99' as CloudbaseRuntime }, 'runtime "Nodejs99" is not a CloudBase Node.js runtime'],
    [{ memorySize: 300 as 256 }, 'memorySize 300 MB is not one of'],
    [{ triggers: [{ name: 'a', type: 'timer' as const, config: '0 * * * * * *' }] }, 'a resident function has a timer'],
    [{ permissions: { openapi: ['cloudPay'] } }, '"cloudPay" is not a cloud-call name'],
    [{ env: { required: ['database_url'], optional: [] } }, '"database_url" is not an environment variable name'],
  ])('%p', (change, problem) => {
    expect(deploymentProblems({ ...tickets, ...change }, worst('tickets')).join('\n')).toContain(problem);
  });

  it('refuses a timer function without its timer, and one with two', () => {
    expect(deploymentProblems({ ...insuranceWorker, triggers: [] }, worst('insuranceWorker')).join('\n')).toContain('a timer function that no timer fires never runs');
    const two = [insuranceWorker.triggers[0], { ...insuranceWorker.triggers[0], name: 'b' }];
    expect(deploymentProblems({ ...insuranceWorker, triggers: two }, worst('insuranceWorker')).join('\n')).toContain('CloudBase takes one per function');
  });
});

describe('the files the build writes from the deployments', () => {
  it('gives DevTools the permissions, the timer and the timeout', () => {
    expect(devtoolsConfig(insuranceWorker)).toEqual({ timeout: insuranceWorker.timeout, permissions: { openapi: ['subscribeMessage.send'] }, triggers: [{ name: 'hourly', type: 'timer', config: '0 0 * * * * *' }] });
    expect(devtoolsConfig(tickets)).toEqual({ timeout: tickets.timeout, permissions: { openapi: ['security.msgSecCheck', 'security.mediaCheckAsync'] } });
  });

  it('gives the CLI runtime, timeout, memory, triggers and VPC, the environment id as a placeholder, and no variable values', () => {
    const rc = cloudbaseRc([tickets, insuranceWorker]);
    expect(rc).toMatchObject({ version: '2.0', envId: ENV_ID_PLACEHOLDER, functionRoot: './dist/cloudfunctions' });
    expect(rc.functions[1]).toEqual({
      name: 'insuranceWorker',
      handler: 'index.main',
      runtime: 'Nodejs20.19',
      timeout: insuranceWorker.timeout,
      memorySize: 256,
      installDependency: true,
      ignore: ['node_modules', 'node_modules/**/*'],
      triggers: [{ name: 'hourly', type: 'timer', config: '0 0 * * * * *' }],
      vpc: { vpcId: '{{env.TCB_VPC_ID}}', subnetId: '{{env.TCB_SUBNET_ID}}' },
    });
    expect(JSON.stringify(rc)).not.toContain('envVariables');
  });
});
