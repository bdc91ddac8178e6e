/*
 * Dependency rules of ARCHITECTURE.md (house rules 1, 2 and 8), checked by `npm run lint`.
 * A part is one folder under apps/server/src/platform/ or apps/server/src/modules/.
 *
 * .dependency-cruiser-known-violations.json holds the imports that break a rule today and are left
 * for later; lint runs with --ignore-known, so those pass, any new one fails, and the list can only
 * shrink. Today: access/access-control.ts takes AppError from http/errors.ts, because through
 * http/index.ts it would close a cycle (http/context.ts holds the AccessControl type); it goes when
 * AppError gets a home below both. Regenerate with `npx depcruise-baseline apps packages bench e2e
 * --config .dependency-cruiser.cjs` and keep only the entries meant to be there (not the warnings
 * below, which are to stay visible).
 */
const server = '^apps/server/src/';
const part = `${server}(modules|platform)/([^/]+)/`;
const test = '\\.test\\.tsx?$';
// Test support: *.testing.ts beside the code it serves, and the shared harness in testing/.
const testSupport = `(\\.testing\\.ts$|${server}testing/)`;
const migration = `${part}migrations/`;

/*
 * Files of a part outside its repositories that build queries from kysely values (sql``, expression
 * helpers) today. They warn rather than fail, so the list can only shrink: anything else that adds
 * such an import fails lint.
 */
