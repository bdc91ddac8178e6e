import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { type ApiClient, describeEachDialect } from '../../testing/test-app.js';
import { USERS, userAdministrationKit } from './users.testing.js';

describeEachDialect('user administration: list and export', (t) => {
  const kit = userAdministrationKit(t);
  const { entity, dept, validUser, countUsers, list, usernames } = kit;
  let api: ApiClient;
  beforeAll(() => {
    api = kit.api;
  });

  // ------------------------------------------------------------ list: paging, sorting, filters
  it('pages with page, pageSize and total', async () => {
    const total = await countUsers();
    const first = await list('pageSize=5&page=1');
    expect(first).toMatchObject({ total, page: 1, pageSize: 5 });
    expect(first.items).toHaveLength(5);
    const second = await list('pageSize=5&page=2');
    expect(second.items).toHaveLength(5);
    expect(usernames(first).filter((u) => usernames(second).includes(u))).toEqual([]);
    const lastPage = Math.ceil(total / 5);
    expect((await list(`pageSize=5&page=${lastPage}`)).items).toHaveLength(total - (lastPage - 1) * 5);
    const beyond = await list(`pageSize=5&page=${lastPage + 1}`);
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(total);
    const defaults = await list('');
    expect(defaults).toMatchObject({ page: 1, pageSize: 20 });
    for (const bad of ['pageSize=0', 'pageSize=201', 'page=0', 'page=abc']) {
      expect((await api.get(`${USERS}?${bad}`)).statusCode, bad).toBe(400);
    }
  });

  it('sorts by username both ways and refuses unknown sort fields', async () => {
    const all = await countUsers();
    const asc = usernames(await list('sort=username&pageSize=200'));
    expect(asc).toHaveLength(all);
    expect(asc).toEqual([...asc].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const desc = usernames(await list('sort=-username&pageSize=200'));
    expect(desc).toEqual([...asc].reverse());
    const byDefault = usernames(await list('pageSize=200'));
    expect(byDefault).toEqual(asc);
    const created = (await list('sort=-createdAt&pageSize=200')).items.map((u) => u.createdAt);
    expect(created).toEqual([...created].sort().reverse());

    // A column with nulls sorts the same on both dialects: never signed in counts as earliest.
    const byLogin = (await list('sort=lastLoginAt&pageSize=200')).items.map(
      (u) => u.lastLoginAt as string | null,
    );
    const nulls = byLogin.filter((v) => v === null).length;
    expect(nulls).toBeGreaterThan(0);
    expect(nulls).toBeLessThan(byLogin.length);
    expect(byLogin.slice(0, nulls).every((v) => v === null)).toBe(true);
    expect(byLogin.slice(nulls)).toEqual([...(byLogin.slice(nulls) as string[])].sort());
    const byLoginDesc = (await list('sort=-lastLoginAt&pageSize=200')).items.map((u) => u.lastLoginAt);
    expect(byLoginDesc).toEqual([...byLogin].reverse());

    for (const sort of ['password', 'entityId', 'user_name', '--username']) {
      const response = await api.get(`${USERS}?sort=${sort}`);
      expect(response.statusCode, sort).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
    }
  });

  it('filters by free text, case-insensitively, with LIKE wildcards taken literally', async () => {
    expect(usernames(await list('q=WU.M'))).toEqual(['wu.min']);
    expect(usernames(await list(`q=${encodeURIComponent('吴敏')}`))).toEqual(['wu.min']);
    expect(usernames(await list('q=zhou.qiang%40concord'))).toEqual(['zhou.qiang']);
    expect((await list(`q=${encodeURIComponent('%')}`)).total).toBe(0);
    expect((await list('q=_')).total).toBe(0);
    expect((await list('q=wu_min')).total).toBe(0);
    // NUL cannot be searched for in PostgreSQL: refused alike on both dialects, not a 500.
    const nul = await api.get(`${USERS}?q=a%00b`);
    expect(nul.statusCode).toBe(400);
    expect(nul.json().code).toBe('VALIDATION_FAILED');
  });

  it('filters by entity', async () => {
    const tech = await list(`entityId=${entity.TECH}&pageSize=200`);
    expect(tech.total).toBe(await countUsers((q) => q.where('entity_id', '=', entity.TECH)));
    expect(new Set(tech.items.map((u) => u.entityId))).toEqual(new Set([entity.TECH]));
    expect(usernames(tech)).toEqual(expect.arrayContaining(['huang.lei', 'lin.feng', 'guo.xin']));
  });

  it('filters by department, with or without sub-departments, including extra members', async () => {
    const { given } = t();
    const x = await given.department({ entityId: entity.CONS, parentId: dept.PROC, name: 'X' });
    const y = await given.department({ entityId: entity.CONS, parentId: x.id, name: 'Y' });
    const inX = await given.user({ departmentId: x.id });
    const inY = await given.user({ departmentId: y.id });
    const extra = await given.user({ departmentId: dept.PROC, extraDepartmentIds: [x.id] });
    const sorted = (names: string[]) => [...names].sort();
    const only = usernames(await list(`departmentId=${x.id}`));
    expect(sorted(only)).toEqual(sorted([inX.username, extra.username]));
    expect(sorted(usernames(await list(`departmentId=${x.id}&includeSubDepartments=false`)))).toEqual(
      sorted(only),
    );
    const below = usernames(await list(`departmentId=${x.id}&includeSubDepartments=true`));
    expect(sorted(below)).toEqual(sorted([inX.username, inY.username, extra.username]));
    expect(usernames(await list(`departmentId=${y.id}&includeSubDepartments=1`))).toEqual([inY.username]);
    const eng = usernames(await list(`departmentId=${dept.ENG}&includeSubDepartments=true&pageSize=200`));
    expect(eng).toEqual(expect.arrayContaining(['zhou.qiang', 'feng.bo', 'wu.min']));
  });

  it('filters by active', async () => {
    const user = (await api.post(USERS, validUser())).json();
    await api.post(`${USERS}/${user.id}/active`, { active: false });
    const inactive = await list('active=false&pageSize=200');
    expect(inactive.total).toBe(await countUsers((q) => q.where('active', '=', false)));
    expect(inactive.items.map((u) => u.id)).toContain(user.id);
    expect(inactive.items.every((u) => u.active === false)).toBe(true);
    const active = await list('active=1&pageSize=200');
    expect(active.total + inactive.total).toBe(await countUsers());
    expect(active.items.map((u) => u.id)).not.toContain(user.id);
    expect((await api.get(`${USERS}?active=maybe`)).statusCode).toBe(400);
  });

  it('filters by role', async () => {
    const roles = (await api.get('/api/v1/iam/roles')).json().items as { id: string; code: string }[];
    const gm = roles.find((r) => r.code === 'general_manager')!;
    expect(usernames(await list(`roleId=${gm.id}`)).sort()).toEqual(['huang.lei', 'zhang.wei', 'zhao.lei']);
    const staffRole = roles.find((r) => r.code === 'staff')!;
    const combined = usernames(await list(`roleId=${staffRole.id}&entityId=${entity.TECH}`)).sort();
    expect(combined).toEqual(['guo.xin', 'lin.feng']);
    expect((await list(`roleId=${randomUUID()}`)).total).toBe(0);
  });

  it('refuses unknown query parameters', async () => {
    const response = await api.get(`${USERS}?bogus=1`);
    expect(response.statusCode).toBe(400);
  });

  // ------------------------------------------------------------ export
  async function workbookOf(body: Buffer) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const rows: unknown[][] = [];
    sheet.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    return { sheet, rows };
  }

  it('exports the filtered list to Excel', async () => {
    const filter = `entityId=${entity.CONS}`;
    const expected = await list(`${filter}&pageSize=200`);
    const response = await api.get(`${USERS}/export?${filter}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('用户.xlsx'));
    const { sheet, rows } = await workbookOf(response.rawPayload);
    expect(sheet.name).toBe('用户');
    expect(rows[0]).toEqual([
      '用户名',
      '姓名',
      '法人主体',
      '部门',
      '岗位',
      '邮箱',
      '电话',
      '状态',
      '角色',
      '最近登录',
      '创建时间',
    ]);
    expect(rows.length - 1).toBe(expected.total);
    expect(rows.slice(1).map((r) => r[0])).toEqual(usernames(expected));
    const wu = rows.find((r) => r[0] === 'wu.min')!;
    expect(wu.slice(0, 5)).toEqual(['wu.min', '吴敏', '协和建设工程有限公司', '工程一部', '工程师']);
    expect(wu[8]).toBe('员工@协和建设工程有限公司');
  });

  it('exports in English for an English-speaking user, and an empty list as a header only', async () => {
    const { given } = t();
    const role = await given.role({ permissions: ['org.user.view', 'org.user.export'], dataScope: 'all' });
    const user = await given.user({ departmentId: dept.PROC, roles: [{ roleId: role.id }] });
    const client = await t().login(user.username, user.password);
    expect(
      (await client.request({ method: 'PUT', url: '/api/v1/auth/locale', payload: { locale: 'en-US' } }))
        .statusCode,
    ).toBe(200);
    const response = await client.get(`${USERS}/export?q=nobody-matches-this`);
    expect(response.statusCode).toBe(200);
    const { rows } = await workbookOf(response.rawPayload);
    expect(rows).toHaveLength(1);
    expect(rows[0][0]).toBe('Username');
  });

  it('needs org.user.export to export', async () => {
    const staff = await t().login('wu.min');
    const response = await staff.get(`${USERS}/export`);
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('FORBIDDEN');
  });

  it('exports only what the exporter may see', async () => {
    const { given } = t();
    const role = await given.role({
      permissions: ['org.user.view', 'org.user.export'],
      dataScope: 'department',
    });
    const user = await given.user({ departmentId: dept.ENG1, roles: [{ roleId: role.id }] });
    const client = await t().login(user.username, user.password);
    const response = await client.get(`${USERS}/export`);
    const { rows } = await workbookOf(response.rawPayload);
    const inDept = await countUsers((q) =>
      q.where((eb: any) =>
        eb.or([
          eb('department_id', '=', dept.ENG1),
          eb(
            'id',
            'in',
            eb.selectFrom('org_user_department').select('user_id').where('department_id', '=', dept.ENG1),
          ),
        ]),
      ),
    );
    expect(rows.length - 1).toBe(inDept);
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(['feng.bo', 'wu.min', user.username]));
  });
});
