import { defineDevFlow } from '../attack';
import { seedAgenda } from './agenda-seed';

/** The resident's own page: every action answers about the caller, never anyone else. */
export const meAttack = defineDevFlow({
  fn: 'me',
  async seed(stack) {
    return { ...(await seedAgenda(stack)) };
  },
  secrets: () => ({}),
  recipes: {
    agenda: { body: () => ({ action: 'agenda' }), replay: 'own' },
  },
});
