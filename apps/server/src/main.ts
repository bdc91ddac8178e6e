import { buildApp } from './app.js';
import { DEMO_PASSWORD, isEmpty, seedDemo } from './cli/seed-demo.js';
import { demoUsers } from './cli/demo-data.js';
import { loadAuditKey } from './config/audit-key.js';
import { isLoopback, loadConfig } from './config/config.js';
import { refreshPlannerStatistics } from './db/index.js';

/** Start-up: config → database → migrations → demo data on first run → HTTP. */
const config = loadConfig();
const { app, services, database } = await buildApp({
  databaseUrl: config.databaseUrl,
  logLevel: config.logLevel,
  // A person reads a terminal; a service manager or container collects JSON.
  logFormat: process.stdout.isTTY ? 'readable' : 'json',
  webDistDir: config.webDistDir,
  rateLimit: true,
  trustProxy: config.trustProxy,
  cookieSecure: config.cookieSecure,
  sessionTtlHours: config.sessionTtlHours,
  smtpUrl: config.smtpUrl,
  smtpFrom: config.smtpFrom,
  publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
  filesDir: config.filesDir,
  auditKey: loadAuditKey(config.dataDir, config.auditKeyFromEnv),
  auditCheckpointFile: config.auditCheckpointFile,
  // Served to other machines, the demo's well-known password must be changed at first sign-in.
  demoPasswordsMustChange: !isLoopback(config.host),
});

let seeded = false;
if (config.seedDemo && (await isEmpty(services))) {
  console.log('First start: creating the demo group (协和集团)...');
  await seedDemo(services);
  seeded = true;
}
await refreshPlannerStatistics(database.db, 'start');
await services.audit.writeCheckpoint();
services.jobRunner.start();

await app.listen({ port: config.port, host: config.host });
const url = `http://localhost:${config.port}`;
const where = database.dialect === 'sqlite' ? config.databaseUrl.replace(/^sqlite:/, '') : 'PostgreSQL';
const lines = ['', `Concord is running at ${url}   (database: ${where})`, `API docs: ${url}/api/docs`];
if (isLoopback(config.host))
  lines.push('Served to this machine only; set HOST=0.0.0.0 to serve other machines.');
else if (config.seedDemo)
  lines.push('Served to other machines: demo users must change the demo password when they sign in.');
if (config.seedDemo) {
  lines.push(
    '',
    `Demo logins (password for all: ${DEMO_PASSWORD})${seeded ? '' : ', unless changed since the first start'}:`,
    '  admin        系统管理员 (all rights, every entity)',
    '  zhang.wei    张伟, group general manager',
    '  zheng.hao    郑浩, administrator of 协和建设 only',
    '  li.na        李娜, group finance head',
    '  wu.min       吴敏, engineer (sees only own record)',
    `  ...and ${demoUsers.length - 5} more; see Users in the app.`,
  );
}
lines.push('', 'Press Ctrl+C to stop.', '');
console.log(lines.join('\n'));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