const knownQueryBuilders = [
  `${server}platform/http/paging\\.ts$`,
  `${server}platform/access/scope\\.ts$`,
  `${server}platform/iam/identity\\.adapter\\.ts$`,
];
const typeOnly = ['type-only', 'pre-compilation-only', 'type-import'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Files that import each other cannot be read, tested or split one at a time, and the order in which ' +
        'ESM evaluates them decides what is still undefined. Move what both need into a file of its own.',
      from: {},
      // Cycles that exist at run time. Type-only ones are avoided too (farm-studio look counts them;
      // ADR 0006), but a type reference is never evaluated, and a lazily loaded page (import()) is
      // evaluated after everything it imports, so neither fails lint on its own.
      to: { circular: true, viaOnly: { dependencyTypesNot: [...typeOnly, 'dynamic-import'] } },
    },
    {
      name: 'db-is-the-ground',
      severity: 'error',
      comment:
        'modules -> platform -> db (house rule 1): db/ creates the database, dialects, column helpers and the ' +
        'migrator for every part, so it cannot know any of them.',
      from: { path: `${server}db/` },
      to: { path: `${server}(platform|modules)/` },
    },
    {
      name: 'platform-knows-no-module',
      severity: 'error',
      comment:
        'modules -> platform -> db (house rule 1): the platform is business-agnostic; a module plugs into it ' +
        '(approval subjects, record types, ports), never the other way round.',
      from: { path: `${server}platform/` },
      to: { path: `${server}modules/` },
    },
    {
      name: 'parts-know-no-composition-root',
      severity: 'error',
      comment:
        'app.ts, main.ts and cli/ assemble the parts (and the CLI seeds them); a part that imports them ' +
        'would depend on every other part. Tests are exempt: an integration test may build the whole app ' +
        '(app.ts) or seed the demo data (cli/) to exercise its part in place.',
      from: { path: `${server}(modules|platform|db)/`, pathNot: test },
      to: { path: `${server}(app\\.ts|main\\.ts|cli\\.ts|cli/)` },
    },
    {
      name: 'part-only-through-index',
      severity: 'error',
      comment:
        'A module or platform part is used by another only through its index.ts, its one public surface ' +
        '(house rule 1), so its files can be moved, split and renamed without touching anyone else.',
      from: { path: part, pathNot: [test, testSupport, `${server}platform/kit/`] },
      to: { path: part, pathNot: [`${server}$1/$2/`, `${part}index\\.ts$`] },
    },
    {
      name: 'kit-names-contribution-types-only',
      severity: 'error',
      comment:
        'The module kit names the types of what parts contribute (audit events, jobs, templates, approval ' +
        "subjects, file grants) from the files that define them, since a part's index.ts exports the part's " +
        'definition, which is built with the kit. Those imports carry types only; anything else of another part ' +
        'goes through its index.ts, as part-only-through-index says.',
      from: { path: `${server}platform/kit/`, pathNot: [test, testSupport] },
      to: {
        path: part,
        pathNot: [`${server}platform/kit/`, `${part}index\\.ts$`],
        dependencyTypesNot: typeOnly,
      },
    },
    {
      name: 'part-tests-through-index-or-test-support',
      severity: 'error',
      comment:
        "As part-only-through-index, for a part's tests and test support, which may also use another " +
        "part's test helpers (its *.testing.ts: fakes, fixtures). Those stay out of index.ts so that test " +
        'code never ships as part of the production surface.',
      from: { path: `${part}.*(\\.test\\.tsx?|\\.testing\\.ts)$` },
      to: { path: part, pathNot: [`${server}$1/$2/`, `${part}index\\.ts$`, '\\.testing\\.ts$'] },
    },
    {
      name: 'outside-only-through-index',
      severity: 'error',
      comment:
        'As part-only-through-index, for every file outside the parts: app.ts, main.ts, cli/, the shared test ' +
        'harness testing/, bench/ and e2e/.',
      from: { pathNot: part },
      to: { path: part, pathNot: `${part}index\\.ts$` },
    },
    {
      name: 'migrations-only-db-helpers',
      severity: 'error',
      comment:
        'A migration is frozen the day it ships and must run the same in a year (house rule 8): it takes ' +
        'Kysely<any> and may import only db/ helpers (and kysely, node: built-ins), never application code, ' +
        'which will change.',
      from: { path: migration },
      to: {
        pathNot: [`${server}db/`, '(^|/)node_modules/kysely/'],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'web-never-imports-server',
      severity: 'error',
      comment:
        'The web talks to the server over HTTP only (house rule 1); what both need lives in packages/contracts. ' +
        'Importing the server would also bundle its code (and secrets handling) into the browser.',
      from: { path: '^apps/web/' },
      to: { path: '^apps/server/' },
    },
    {
      name: 'contracts-import-no-app',
      severity: 'error',
      comment:
        'packages/contracts is the shared ground of server and web (house rule 1): it imports neither app, or ' +
        'the web would pull in the server and the server the web.',
      from: { path: '^packages/contracts/' },
      to: { path: '^apps/' },
    },
    {
      name: 'queries-only-in-repositories',
      severity: 'error',
      comment:
        "A part's tables are read and written only by its repositories (house rule 2). Outside *.repository.ts " +
        '(and migrations and tests) a part may use kysely for types only (Kysely, Transaction for the ' +
        'transaction a service opens and hands on) and may take only types (row shapes) from its *.tables.ts. ' +
        'A value import (sql, expression builders) means queries are built elsewhere.',
      from: {
        path: `${part}`,
        pathNot: [`\\.repository\\.ts$`, migration, test, testSupport, ...knownQueryBuilders],
      },
      to: {
        path: ['(^|/)node_modules/kysely/', '\\.tables\\.ts$'],
        dependencyTypesNot: typeOnly,
      },
    },
    {
      name: 'queries-only-in-repositories-known',
      severity: 'warn',
      comment:
        'The files of queries-only-in-repositories that build queries outside a repository today (shared ' +
        'paging, data-scope and identity helpers). Move their query code into a repository or db/ and take ' +
        'them off the list in this file.',
      from: { path: knownQueryBuilders },
      to: {
        path: ['(^|/)node_modules/kysely/', '\\.tables\\.ts$'],
        dependencyTypesNot: typeOnly,
      },
    },
    {
      name: 'no-dev-dependency-in-production',
      severity: 'error',
      comment:
        'npm ci --omit=dev leaves devDependencies out of a production install; server code that imports one ' +
        'starts in development and fails in production. Tests and test support may use them.',
      from: { path: server, pathNot: [test, testSupport] },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: typeOnly },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to no file is a typo or a package missing from package.json.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^apps/web/dist/'] },
    // .js ESM specifiers resolve to their .ts sources through the TypeScript configuration.
    tsConfig: { fileName: 'tsconfig.json' },
    // Keep type-only imports (marked as such) so rules can tell them from imports of values.
    tsPreCompilationDeps: true,
    // devDependencies live in the root package.json of the workspace.
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    cache: { folder: 'node_modules/.cache/dependency-cruiser', strategy: 'content' },
  },
};
