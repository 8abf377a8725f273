import type { DepartmentId } from '@bianmin/core';
import { FLOWS } from './flows/index';
import { operatorFunctions } from './admin/functions';
import { paymentsFunctions } from './payments/functions';
import { type DeployedFunction, deploymentOf, flowFunctions, payablesSource } from './runtime/functions';
import type { Job } from './runtime/jobs';

/** The departments the payable kinds of every flow post to: the payments worker reaches them all. */
const payingFlows = FLOWS.filter((f) => f.payables.length > 0);
const payingDepartments: DepartmentId[] = [...new Set(payingFlows.flatMap((f) => f.departments))];
/** Where each flow's payable kinds are exported: the functions serving every kind wire them all. */
const everyPayable = payingFlows.map(payablesSource);

/**
 * Every cloud function that is deployed, derived: each flow's (its resident function, its worker,
 * its receivers) and the platform's (payments; the operator console's API and the operations
 * worker). The build bundles and declares each of these, the dry run checks them, the local
 * gateway serves the resident ones and the console's API.
 */
export const FUNCTIONS: readonly DeployedFunction[] = [
  ...FLOWS.flatMap((f) => flowFunctions(f, everyPayable)),
  ...paymentsFunctions(payingDepartments, everyPayable),
  ...operatorFunctions(everyPayable),
];

/** The same, as CloudBase is told: one deployment each. */
export const DEPLOYMENTS = FUNCTIONS.map(deploymentOf);

/** Every timer job, by name: the local stack's levers and loops. */
export const JOBS: ReadonlyMap<string, Job> = new Map(FUNCTIONS.flatMap((f) => (f.handler.kind === 'timer' ? f.handler.jobs.map((j) => [j.name, j] as const) : [])));
