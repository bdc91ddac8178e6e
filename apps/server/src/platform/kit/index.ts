/** The module kit: how a platform part or business module declares itself and is loaded. */
export { createModules, inDependencyOrder } from './load-modules.js';
export {
  type AnyModuleDefinition,
  type DemoPlatform,
  type DemoRecordOf,
  type DemoRegistry,
  type DemoSeeded,
  type DemoStep,
  defineDemo,
  defineModule,
  type LoadedModule,
  type ModuleDefinition,
  type ModuleInstance,
  type ModuleName,
  type ModuleRegistry,
  type PlatformPorts,
  type PlatformSettings,
  type ScheduleDefinition,
  type ServicesOf,
} from './module.js';
export { seedModuleDemos } from './seed-demos.js';
