import { describe, expect, it } from 'vitest';
import { translationResources } from '../app/moduleKit';
import { webModules } from '../app/modules';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

/**
 * Every text in the catalogues is used by some code. A text nobody shows is dead weight that still
 * has to be translated and kept in step, so this test names each one for removal.
 *
 * A key counts as used when the web code (tests and the catalogues themselves excluded) holds it as
 * a whole string literal (`t('invoices.title')`, `label: 'kit.count'`), or when a template string
 * builds it: `t(\`invoices.field.${f}\`)` uses every key under `invoices.field.`, and
 * `t(\`${base}.title\`)` every key ending in `.title`.
 */
const sources = Object.values(
  import.meta.glob<string>(['../**/*.{ts,tsx}', '!../locales/**', '!../**/*.test.{ts,tsx}'], {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
).join('\n');

function leafKeys(texts: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(texts).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [prefix + key]
      : leafKeys(value as Record<string, unknown>, `${prefix}${key}.`),
  );
}

const literals = new Set(Array.from(sources.matchAll(/['"`]([\w.-]+)['"`]/g), (m) => m[1]));
const templatePrefixes = Array.from(sources.matchAll(/`([\w.]*\.)\$\{/g), (m) => m[1]);
const templateSuffixes = Array.from(sources.matchAll(/\}(\.[\w.]+)`/g), (m) => m[1]);

function isUsed(key: string): boolean {
  return (
    literals.has(key) ||
    templatePrefixes.some((prefix) => key.startsWith(prefix)) ||
    templateSuffixes.some((suffix) => key.endsWith(suffix))
  );
}

describe('locale catalogues', () => {
  const catalogue = translationResources({ 'zh-CN': zhCN, 'en-US': enUS }, webModules)['zh-CN'].translation;
  const keys = leafKeys(catalogue);

  it('are scanned whole, with code to scan', () => {
    // Guards the scan itself: an empty source glob or catalogue would let every key pass unseen.
    expect(keys.length).toBeGreaterThan(1000);
    expect(sources).toContain("t('common.save')");
  });

  it('hold no text that no code uses', () => {
    expect(keys.filter((key) => !isUsed(key))).toEqual([]);
  });

  it('recognise keys built from a template string by their prefix', () => {
    expect(templatePrefixes).toContain('invoices.field.');
    expect(keys.filter((key) => key.startsWith('invoices.field.')).every(isUsed)).toBe(true);
  });
});
