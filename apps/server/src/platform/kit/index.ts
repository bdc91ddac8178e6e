/** The module kit: how a platform part or business module declares itself and is loaded. */
export {
  type DemoPlatform,
  type DemoRecordOf,
  type DemoRegistry,
  type DemoSeeded,
  type DemoStep,
  defineDemo,
  type ServicesOf,
} from './demo.js';
export { createModules, inDependencyOrder, type LoadedModule } from './load-modules.js';
export {
  type AnyModuleDefinition,
  defineModule,
  type ModuleDefinition,
  type ModuleInstance,
  type ModuleName,
  type ModuleRegistry,
  type PlatformPorts,
  type PlatformSettings,
  type ScheduleDefinition,
} from './module.js';
export { seedModuleDemos } from './seed-demos.js';
