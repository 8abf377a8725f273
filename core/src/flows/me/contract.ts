import { defineContract } from '../../contract';
import { agendaInputs, type AgendaOutputs } from './agenda';
import { type DataOutputs, dataInputs } from './data';
import { familyInputs, type FamilyOutputs } from './family';

export * from './agenda';
export * from './data';
export * from './family';

/** What each action answers: each feature's answers, joined. */
export type MeOutputs = AgendaOutputs & DataOutputs & FamilyOutputs;

/**
 * 我的: what spans every service of one resident — one agenda across every service, the family
 * circle (亲友代办), and their data (export, deletion). It guards no service of its own.
 */
export const meContract = defineContract<MeOutputs>()({
  name: 'me',
  inputs: { ...agendaInputs, ...dataInputs, ...familyInputs },
  services: [],
  // The agenda reads every department the flows it gathers reach (through their clients).
  departments: ['water', 'power', 'gas', 'traffic', 'insurance'],
});
