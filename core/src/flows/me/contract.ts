import { defineContract } from '../../contract';
import { agendaInputs, type AgendaOutputs } from './agenda';
import { type DataOutputs, dataInputs } from './data';

export * from './agenda';
export * from './data';

/** What each action answers: each feature's answers, joined. */
export type MeOutputs = AgendaOutputs & DataOutputs;

/** The resident's own account: one agenda across every service, and their data (export, deletion). */
export const meContract = defineContract<MeOutputs>()({
  name: 'me',
  inputs: { ...agendaInputs, ...dataInputs },
  services: [],
  // The agenda reads every department the flows it gathers reach (through their clients).
  departments: ['water', 'power', 'gas', 'traffic', 'insurance'],
});
