import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, entryHashOfCanonical } from './audit.hash.js';

describe('audit entry hash', () => {
  const fields = {
    seq: 42,
    at: '2026-12-06T10:00:00.000Z',
    actorId: 'u-1',
    actingEntityId: null,
    entityType: 'contract',
    entityId: 'c-1',
    action: 'import',
    requestId: 'r-1',
    ip: '127.0.0.1',
    prevHash: 'a'.repeat(64),
  };
  const changes = [
    { field: 'name', old: null, new: '历史合同 "甲"' },
    { field: 'amount', old: null, new: 1_234_500 },
    { field: 'tags', old: null, new: ['b', 'a'], note: undefined },
  ];

  it('is the same whether the changes come as values or as their canonical JSON', () => {
    const changesJson = canonicalJson(changes);
    expect(entryHashOfCanonical(fields, changesJson)).toBe(
      entryHash({ ...fields, changes: JSON.parse(changesJson) }),
    );
    // And it covers the changes: another value, another hash.
    expect(entryHashOfCanonical(fields, canonicalJson([{ field: 'amount', old: null, new: 1 }]))).not.toBe(
      entryHashOfCanonical(fields, changesJson),
    );
  });

  it('writes canonical JSON exactly as the chain was hashed with: sorted keys, undefined left out', () => {
    const value = {
      é: 1,
      b: [undefined, null, 2.5, 'x"y', { z: undefined, a: true }],
      A: { '10': 1, '9': 2, ä: 'ü' },
      '😀': -0,
      n: undefined,
      d: new Date(0),
    };
    expect(canonicalJson(value)).toBe(
      '{"A":{"10":1,"9":2,"ä":"ü"},"b":[null,null,2.5,"x\\"y",{"a":true}],"d":{},"é":1,"😀":0}',
    );
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson({ only: undefined })).toBe('{}');
    expect(canonicalJson(undefined)).toBe('null');
  });
});
