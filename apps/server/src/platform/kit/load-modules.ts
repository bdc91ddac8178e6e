import type { AnyModuleDefinition, LoadedModule, PlatformPorts } from './module.js';

/**
 * The definitions in an order where each comes after every module it requires (the list's own
 * order among independent modules). A missing or circular requirement is a programming error.
 */
export function inDependencyOrder<D extends Pick<AnyModuleDefinition, 'name' | 'requires'>>(
  definitions: readonly D[],
): D[] {
  const byName = new Map(definitions.map((d) => [d.name, d]));
  const ordered: D[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (definition: D, path: string[]) => {
    if (state.get(definition.name) === 'done') return;
    if (state.get(definition.name) === 'visiting') {
      throw new Error(`Modules require each other: ${[...path, definition.name].join(' → ')}`);
    }
    state.set(definition.name, 'visiting');
    for (const name of definition.requires) {
      const required = byName.get(name);
      if (!required) throw new Error(`Module "${definition.name}" requires "${name}", which is not loaded`);
      visit(required, [...path, definition.name]);
    }
    state.set(definition.name, 'done');
    ordered.push(definition);
  };
  for (const definition of definitions) visit(definition, []);
  return ordered;
}

/**
 * Creates every module in dependency order, handing each the ports of the modules it requires
 * (and only those). Returns the instances and the registry of what each provides.
 */
export function createModules(
  definitions: readonly AnyModuleDefinition[],
  platform: PlatformPorts,
): { loaded: LoadedModule[]; provided: Record<string, unknown> } {
  const provided: Record<string, unknown> = {};
  const loaded: LoadedModule[] = [];
  for (const definition of inDependencyOrder(definitions)) {
    const deps = Object.fromEntries(definition.requires.map((name) => [name, provided[name]]));
    const instance = definition.create(platform, deps);
    provided[definition.name] = instance.provides;
    loaded.push({ definition, instance });
  }
  return { loaded, provided };
}
