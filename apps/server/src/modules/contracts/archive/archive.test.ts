/**
 * The archive of a contract's signed original on a real database: which contracts may be archived,
 * the record's edits (audited), the borrow/return log with its one-open-borrow rule (also under
 * concurrent requests), overdue flags and the data scope through the contract.
 */
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import { patchContract, testCategory, testContract, userWith } from './archive.testing.js';

describeEachDialect('contract archive and borrowing', (t) => {
  let keeper: ApiClient; // contract.archive over CONS
  let techKeeper: ApiClient; // contract.archive over TECH
  let categoryId: string;
  let archivistId: string;
  let borrowerId: string;

  beforeAll(async () => {
    const permissions = ['contract.view', 'contract.archive', 'org.user.view'];
    keeper = (await userWith(t(), { entity: 'CONS', department: 'MGT', permissions })).client;
    techKeeper = (await userWith(t(), { entity: 'TECH', department: 'MGT', permissions })).client;
    categoryId = (await testCategory(t())).id;
    archivistId = (await t().given.userByUsername('zheng.hao')).id;
    borrowerId = (await t().given.userByUsername('zhou.qiang')).id;
  });

  const consContract = (status: string) =>
    testContract(t(), { entity: 'CONS', department: 'ENG-1', owner: 'wu.min', status, categoryId });
  const archiveBody = (overrides: Record<string, unknown> = {}) => ({
    location: '协和建设档案室 A 柜 3 层',
    boxNumber: 'HT-2026-017',
    archivistId,
    archivedDate: '2026-02-01',
    copies: 2,
    note: '正本两份',
    ...overrides,
  });
  const borrowBody = (overrides: Record<string, unknown> = {}) => ({
    borrowerId,
    borrowedDate: '2026-02-10',
    dueDate: '2026-02-20',
    purpose: '工程结算核对条款',
    ...overrides,
  });

  it('archives only contracts with a signed original, and edits the record with an audit trail', async () => {
    for (const status of ['DRAFT', 'IN_APPROVAL', 'APPROVED', 'VOIDED']) {
      const id = await consContract(status);
      const refused = await keeper.put(`/api/v1/contracts/${id}/archive`, archiveBody());
      expect(refused.statusCode, `${status}: ${refused.body}`).toBe(409);
      expect(refused.json().code).toBe('CONTRACT_ARCHIVE_STATE');
      expect(refused.json().detail).toContain('只有已生效、已完成或已终止的合同可以归档');
      const view = (await keeper.get(`/api/v1/contracts/${id}/archive`)).json();
      expect(view).toMatchObject({ archivable: false, archive: null, openBorrow: null, canManage: true });
    }

    for (const status of ['IN_FORCE', 'COMPLETED', 'TERMINATED']) {
      const id = await consContract(status);
      const saved = await keeper.put(`/api/v1/contracts/${id}/archive`, archiveBody());
      expect(saved.statusCode, `${status}: ${saved.body}`).toBe(200);
      expect(saved.json()).toMatchObject({
        contractId: id,
        location: '协和建设档案室 A 柜 3 层',
        boxNumber: 'HT-2026-017',
        archivistId,
        archivistName: '郑浩',
        archivedDate: '2026-02-01',
        copies: 2,
        note: '正本两份',
      });
    }

    const id = await consContract('IN_FORCE');
    await keeper.put(`/api/v1/contracts/${id}/archive`, archiveBody());
    const edited = await keeper.put(
      `/api/v1/contracts/${id}/archive`,
      archiveBody({ location: '集团档案库 B 区', copies: 1, note: null }),
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ location: '集团档案库 B 区', copies: 1, note: null });
    const view = (await keeper.get(`/api/v1/contracts/${id}/archive`)).json();
    expect(view.archivable).toBe(true);
    expect(view.archive.location).toBe('集团档案库 B 区');

    const audit = await t()
      .services.db.selectFrom('audit_log' as never)
      .select(['action' as never, 'changes' as never])
      .where('entity_type' as never, '=', 'contract_archive' as never)
      .where('entity_id' as never, '=', id as never)
      .orderBy('seq' as never)
      .execute();
    expect(audit.map((a: any) => a.action)).toEqual(['create', 'update']);
    const changes = JSON.stringify(audit[1]);
    expect(changes).toContain('集团档案库 B 区');
    expect(changes).toContain('copies');
  });

  it('refuses an archivist who does not exist and a caller without contract.archive', async () => {
    const id = await consContract('IN_FORCE');
    const unknown = await keeper.put(
      `/api/v1/contracts/${id}/archive`,
      archiveBody({ archivistId: '00000000-0000-4000-8000-000000000001' }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('INVALID_REFERENCE');
    const staff = await t().login('wu.min');
    const forbidden = await staff.put(`/api/v1/contracts/${id}/archive`, archiveBody());
    expect(forbidden.statusCode).toBe(403);
    // The owner may still read the (empty) archive tab of their own contract.
    const view = await staff.get(`/api/v1/contracts/${id}/archive`);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({ archive: null, canManage: false });
  });

  /** A contract in force with its original archived. */
  const archived = async () => {
    const id = await consContract('IN_FORCE');
    await keeper.put(`/api/v1/contracts/${id}/archive`, archiveBody());
    return id;
  };
  /** An archived contract with its original lent out (2026-02-10, due 2026-02-20). */
  const lent = async () => {
    const id = await archived();
    const first = await keeper.post(`/api/v1/contracts/${id}/borrows`, borrowBody());
    expect(first.statusCode, first.body).toBe(201);
    return { id, borrow: first.json() };
  };

  it('lends only an archived original, within valid dates', async () => {
    const id = await consContract('IN_FORCE');
    const early = await keeper.post(`/api/v1/contracts/${id}/borrows`, borrowBody());
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('CONTRACT_ARCHIVE_STATE');
    expect(early.json().detail).toContain('尚未归档');

    await keeper.put(`/api/v1/contracts/${id}/archive`, archiveBody());
    const badDates = await keeper.post(
      `/api/v1/contracts/${id}/borrows`,
      borrowBody({ borrowedDate: '2026-02-10', dueDate: '2026-02-09' }),
    );
    expect(badDates.statusCode).toBe(400);
    expect(badDates.json().errors).toEqual([{ path: 'dueDate', message: '应还日期不能早于借出日期' }]);
  });

  it('lends the original once at a time', async () => {
    const { id, borrow } = await lent();
    expect(borrow).toMatchObject({
      contractId: id,
      borrowerId,
      borrowerName: '周强',
      borrowedDate: '2026-02-10',
      dueDate: '2026-02-20',
      returnedDate: null,
    });
    const second = await keeper.post(
      `/api/v1/contracts/${id}/borrows`,
      borrowBody({ borrowedDate: '2026-02-11' }),
    );
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('CONTRACT_ARCHIVE_STATE');
    expect(second.json().detail).toBe(
      '档案状态不允许此操作：原件已被周强借出（应还日期 2026-02-20），归还后才能再次借阅',
    );
    const view = (await keeper.get(`/api/v1/contracts/${id}/archive`)).json();
    expect(view.openBorrow.id).toBe(borrow.id);
  });

  it('takes the original back once, not before it was lent', async () => {
    const { borrow } = await lent();
    const early = await keeper.post(`/api/v1/contract-borrows/${borrow.id}/return`, {
      returnedDate: '2026-02-09',
    });
    expect(early.statusCode).toBe(400);
    const returned = await keeper.post(`/api/v1/contract-borrows/${borrow.id}/return`, {
      returnedDate: '2026-02-18',
      note: '完好无损',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({
      returnedDate: '2026-02-18',
      returnNote: '完好无损',
      overdue: false,
    });
    const again = await keeper.post(`/api/v1/contract-borrows/${borrow.id}/return`, {
      returnedDate: '2026-02-19',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('已于 2026-02-18 归还');
  });

  it('lends a returned original again, and lists the borrow log newest first or by a column', async () => {
    const { id, borrow } = await lent();
    await keeper.post(`/api/v1/contract-borrows/${borrow.id}/return`, { returnedDate: '2026-02-18' });
    const next = await keeper.post(
      `/api/v1/contracts/${id}/borrows`,
      borrowBody({ borrowedDate: '2026-03-01', dueDate: '2026-03-05' }),
    );
    expect(next.statusCode, next.body).toBe(201);
    const log = (await keeper.get(`/api/v1/contracts/${id}/borrows`)).json();
    expect(log.total).toBe(2);
    expect(log.items.map((b: any) => b.borrowedDate)).toEqual(['2026-03-01', '2026-02-10']);
    const ascending = (await keeper.get(`/api/v1/contracts/${id}/borrows?sort=dueDate`)).json();
    expect(ascending.items.map((b: any) => b.dueDate)).toEqual(['2026-02-20', '2026-03-05']);
    expect((await keeper.get(`/api/v1/contracts/${id}/borrows?sort=purpose`)).statusCode).toBe(400);
  });

  it('lets exactly one of concurrent borrows of the same original through', async () => {
    const id = await consContract('IN_FORCE');
    await keeper.put(`/api/v1/contracts/${id}/archive`, archiveBody());
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        keeper.post(`/api/v1/contracts/${id}/borrows`, borrowBody({ purpose: `并发借阅 ${i}` })),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409, 409, 409]);
    for (const refused of results.filter((r) => r.statusCode === 409))
      expect(refused.json().code).toBe('CONTRACT_ARCHIVE_STATE');
    expect((await keeper.get(`/api/v1/contracts/${id}/borrows`)).json().total).toBe(1);
  });

  it('flags overdue borrows and finds them in the archivists’ list', async () => {
    const overdueContract = await consContract('IN_FORCE');
    const onTimeContract = await consContract('COMPLETED');
    for (const id of [overdueContract, onTimeContract])
      await keeper.put(`/api/v1/contracts/${id}/archive`, archiveBody());
    const late = (
      await keeper.post(
        `/api/v1/contracts/${overdueContract}/borrows`,
        borrowBody({ borrowedDate: '2020-01-02', dueDate: '2020-01-10' }),
      )
    ).json();
    const fine = (
      await keeper.post(
        `/api/v1/contracts/${onTimeContract}/borrows`,
        borrowBody({ borrowedDate: '2020-01-02', dueDate: '2999-12-31' }),
      )
    ).json();
    expect(late.overdue).toBe(true);
    expect(fine.overdue).toBe(false);

    const overdue = (await keeper.get('/api/v1/contract-borrows?overdue=true&pageSize=200')).json();
    const overdueIds = overdue.items.map((b: any) => b.id);
    expect(overdueIds).toContain(late.id);
    expect(overdueIds).not.toContain(fine.id);
    expect(overdue.items.every((b: any) => b.overdue && b.returnedDate === null)).toBe(true);
    const open = (await keeper.get('/api/v1/contract-borrows?open=true&pageSize=200')).json();
    expect(open.items.map((b: any) => b.id)).toEqual(expect.arrayContaining([late.id, fine.id]));
    const byBorrower = (
      await keeper.get(`/api/v1/contract-borrows?borrowerId=${borrowerId}&pageSize=200`)
    ).json();
    expect(byBorrower.items.every((b: any) => b.borrowerId === borrowerId)).toBe(true);

    // The same list as a workbook: the export right is needed on top of contract.archive.
    expect((await keeper.get('/api/v1/contract-borrows/export?overdue=true')).statusCode).toBe(403);
    const exporter = (
      await userWith(t(), {
        entity: 'CONS',
        department: 'MGT',
        permissions: ['contract.view', 'contract.archive', 'contract.export'],
      })
    ).client;
    const res = await exporter.get('/api/v1/contract-borrows/export?overdue=true&sort=dueDate');
    expect(res.statusCode, res.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as never);
    const rows: unknown[][] = [];
    workbook.worksheets[0].eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    const [header, ...data] = rows;
    expect(header.slice(0, 7)).toEqual([
      '合同编号',
      '合同名称',
      '借阅人',
      '借阅日期',
      '应还日期',
      '归还日期',
      '状态',
    ]);
    expect(data).toHaveLength(overdue.items.length);
    expect(data.every((r) => r[6] === '逾期未还')).toBe(true);
    expect(data.map((r) => r[4])).toEqual(overdue.items.map((b: any) => b.dueDate).sort());

    await keeper.post(`/api/v1/contract-borrows/${late.id}/return`, { returnedDate: '2020-02-01' });
    const after = (await keeper.get('/api/v1/contract-borrows?overdue=true&pageSize=200')).json();
    expect(after.items.map((b: any) => b.id)).not.toContain(late.id);
  });

  it('keeps another subsidiary’s archive out of reach', async () => {
    const techId = await testContract(t(), {
      entity: 'TECH',
      department: 'SALES',
      owner: 'guo.xin',
      status: 'IN_FORCE',
      categoryId,
    });
    const techArchivist = (await t().given.userByUsername('ma.chao')).id;
    const saved = await techKeeper.put(
      `/api/v1/contracts/${techId}/archive`,
      archiveBody({ archivistId: techArchivist, location: '协和科技档案柜' }),
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const techBorrow = (
      await techKeeper.post(
        `/api/v1/contracts/${techId}/borrows`,
        borrowBody({
          borrowerId: (await t().given.userByUsername('he.jun')).id,
          dueDate: '2020-01-01',
          borrowedDate: '2020-01-01',
        }),
      )
    ).json();
    expect(techBorrow.id).toBeTruthy();

    expect((await keeper.get(`/api/v1/contracts/${techId}/archive`)).statusCode).toBe(404);
    expect((await keeper.put(`/api/v1/contracts/${techId}/archive`, archiveBody())).statusCode).toBe(404);
    expect((await keeper.get(`/api/v1/contracts/${techId}/borrows`)).statusCode).toBe(404);
    expect((await keeper.post(`/api/v1/contracts/${techId}/borrows`, borrowBody())).statusCode).toBe(404);
    expect(
      (await keeper.post(`/api/v1/contract-borrows/${techBorrow.id}/return`, { returnedDate: '2020-01-02' }))
        .statusCode,
    ).toBe(404);
    const list = await keeper.get('/api/v1/contract-borrows?pageSize=200');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(techBorrow.id);
    expect((await techKeeper.get('/api/v1/contract-borrows?pageSize=200')).body).toContain(techBorrow.id);

    // The group's legal head (contract.archive over GRP only) does not reach a subsidiary's either.
    const legal = await t().login('wang.fang');
    expect((await legal.get(`/api/v1/contracts/${techId}/archive`)).statusCode).toBe(404);
    // A contract that left the archivable states keeps its record but lends nothing more.
    await techKeeper.post(`/api/v1/contract-borrows/${techBorrow.id}/return`, { returnedDate: '2020-01-02' });
    await patchContract(t(), techId, { status: 'VOIDED' });
    const refused = await techKeeper.post(`/api/v1/contracts/${techId}/borrows`, borrowBody());
    expect(refused.statusCode).toBe(409);
  });
});
