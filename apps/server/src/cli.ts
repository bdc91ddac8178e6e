import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { allMigrations, createServices } from './app.js';
import { DEMO_PASSWORD, isEmpty, seedDemo } from './cli/seed-demo.js';
import { loadAuditKey } from './config/audit-key.js';
import { loadConfig } from './config/config.js';
import { createDatabase, migrateToLatest } from './db/index.js';

const usage = `Usage: npm run concord -- <command>

Commands:
  migrate                         apply pending database migrations
  seed-demo                       create the demo group (only into an empty database)
  create-admin --username U --password P [--name N]
                                  create an administrator (and the group, if there is none)
  audit:verify                    check the audit log's hash chain; exits 1 where it breaks
  backup <file>                   online backup (SQLite file copy, or pg_dump for PostgreSQL)

The database is DATABASE_URL, or ./data/concord.db when unset.`;

const [command, ...rest] = process.argv.slice(2);
const loaded = loadConfig();
// The audit chain's key and checkpoints, as `npm start` uses them (audit:verify checks with them).
const config = {
  ...loaded,
  auditKey: loadAuditKey(loaded.dataDir, loaded.auditKeyFromEnv),
  auditCheckpointFile: loaded.auditCheckpointFile,
};
const database = createDatabase(config.databaseUrl);

async function run(): Promise<number> {
  switch (command) {
    case 'migrate': {
      const applied = await migrateToLatest(database.db, allMigrations);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      return 0;
    }
    case 'seed-demo': {
      await migrateToLatest(database.db, allMigrations);
      const services = createServices(database, config);
      await services.audit.bindKey();
      if (!(await isEmpty(services))) {
        console.log('The database already has an organisation; the demo group was not added.');
        return 1;
      }
      await seedDemo(services);
      console.log(`Demo group created. Log in as admin / ${DEMO_PASSWORD}.`);
      return 0;
    }
    case 'create-admin': {
      const { values } = parseArgs({
        args: rest,
        options: { username: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
      });
      if (!values.username || !values.password) {
        console.error('create-admin needs --username and --password');
        return 2;
      }
      await migrateToLatest(database.db, allMigrations);
      const { createAdmin } = await import('./cli/create-admin.js');
      const services = createServices(database, config);
      await services.audit.bindKey();
      await createAdmin(services, {
        username: values.username,
        password: values.password,
        displayName: values.name ?? values.username,
      });
      console.log(`Administrator "${values.username}" created.`);
      return 0;
    }
    case 'audit:verify': {
      const services = createServices(database, config);
      const result = await services.audit.verify();
      if (result.ok) {
        console.log(
          `Audit chain intact: ${result.checked} entries verified, ${result.checkpoints} signed checkpoint(s) matched.`,
        );
        return 0;
      }
      console.error(
        `Audit chain BROKEN at entry ${result.brokenAt}: ${result.reason} (${result.checked} entries verified before it).`,
      );
      return 1;
    }
    case 'backup': {
      const file = rest[0];
      if (!file) {
        console.error('backup needs a target file');
        return 2;
      }
      const target = path.resolve(file);
      if (database.sqliteBackup) await database.sqliteBackup(target);
      else
        execFileSync('pg_dump', ['--format=custom', `--file=${target}`, database.url], { stdio: 'inherit' });
      console.log(`Backup written to ${target}`);
      return 0;
    }
    default:
      console.log(usage);
      return command ? 2 : 0;
  }
}

try {
  process.exitCode = await run();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
