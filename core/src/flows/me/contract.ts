import { defineContract } from '../../contract';
import { agendaInputs, type AgendaOutputs } from './agenda';

export * from './agenda';

/** What each action answers: each feature's answers, joined. */
export type MeOutputs = AgendaOutputs;

/** The resident's own page: one agenda across every service. */
export const meContract = defineContract<MeOutputs>()({
  name: 'me',
  inputs: { ...agendaInputs },
  services: [],
  // The agenda reads every department the flows it gathers reach (through their clients).
  departments: ['water', 'power', 'gas', 'traffic', 'insurance'],
});
