import { inDependencyOrder } from './load-modules.js';
import type { AnyModuleDefinition, DemoPlatform } from './module.js';

/**
 * Runs every loaded module's demo step, each after the steps of the modules it requires or names
 * in `after`, handing each the records of those steps only (as `createModules` hands each module
 * only the ports it requires). Returns every step's record, for what runs once all are done.
 */
export async function seedModuleDemos(
  definitions: readonly AnyModuleDefinition[],
  services: DemoPlatform,
): Promise<Record<string, unknown>> {
  const steps = definitions.map((definition) => ({
    name: definition.name,
    requires: [...definition.requires, ...(definition.demo?.after ?? [])],
    definition,
  }));
  const seeded: Record<string, unknown> = {};
  for (const { definition, requires } of inDependencyOrder(steps)) {
    if (!definition.demo) continue;
    const seen = Object.fromEntries(
      requires.filter((name) => name in seeded).map((name) => [name, seeded[name]]),
    );
    seeded[definition.name] = await definition.demo.seed(services, seen);
  }
  return seeded;
}
