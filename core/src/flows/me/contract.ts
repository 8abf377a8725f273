import { defineContract } from '../../contract';
import { familyInputs, type FamilyOutputs } from './family';

export * from './family';

/** What each action answers. */
export type MeOutputs = FamilyOutputs;

/**
 * 我的: what spans every service of one resident — the family circle (亲友代办). It guards no
 * service of its own and reaches no department.
 */
export const meContract = defineContract<MeOutputs>()({
  name: 'me',
  inputs: { ...familyInputs },
  services: [],
  departments: [],
});
