import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DialectName } from '../../db/index.js';
import { buildOnce } from './build-once.js';
import {
  buildPostgresTemplate,
  databaseUrl,
  dropDatabase,
  postgresDatabaseExists,
  whenUnused,
  withAdmin,
} from './postgres-template.js';
import { templateHash } from './source-hash.js';
import { buildSqliteTemplate, sqliteTemplateBuilt } from './sqlite-template.js';
import { type TemplateSpec, templateVariant } from './template-spec.js';

/**
 * Template databases for tests: one per dialect and content (see TemplateSpec), built once and
 * cached under node_modules/.cache, keyed by the hash of the source code that migrates and seeds.
 * A test app opens a copy of one instead of migrating and seeding its own database.
 */

export const templateCacheRoot = path.resolve(
  import.meta.dirname,
  '../../../../../node_modules/.cache/concord-test-templates',
);

/**
 * The global setup hashes the sources once and hands the hash to the forks in the environment, so
 * an edit during a run does not make its later files build (and wait for) templates of their own.
 * Outside Vitest (benches) the process hashes them itself.
 */
export const currentHash = (): string => (process.env.CONCORD_TEMPLATE_HASH ??= templateHash());

interface TemplateLocation {
  /** The PostgreSQL database of the template (the SQLite one is `file`). */
  name: string;
  file: string;
  /** The attachments the seed uploaded: every copy of the template gets a copy of them. */
  filesDir: string;
  lock: string;
}

function locate(dialect: DialectName, spec: TemplateSpec): TemplateLocation {
  const dir = path.join(templateCacheRoot, currentHash());
  fs.mkdirSync(dir, { recursive: true });
  const variant = templateVariant(spec);
  const base = path.join(dir, `${dialect}-${variant}`);
  return {
    name: `concord_tpl_${currentHash()}_${variant}`,
    file: `${base}.sqlite`,
    filesDir: `${base}.files`,
    lock: `${base}.lock`,
  };
}

/** Builds the template of `spec` unless it is there already (or another process is building it). */
export async function ensureTemplate(dialect: DialectName, spec: TemplateSpec): Promise<TemplateLocation> {
  const where = locate(dialect, spec);
  const databaseBuilt = () =>
    dialect === 'sqlite' ? sqliteTemplateBuilt(where.file) : postgresDatabaseExists(where.name);
  await buildOnce(
    where.lock,
    async () => fs.existsSync(where.filesDir) && (await databaseBuilt()),
    async () => {
      const files = `${where.filesDir}.${process.pid}.part`;
      fs.rmSync(files, { recursive: true, force: true });
      fs.rmSync(where.filesDir, { recursive: true, force: true });
      fs.mkdirSync(files, { recursive: true });
      // The files are put in place first: the database's rename marks the template complete.
      const placeFiles = () => fs.renameSync(files, where.filesDir);
      if (dialect === 'sqlite') await buildSqliteTemplate(spec, where.file, files, placeFiles);
      else await buildPostgresTemplate(spec, where.name, files, placeFiles);
    },
  );
  return where;
}

/** A database of a test app's own, and where its attachments go. */
export interface TestDatabaseCopy {
  url: string;
  /** SQLite: the template's bytes, opened in memory. */
  sqliteBytes?: Buffer;
  filesDir: string;
  drop(): Promise<void>;
}

export async function copyOfTemplate(dialect: DialectName, spec: TemplateSpec): Promise<TestDatabaseCopy> {
  const where = await ensureTemplate(dialect, spec);
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-files-'));
  fs.cpSync(where.filesDir, filesDir, { recursive: true });
  if (dialect === 'sqlite') {
    return { ...sqliteDatabase(filesDir), sqliteBytes: fs.readFileSync(where.file) };
  }
  return postgresDatabase(filesDir, `TEMPLATE ${where.name}`);
}

/** An empty database (not even migrated), for tests of the migrations and the dialects themselves. */
export async function emptyDatabase(dialect: DialectName): Promise<TestDatabaseCopy> {
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-files-'));
  return dialect === 'sqlite' ? sqliteDatabase(filesDir) : postgresDatabase(filesDir, '');
}

const removeDir = (dir: string) => fs.rmSync(dir, { recursive: true, force: true });

function sqliteDatabase(filesDir: string): TestDatabaseCopy {
  return { url: 'sqlite::memory:', filesDir, drop: async () => removeDir(filesDir) };
}

async function postgresDatabase(filesDir: string, createOptions: string): Promise<TestDatabaseCopy> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => whenUnused(client, `CREATE DATABASE ${name} ${createOptions}`));
  return {
    url: databaseUrl(process.env.TEST_DATABASE_URL!, name),
    filesDir,
    drop: async () => {
      await withAdmin((client) => dropDatabase(client, name));
      removeDir(filesDir);
    },
  };
}
