import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../testing/test-app.js';

/*
 * Search by any part of a contract's number, name or counterparty, through the search index from
 * three characters on (SQLite FTS5 trigram, PostgreSQL pg_trgm) and on the rows for shorter words:
 * the index follows every insert, edit and delete of a contract, whoever writes it.
 */
describeEachDialect('contract search', (t) => {
  const namesFound = async (q: string) => {
    const admin = await t().login('admin');
    const page = await admin.get(`/api/v1/contracts?limit=100&q=${encodeURIComponent(q)}`);
    expect(page.statusCode).toBe(200);
    return page.json().items.map((row: { name: string }) => row.name) as string[];
  };

  it('finds a contract by a part of its name, Chinese or Latin, in any case, and follows edits and deletes', async () => {
    const tag = randomUUID().slice(0, 8);
    const contract = await t().given.contract({ name: `华东区域采购框架协议 Steel Supply ${tag}` });
    const name = `华东区域采购框架协议 Steel Supply ${tag}`;
    expect(await namesFound(`采购框架 steel supply ${tag}`)).toEqual([]);
    expect(await namesFound(`区域采购框架协议 Steel Supply ${tag}`)).toEqual([name]);
    expect(await namesFound(`STEEL SUPPLY ${tag.toUpperCase()}`)).toEqual([name]);
    expect(await namesFound(tag)).toEqual([name]);

    // Renamed behind the service's back: the index follows the table.
    await t()
      .services.db.updateTable('contract')
      .set({ name: `西南仓储租赁合同 ${tag}` })
      .where('id', '=', contract.id)
      .execute();
    expect(await namesFound(`Steel Supply ${tag}`)).toEqual([]);
    expect(await namesFound(`仓储租赁 ${tag}`)).toEqual([]);
    expect(await namesFound(`仓储租赁合同 ${tag}`)).toEqual([`西南仓储租赁合同 ${tag}`]);

    const admin = await t().login('admin');
    await t().services.contracts.remove(await admin.context(t().services), contract.id);
    expect(await namesFound(tag)).toEqual([]);
  });

  it('finds by the counterparty and by a word shorter than three characters', async () => {
    const tag = randomUUID().slice(0, 8);
    const partner = await t().given.partner({ name: `Acme 机电设备有限公司 ${tag}` });
    await t().given.contract({ name: `设备维保 ${tag}`, partnerId: partner.id });
    expect(await namesFound(`acme 机电设备有限公司 ${tag}`)).toEqual([`设备维保 ${tag}`]);
    const short = await namesFound('维保');
    expect(short).toContain(`设备维保 ${tag}`);
    expect(short.every((found) => found.includes('维保'))).toBe(true);
  });

  it('finds a keyword holding 有限公司 whole, not its pieces apart', async () => {
    // The index is asked for the pieces around the ubiquitous "有限公"/"限公司" (trigram-search.ts);
    // the rows it finds are checked for the whole keyword.
    const tag = randomUUID().slice(0, 8);
    await t().given.contract({ name: `鼎盛科技有限公司12 ${tag}` });
    await t().given.contract({ name: `鼎盛科技有限责任 公司12 ${tag}` });
    expect(await namesFound(`鼎盛科技有限公司12 ${tag}`)).toEqual([`鼎盛科技有限公司12 ${tag}`]);
    expect((await namesFound(`有限公司12 ${tag}`)).sort()).toEqual([`鼎盛科技有限公司12 ${tag}`]);
  });

  it('merges the SQLite search index at 8 segments a level (fewer rewrites of each entry than the default 4)', async () => {
    if (t().dialect !== 'sqlite') return; // pg_trgm's GIN indexes have no such setting
    const config = await sql<{
      v: number;
    }>`select v from contract_search_config where k = 'automerge'`.execute(t().services.db);
    expect(config.rows).toEqual([{ v: 8 }]);
  });
});
