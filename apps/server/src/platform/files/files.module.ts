import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { filesPermissionGroups } from '@concord/contracts';
import { defineModule } from '../kit/index.js';
import { filesMigrations } from './files.migrations.js';
import { filesRecordTypes } from './files.record-types.js';
import { filesRoutes } from './files.routes.js';
import { FilesService } from './files.service.js';
import { filesAuditEvents } from './files.audit-events.js';

declare module '../kit/module.js' {
  interface ModuleRegistry {
    files: FilesService;
  }
}

/** Attachments: stored once, read by their owner and by whoever a module's read grant vouches for. */
export const filesModule = defineModule({
  name: 'files',
  requires: ['audit'],
  migrations: filesMigrations,
  permissions: filesPermissionGroups,
  auditEvents: filesAuditEvents,
  recordTypes: filesRecordTypes,
  create({ db, clock, settings }, { audit }) {
    const files = new FilesService(
      db,
      audit,
      settings.filesDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'concord-files-')),
      clock,
    );
    return { provides: files, services: { files }, routes: filesRoutes(files) };
  },
});
