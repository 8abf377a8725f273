import { z } from 'zod';
import { DEPARTMENT_IDS } from '../departments';

/**
 * The product's service catalogue. It is configuration data (services.json), validated by
 * `parseCatalogue` (in ./validated: when the module loads in tests and the client, at build time
 * for a cloud function), so that a typo in the file fails the build and the tests rather than a
 * resident's call.
 */
const categorySchema = z.object({ id: z.string().min(1), name: z.string().min(1), order: z.number().int() });
const serviceSchema = z.object({
  id: z.string().regex(/^[a-z]+(\.[a-z]+)+$/),
  name: z.string().min(1),
  department: z.enum(DEPARTMENT_IDS),
  category: z.string().min(1),
  path: z.string().startsWith('/'),
  icon: z.string().min(1),
  /** Whether the service's flow exists in the app. A service that is not live is listed as 即将上线: no state, no reminder. */
  live: z.boolean(),
  /** Services with the same `tile` in a category share one hub tile (电费: 查询 and 缴费). */
  tile: z.string().min(1).optional(),
  /** The action in a word (查询, 缴费), for a shared tile's status line ('可查询 · 缴费 00:30 恢复'). */
  verb: z.string().min(1).optional(),
  /**
   * Whether the department's health bears on the service. `false` for what the department does not
   * serve through its API (人工客服 is WeChat's customer-service conversation): the platform being
   * down does not close it, and the hub and the action must say the same. @default true
   */
  needsDepartment: z.boolean().default(true),
});
const catalogueSchema = z
  .object({ categories: z.array(categorySchema).min(1), services: z.array(serviceSchema).min(1) })
  .superRefine((c, ctx) => {
    const categories = new Set(c.categories.map((x) => x.id));
    const seen = new Set<string>();
    c.services.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['services', i, 'id'], message: `duplicate service id ${s.id}` });
      seen.add(s.id);
      if (s.tile && !s.verb) ctx.addIssue({ code: 'custom', path: ['services', i, 'verb'], message: `service ${s.id} shares tile ${s.tile} and needs a verb` });
      if (!categories.has(s.category)) {
        ctx.addIssue({ code: 'custom', path: ['services', i, 'category'], message: `unknown category ${s.category}` });
      }
    });
  });

export type Category = z.infer<typeof categorySchema>;
export type ServiceDefinition = z.infer<typeof serviceSchema>;
export type Catalogue = z.infer<typeof catalogueSchema>;

export function parseCatalogue(raw: unknown): Catalogue {
  return catalogueSchema.parse(raw);
}
