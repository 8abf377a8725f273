import { DELETE_CONFIRM_WORD } from '@bianmin/core';
import { defineDevFlow } from '../attack';
import { DELETE_REPLAY_AT, seedMyData } from './data-seed';

/** The resident's account: a live deletion confirmation of the first resident's. */
export const meAttack = defineDevFlow({
  fn: 'me',
  seed: async (stack) => ({ ...(await seedMyData(stack)) }),
  secrets: (o) => ({ deleteToken: [o.deleteToken] }),
  recipes: {
    // The other resident's own export: after the matrix's replays it holds the same household (bound
    // with its holder's name), the same vehicle, and nothing else of theirs.
    export: { body: () => ({ action: 'export' }), replay: 'own', mayEcho: ['accountNo', 'holderName', 'address'] },
    deletePlan: { body: () => ({ action: 'deletePlan' }), replay: 'own' },
    delete: { body: (o) => ({ action: 'delete', confirmToken: o.deleteToken, confirmWord: DELETE_CONFIRM_WORD }), now: DELETE_REPLAY_AT, replay: 'NOT_FOUND' },
  },
});
