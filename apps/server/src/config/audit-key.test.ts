import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAuditKey } from './audit-key.js';

describe('the audit chain key', () => {
  it('is created on the first start under DATA_DIR, readable by the owner only, and kept', () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'concord-key-')), 'data');
    const first = loadAuditKey(dataDir, undefined);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(path.join(dataDir, 'audit.key')).mode & 0o777).toBe(0o600);
    expect(loadAuditKey(dataDir, undefined)).toBe(first);
  });

  it('comes from AUDIT_KEY when set, and no file is written', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'concord-key-'));
    expect(loadAuditKey(dataDir, 'k'.repeat(40))).toBe('k'.repeat(40));
    expect(() => statSync(path.join(dataDir, 'audit.key'))).toThrow();
  });
});
