import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadAuditKey } from '../config/audit-key.js';
import { testDialects } from '../testing/dialects.js';
import { ApiClient } from '../testing/test-app.js';
import { DEMO_PASSWORD, demoUsers } from './demo-data.js';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const cliPath = path.join(repoRoot, 'apps/server/src/cli.ts');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as an operator would, in a child process against the given SQLite file. */
function cli(dbFile: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cliPath, ...args], {
      cwd: repoRoot,
      // DATA_DIR beside the database: the audit key the CLI creates stays in the test's directory.
      env: {
        ...process.env,
        DATABASE_URL: `sqlite:${dbFile}`,
        DATA_DIR: path.dirname(dbFile),
        LOG_LEVEL: 'silent',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function withFile<T>(file: string, use: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

// The CLI runs against SQLite files whatever DIALECTS says, so the PostgreSQL pass would only repeat
// the SQLite pass's minute of child processes.
describe.runIf(testDialects().includes('sqlite'))('command line', () => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-cli-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // Each run starts a Node process (~1.5 s of CPU), so independent runs go side by side.
  it.concurrent('migrates an empty database, then finds it up to date', async () => {
    const db = file('migrate.db');
    const first = await cli(db, 'migrate');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Applied: .*org_init.*iam_init.*audit_init/);
    const second = await cli(db, 'migrate');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('up to date');
    const tables = withFile(db, (raw) =>
      raw
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .all()
        .map((r) => (r as { name: string }).name),
    );
    expect(tables).toEqual(
      expect.arrayContaining(['org_entity', 'org_user', 'iam_role', 'audit_log', 'audit_head']),
    );
  });

  describe('with the demo group', () => {
    const db = () => file('demo.db');

    beforeAll(async () => {
      const seeded = await cli(db(), 'seed-demo');
      expect(seeded.code, seeded.stderr).toBe(0);
      expect(seeded.stdout).toContain(`admin / ${DEMO_PASSWORD}`);
    });

    it('seeds the demo group once; a second run exits 1 and adds nothing', async () => {
      const users = () =>
        withFile(db(), (raw) => (raw.prepare('SELECT count(*) AS n FROM org_user').get() as { n: number }).n);
      expect(users()).toBe(demoUsers.length);
      const again = await cli(db(), 'seed-demo');
      expect(again.code).toBe(1);
      expect(again.stdout).toContain('already has an organisation');
      expect(users()).toBe(demoUsers.length);
    });

    it('backs up to a readable SQLite file with the users in it', async () => {
      const target = file('backup/concord-backup.db');
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const [run, missing] = await Promise.all([cli(db(), 'backup', target), cli(db(), 'backup')]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(target);
      const usernames = withFile(target, (raw) =>
        raw
          .prepare('SELECT username FROM org_user ORDER BY username')
          .all()
          .map((r) => (r as { username: string }).username),
      );
      expect(usernames).toEqual(demoUsers.map((u) => u.username).sort());
      expect(withFile(target, (raw) => raw.pragma('integrity_check', { simple: true }))).toBe('ok');
      expect(missing.code).toBe(2);
    });

    it('verifies the audit chain, and names the entry where a tampered chain breaks', async () => {
      const count = withFile(
        db(),
        (raw) => (raw.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
      );
      expect(count).toBeGreaterThan(50);
      const intact = await cli(db(), 'audit:verify');
      expect(intact.code, intact.stderr).toBe(0);
      expect(intact.stdout).toContain(`${count} entries verified`);

      withFile(db(), (raw) => {
        raw.exec('DROP TRIGGER audit_log_no_update');
        raw.prepare("UPDATE audit_log SET entity_id = 'forged' WHERE seq = 7").run();
      });
      const broken = await cli(db(), 'audit:verify');
      expect(broken.code).toBe(1);
      expect(broken.stderr).toContain('BROKEN at entry 7');
      expect(broken.stderr).toContain('6 entries verified before it');
    });
  });

  it.concurrent('creates an administrator in an empty database who can then sign in', async () => {
    const db = file('admin.db');
    const [missing, weak] = await Promise.all([
      cli(db, 'create-admin', '--username', 'boss'),
      cli(file('weak.db'), 'create-admin', '--username', 'boss', '--password', 'weak'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--password');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('at least 8 characters');

    const run = await cli(
      db,
      'create-admin',
      '--username',
      'boss',
      '--password',
      'Boss2026x',
      '--name',
      'The Boss',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('"boss" created');

    // The server started on the same DATA_DIR uses the key the CLI wrote the audit chain with.
    const { app } = await buildApp({
      databaseUrl: `sqlite:${db}`,
      logLevel: 'silent',
      rateLimit: false,
      cookieSecure: false,
      sessionTtlHours: 12,
      auditKey: loadAuditKey(path.dirname(db), undefined),
    });
    try {
      const client = await ApiClient.login(app, 'boss', 'Boss2026x');
      expect(client.session.user).toMatchObject({ username: 'boss', displayName: 'The Boss' });
      expect(client.session.actingEntity.code).toBe('GROUP');
      expect(client.session.permissions).toEqual(
        expect.arrayContaining(['org.user.manage', 'iam.role.manage', 'audit.view']),
      );
      const users = await client.get('/api/v1/org/users');
      expect(users.json().total).toBe(1);
      const verified = await client.get('/api/v1/audit/verify');
      expect(verified.json()).toMatchObject({ ok: true });
      const wrong = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'boss', password: 'Boss2026y' },
      });
      expect(wrong.statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });
});
