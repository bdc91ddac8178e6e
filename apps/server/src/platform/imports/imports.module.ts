import { defineModule } from '../kit/index.js';
import { importsAuditEvents } from './imports.audit-events.js';
import { importsMigrations } from './imports.migrations.js';
import { ImportMappings } from './mappings.service.js';

declare module '../kit/module.js' {
  interface ModuleRegistry {
    imports: { mappings: ImportMappings };
  }
}

/**
 * The import kit's stored part: column mappings saved per source. Reading files (sheet reader,
 * header finder, cell values, layout) is plain library code beside it, used by every import.
 */
export const importsModule = defineModule({
  name: 'imports',
  requires: ['audit'],
  migrations: importsMigrations,
  auditEvents: importsAuditEvents,
  create({ db, clock }, { audit }) {
    const mappings = new ImportMappings(db, audit, clock);
    return { provides: { mappings }, services: { importMappings: mappings }, routes: [] };
  },
});
