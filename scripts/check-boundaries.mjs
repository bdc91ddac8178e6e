#!/usr/bin/env node
// Enforces the dependency rules of ARCHITECTURE.md (house rule 1), which Biome cannot express:
//   modules -> platform -> db; the web never imports the server; a module is used by others only
//   through its index.ts; migrations never import application code (only db helpers).
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const server = path.join(root, 'apps/server/src');
const problems = [];

function* sourceFiles(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') yield* sourceFiles(full);
    } else if (/\.(ts|tsx)$/.test(entry.name)) yield full;
  }
}

const importPattern = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file) {
  const text = fs.readFileSync(file, 'utf8');
  const found = [];
  for (const match of text.matchAll(importPattern)) found.push(match[1] ?? match[2]);
  return found;
}

const rel = (p) => path.relative(root, p);
const layerOf = (file) => {
  const r = path.relative(server, file).split(path.sep);
  return r[0] === 'platform' || r[0] === 'modules' || r[0] === 'db' ? r[0] : null;
};

for (const file of sourceFiles(server)) {
  const layer = layerOf(file);
  const isTest = /\.test\.ts$/.test(file);
  for (const spec of importsOf(file)) {
    if (!spec.startsWith('.')) continue;
    const target = path.resolve(path.dirname(file), spec);
    const targetLayer = layerOf(target);
    if (layer === 'db' && (targetLayer === 'platform' || targetLayer === 'modules')) {
      problems.push(`${rel(file)}: db/ must not import ${spec}`);
    }
    if (layer === 'platform' && targetLayer === 'modules') {
      problems.push(`${rel(file)}: platform/ must not import a business module (${spec})`);
    }
    if (layer === 'modules' && targetLayer === 'modules' && !isTest) {
      const fromModule = path.relative(path.join(server, 'modules'), file).split(path.sep)[0];
      const toParts = path.relative(path.join(server, 'modules'), target).split(path.sep);
      if (toParts[0] !== fromModule && !(toParts.length === 2 && /^index(\.js|\.ts)?$/.test(toParts[1]))) {
        problems.push(`${rel(file)}: use module "${toParts[0]}" only through its index.ts (${spec})`);
      }
    }
    if (file.includes(`${path.sep}migrations${path.sep}`) && !rel(target).startsWith('apps/server/src/db')) {
      problems.push(`${rel(file)}: a migration may import only db helpers (${spec})`);
    }
  }
}

for (const file of sourceFiles(path.join(root, 'apps/web/src'))) {
  for (const spec of importsOf(file)) {
    if (spec.includes('apps/server') || spec.startsWith('@concord/server') || spec.includes('../server/')) {
      problems.push(`${rel(file)}: the web must not import the server (${spec})`);
    }
  }
}

if (problems.length) {
  console.error(`Dependency rules broken (ARCHITECTURE.md, house rule 1):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('Dependency rules hold.');
