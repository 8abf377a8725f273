import { internalComponents } from '@tarojs/shared';
import spec from './attributes.json';

/** What config/weapp-template-trim.js leaves out of base.wxml: a component's attributes to drop. */
export function unusedAttributes(name: string, table: Record<string, string>): string[] {
  const keep = (spec.keepOnly as Record<string, string[]>)[name];
  if (keep) return Object.keys(table).filter((attr) => !keep.includes(attr));
  return (spec.drop as Record<string, string[]>)[name] ?? [];
}

/**
 * The runtime half of config/weapp-template-trim.js (read it first): the runtime's component
 * table must lack exactly the attributes the build left out of base.wxml, or every attribute
 * after them is shortened to the wrong slot. Runs once, before the first page renders.
 */
export function dropUnusedTemplateAttributes(): void {
  const tables = internalComponents as Record<string, Record<string, string>>;
  for (const name of [...Object.keys(spec.keepOnly), ...Object.keys(spec.drop)]) {
    const table = tables[name];
    if (table) for (const attr of unusedAttributes(name, table)) delete table[attr];
  }
}
