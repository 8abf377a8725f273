import { defineFunction } from '@bianmin/server/runtime/define';
import { listServices } from '@bianmin/server/services/list';

export const servicesFunction = defineFunction('services', {
  list: {
    // The catalogue is public: a resident may look before signing in.
    auth: 'public',
    run: async (_input, ctx) => listServices(ctx.clock.now()),
  },
});
