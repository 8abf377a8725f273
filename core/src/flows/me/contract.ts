import { defineContract } from '../../contract';
import { type DataOutputs, dataInputs } from './data';

export * from './data';

/** What each action answers: each feature's outputs, joined. */
export type MeOutputs = DataOutputs;

/** The resident's own account: their data (export, deletion). */
export const meContract = defineContract<MeOutputs>()({
  name: 'me',
  inputs: { ...dataInputs },
  services: [],
  departments: [],
});
