import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { type ApiClient, describeEachDialect } from '../../testing/test-app.js';

const USERS = '/api/v1/org/users';
let seq = 0;
const uname = (prefix = 'u') => `${prefix}.${Date.now().toString(36)}${seq++}`;

describeEachDialect('user administration', (t) => {
  let api: ApiClient;
  const entity: Record<string, string> = {};
  const dept: Record<string, string> = {};

  beforeAll(async () => {
    api = await t().login('admin');
    for (const code of ['GRP', 'CONS', 'TECH']) entity[code] = (await t().given.entityByCode(code)).id;
    for (const [key, e, d] of [
      ['ENG', 'CONS', 'ENG'],
      ['ENG1', 'CONS', 'ENG-1'],
      ['PROC', 'CONS', 'PROC'],
      ['RND', 'TECH', 'RND'],
    ] as const) {
      dept[key] = (await t().given.departmentByCode(e, d)).id;
    }
  });

  const validUser = (overrides: Record<string, unknown> = {}) => ({
    username: uname(),
    displayName: '新员工',
    email: 'new@concord.example',
    phone: '+86 138-0000-0000',
    departmentId: dept.PROC,
    password: 'Start2026pw',
    ...overrides,
  });
  const countUsers = async (where?: (q: any) => any) => {
    let query = t().services.db.selectFrom('org_user').select(sql<number>`count(*)`.as('n'));
    if (where) query = where(query);
    return Number((await query.executeTakeFirstOrThrow()).n);
  };
  const list = async (query: string) => {
    const response = await api.get(`${USERS}?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: any[]; total: number; page: number; pageSize: number };
  };
  const usernames = (page: { items: { username: string }[] }) => page.items.map((u) => u.username);

  // ------------------------------------------------------------ create
  it('creates a user who can then sign in', async () => {
    const input = validUser({ locale: 'en-US' });
    const response = await api.post(USERS, input);
    expect(response.statusCode, response.body).toBe(200);
    const user = response.json();
    expect(user).toMatchObject({
      username: input.username,
      displayName: '新员工',
      email: 'new@concord.example',
      phone: '+86 138-0000-0000',
      entityId: entity.CONS,
      entityName: '协和建设工程有限公司',
      departmentId: dept.PROC,
      departmentName: '采购部',
      extraDepartmentIds: [],
      positionId: null,
      active: true,
      locale: 'en-US',
      lockedUntil: null,
      lastLoginAt: null,
      roles: [],
    });
    expect(user).not.toHaveProperty('password');
    const client = await t().login(input.username, input.password);
    expect(client.session.user.id).toBe(user.id);
    expect((await api.get(`${USERS}/${user.id}`)).json().lastLoginAt).not.toBeNull();
  });

  it('stores usernames in lower case and signs in case-insensitively', async () => {
    const name = uname('Mixed');
    const created = (await api.post(USERS, validUser({ username: name }))).json();
    expect(created.username).toBe(name.toLowerCase());
    await expect(t().login(name.toUpperCase(), 'Start2026pw')).resolves.toBeTruthy();
  });

  it('answers 400 with field errors for invalid input', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [validUser({ username: 'a b!' }), 'body.username'],
      [validUser({ username: 'x' }), 'body.username'],
      [validUser({ password: 'short1' }), 'body.password'],
      [validUser({ password: 'lettersonly' }), 'body.password'],
      [validUser({ password: '1234567890' }), 'body.password'],
      [validUser({ email: 'not-an-email' }), 'body.email'],
      [validUser({ phone: 'call me' }), 'body.phone'],
      [validUser({ departmentId: 'not-a-uuid' }), 'body.departmentId'],
      [{ ...validUser(), displayName: undefined }, 'body.displayName'],
      [{ ...validUser(), departmentId: undefined }, 'body.departmentId'],
    ];
    const before = await countUsers();
    for (const [body, path] of cases) {
      const response = await api.post(USERS, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = response.json();
      expect(problem.code).toBe('VALIDATION_FAILED');
      expect(problem.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const unknownField = await api.post(USERS, validUser({ isAdmin: true }));
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().code).toBe('VALIDATION_FAILED');
    expect(unknownField.json().errors[0].message).toContain('isAdmin');
    expect(await countUsers()).toBe(before);
  });

  it('refuses a duplicate username with 409, whatever its case', async () => {
    for (const username of ['wu.min', 'WU.MIN']) {
      const response = await api.post(USERS, validUser({ username }));
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('DUPLICATE');
    }
  });

  it('refuses an unknown department, or a position of another entity', async () => {
    const unknown = await api.post(USERS, validUser({ departmentId: randomUUID() }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('INVALID_REFERENCE');
    const techPosition = (await api.get(`/api/v1/org/positions?entityId=${entity.TECH}`)).json().items[0];
    const foreign = await api.post(USERS, validUser({ positionId: techPosition.id }));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().code).toBe('INVALID_REFERENCE');
  });

  // ------------------------------------------------------------ update, enable/disable, password
  it('updates a user, moving them to another entity with their department', async () => {
    const user = (await api.post(USERS, validUser())).json();
    const response = await api.patch(`${USERS}/${user.id}`, {
      displayName: '改名',
      email: null,
      departmentId: dept.RND,
      extraDepartmentIds: [dept.RND],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      displayName: '改名',
      email: null,
      entityId: entity.TECH,
      departmentId: dept.RND,
      departmentName: '研发部',
      // The main department is not repeated as an extra one.
      extraDepartmentIds: [],
    });
    expect((await api.get(`${USERS}/${user.id}`)).json().displayName).toBe('改名');
    // Moving the main department to a former extra department drops it from the extras.
    const withExtras = (
      await api.patch(`${USERS}/${user.id}`, {
        departmentId: dept.PROC,
        extraDepartmentIds: [dept.ENG, dept.ENG1],
      })
    ).json();
    expect(withExtras.extraDepartmentIds.sort()).toEqual([dept.ENG, dept.ENG1].sort());
    const promoted = await api.patch(`${USERS}/${user.id}`, { departmentId: dept.ENG });
    expect(promoted.json()).toMatchObject({ departmentId: dept.ENG, extraDepartmentIds: [dept.ENG1] });
    // Moving to another entity with a position of the old one is refused; with a new position it works.
    const consPosition = (await api.get(`/api/v1/org/positions?entityId=${entity.CONS}`)).json().items[0];
    const techPosition = (await api.get(`/api/v1/org/positions?entityId=${entity.TECH}`)).json().items[0];
    expect((await api.patch(`${USERS}/${user.id}`, { positionId: consPosition.id })).statusCode).toBe(200);
    const stale = await api.patch(`${USERS}/${user.id}`, { departmentId: dept.RND });
    expect(stale.statusCode).toBe(400);
    expect(stale.json().code).toBe('INVALID_REFERENCE');
    expect((await api.get(`${USERS}/${user.id}`)).json().entityId).toBe(entity.CONS);
    const movedWithPosition = await api.patch(`${USERS}/${user.id}`, {
      departmentId: dept.RND,
      positionId: techPosition.id,
    });
    expect(movedWithPosition.statusCode).toBe(200);
    expect(movedWithPosition.json()).toMatchObject({ entityId: entity.TECH, positionId: techPosition.id });
    const bad = await api.patch(`${USERS}/${user.id}`, { username: 'renamed' });
    expect(bad.statusCode).toBe(400);
    expect((await api.patch(`${USERS}/${randomUUID()}`, { displayName: 'x' })).statusCode).toBe(404);
  });

  it('disables and enables a user, and refuses to disable oneself', async () => {
    const input = validUser();
    const user = (await api.post(USERS, input)).json();
    const session = await t().login(input.username, input.password);
    const disabled = await api.post(`${USERS}/${user.id}/active`, { active: false });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().active).toBe(false);
    expect((await session.get('/api/v1/auth/session')).statusCode).toBe(401);
    await expect(t().login(input.username, input.password)).rejects.toThrow(/403/);
    const enabled = await api.post(`${USERS}/${user.id}/active`, { active: true });
    expect(enabled.json().active).toBe(true);
    await expect(t().login(input.username, input.password)).resolves.toBeTruthy();

    const self = await api.post(`${USERS}/${api.session.user.id}/active`, { active: false });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('SELF_ACTION');
    expect((await api.get('/api/v1/auth/session')).statusCode).toBe(200);
  });

  it('resets a password: the old one stops working, the new one works, a weak one is refused', async () => {
    const input = validUser();
    const user = (await api.post(USERS, input)).json();
    const weak = await api.post(`${USERS}/${user.id}/password`, { newPassword: 'weakweak' });
    expect(weak.statusCode).toBe(400);
    const reset = await api.post(`${USERS}/${user.id}/password`, { newPassword: 'Reset2026pw' });
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toEqual({ ok: true });
    await expect(t().login(input.username, input.password)).rejects.toThrow(/401/);
    await expect(t().login(input.username, 'Reset2026pw')).resolves.toBeTruthy();
  });

  it('needs org.user.resetPassword to reset passwords', async () => {
    const staff = await t().login('wu.min');
    const target = await t().given.userByUsername('wu.min');
    const response = await staff.post(`${USERS}/${target.id}/password`, { newPassword: 'Mine2026pw' });
    expect(response.statusCode).toBe(403);
  });

  // ------------------------------------------------------------ roles
  it('sets roles, refuses an unknown role and refuses to change own roles', async () => {
    const user = (await api.post(USERS, validUser())).json();
    const roles = (await api.get('/api/v1/iam/roles')).json().items as { id: string; code: string }[];
    const finance = roles.find((r) => r.code === 'finance')!;
    const staffRole = roles.find((r) => r.code === 'staff')!;
    const set = await api.put(`${USERS}/${user.id}/roles`, {
      assignments: [
        { roleId: finance.id, entityId: entity.CONS },
        { roleId: staffRole.id, entityId: entity.TECH },
        { roleId: finance.id, entityId: entity.CONS },
      ],
    });
    expect(set.statusCode, set.body).toBe(200);
    const held = set
      .json()
      .roles.map((r: { roleId: string; entityId: string }) => `${r.roleId}@${r.entityId}`);
    expect(held.sort()).toEqual([`${finance.id}@${entity.CONS}`, `${staffRole.id}@${entity.TECH}`].sort());
    expect(set.json().roles.find((r: { roleId: string }) => r.roleId === finance.id)).toMatchObject({
      roleName: '财务',
      entityName: '协和建设工程有限公司',
    });

    const unknownRole = await api.put(`${USERS}/${user.id}/roles`, {
      assignments: [{ roleId: randomUUID(), entityId: entity.CONS }],
    });
    expect(unknownRole.statusCode).toBe(400);
    expect(unknownRole.json().code).toBe('INVALID_REFERENCE');
    const unknownEntity = await api.put(`${USERS}/${user.id}/roles`, {
      assignments: [{ roleId: finance.id, entityId: randomUUID() }],
    });
    expect(unknownEntity.statusCode).toBe(400);
    expect(unknownEntity.json().code).toBe('INVALID_REFERENCE');
    // The failed attempts changed nothing.
    expect((await api.get(`${USERS}/${user.id}`)).json().roles).toHaveLength(2);

    const own = await api.put(`${USERS}/${api.session.user.id}/roles`, { assignments: [] });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('SELF_ACTION');
    const cleared = await api.put(`${USERS}/${user.id}/roles`, { assignments: [] });
    expect(cleared.json().roles).toEqual([]);
  });

  it('refuses to let an entity administrator hand out more than they hold', async () => {
    const { given } = t();
    const zheng = await t().login('zheng.hao');
    const roles = (await api.get('/api/v1/iam/roles')).json().items as { id: string; code: string }[];
    const byCode = (code: string) => roles.find((r) => r.code === code)!.id;
    const target = await given.user({ departmentId: dept.PROC });

    // The group's admin role (every permission, every record) would make the target a group administrator.
    const admin = await zheng.put(`${USERS}/${target.id}/roles`, {
      assignments: [{ roleId: byCode('admin'), entityId: entity.CONS }],
    });
    expect(admin.statusCode).toBe(403);
    expect(admin.json().code).toBe('FORBIDDEN');
    // So would a role with only permissions they hold but a data scope wider than theirs.
    const wide = await given.role({ permissions: ['org.user.view'], dataScope: 'all' });
    expect(
      (
        await zheng.put(`${USERS}/${target.id}/roles`, {
          assignments: [{ roleId: wide.id, entityId: entity.CONS }],
        })
      ).statusCode,
    ).toBe(403);
    const customTech = await given.role({
      permissions: ['org.user.view'],
      dataScope: 'custom',
      scopeEntityIds: [entity.TECH],
    });
    expect(
      (
        await zheng.put(`${USERS}/${target.id}/roles`, {
          assignments: [{ roleId: customTech.id, entityId: entity.CONS }],
        })
      ).statusCode,
    ).toBe(403);
    expect((await api.get(`${USERS}/${target.id}`)).json().roles).toEqual([]);

    // Roles within their own rights and reach are fine.
    const ok = await zheng.put(`${USERS}/${target.id}/roles`, {
      assignments: [
        { roleId: byCode('finance'), entityId: entity.CONS },
        { roleId: byCode('dept_head'), entityId: entity.CONS },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const customCons = await given.role({
      permissions: ['org.user.view'],
      dataScope: 'custom',
      scopeDepartmentIds: [dept.ENG],
    });
    const withCustom = await zheng.put(`${USERS}/${target.id}/roles`, {
      assignments: [
        { roleId: byCode('finance'), entityId: entity.CONS },
        { roleId: customCons.id, entityId: entity.CONS },
      ],
    });
    expect(withCustom.statusCode, withCustom.body).toBe(200);

    // A role granted by someone with more rights may stay while the entity administrator edits the others.
    await api.put(`${USERS}/${target.id}/roles`, {
      assignments: [{ roleId: byCode('admin'), entityId: entity.CONS }],
    });
    const keep = await zheng.put(`${USERS}/${target.id}/roles`, {
      assignments: [
        { roleId: byCode('admin'), entityId: entity.CONS },
        { roleId: byCode('staff'), entityId: entity.CONS },
      ],
    });
    expect(keep.statusCode, keep.body).toBe(200);
    expect(keep.json().roles).toHaveLength(2);
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
