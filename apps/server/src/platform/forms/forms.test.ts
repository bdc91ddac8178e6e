import type { FormDefinition } from '@concord/contracts';
import { expect, it } from 'vitest';
import type { RequestContext } from '../http/index.js';
import { upload } from '../files/files.testing.js';
import { describeEachDialect, type TestApp } from '../../testing/test-app.js';

let counter = 0;
const code = () => `t_${Date.now().toString(36)}_${counter++}`;

const sealFields = [
  { key: 'title', label: '标题', type: 'text', required: true },
  { key: 'amount', label: '金额', type: 'money', required: false },
];

async function contextOf(t: TestApp, username: string): Promise<RequestContext> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: 'Concord2026' },
  });
  const token = response.cookies.find((c) => c.name === 'concord_sid')!.value;
  return t.services.auth.authenticate(
    { requestId: 'test', ip: null, userAgent: null, locale: 'en-US' },
    token,
    { checkCsrf: false, csrfHeader: undefined },
  );
}

describeEachDialect('forms', (t) => {
  const byCode = async (c: string): Promise<FormDefinition> => {
    const admin = await t().login('admin');
    const page = (await admin.get(`/api/v1/forms?q=${c}&pageSize=200`)).json();
    return page.items.find((f: FormDefinition) => f.code === c);
  };

  it('has the demo forms: two for the group, one for 协和科技', async () => {
    const admin = await t().login('admin');
    const page = (await admin.get('/api/v1/forms?pageSize=200')).json();
    const demo = page.items.filter((f: FormDefinition) =>
      ['seal', 'general', 'tech_outing'].includes(f.code),
    );
    expect(demo.map((f: FormDefinition) => [f.code, f.entityId === null, f.active, f.businessType])).toEqual([
      ['general', true, true, 'form.general'],
      ['seal', true, true, 'form.seal'],
      ['tech_outing', false, true, 'form.tech_outing'],
    ]);
    const general = demo[0];
    expect(general.amountField).toBe('amount');
    // Fields keep the order the administrator gave them.
    expect(general.fields.map((f: { key: string }) => f.key)).toEqual([
      'title',
      'amount',
      'period',
      'items',
      'remark',
    ]);
  });

  it('creates, reads, updates and deletes a definition, with an audit trail', async () => {
    const admin = await t().login('admin');
    const c = code();
    const created = await admin.post('/api/v1/forms', {
      code: c,
      name: '测试表单',
      fields: sealFields,
      amountField: 'amount',
    });
    expect(created.statusCode, created.body).toBe(201);
    const form = created.json();
    expect(form).toMatchObject({
      code: c,
      entityId: null,
      active: true,
      description: null,
      amountField: 'amount',
    });
    expect(form.fields[0]).toEqual({ key: 'title', label: '标题', type: 'text', required: true });
    expect((await admin.get(`/api/v1/forms/${form.id}`)).json()).toEqual(form);

    const updated = await admin.patch(`/api/v1/forms/${form.id}`, {
      name: '改名',
      active: false,
      amountField: null,
    });
    expect(updated.json()).toMatchObject({ name: '改名', active: false, amountField: null, code: c });
    expect((await admin.post('/api/v1/forms', { code: c, name: 'x', fields: sealFields })).statusCode).toBe(
      409,
    );

    expect((await admin.delete(`/api/v1/forms/${form.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/forms/${form.id}`)).statusCode).toBe(404);
    const audit = await t()
      .services.db.selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'form_definition')
      .where('entity_id', '=', form.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('refuses definitions with field errors, naming each field', async () => {
    const admin = await t().login('admin');
    const cases: [unknown[], string | null, string[]][] = [
      [[{ key: 'a', label: 'A', type: 'select' }], null, ['fields.0.options']],
      [
        [
          { key: 'a', label: 'A', type: 'text' },
          { key: 'a', label: 'B', type: 'text' },
        ],
        null,
        ['fields.1.key'],
      ],
      [[{ key: 'a', label: 'A', type: 'text' }], 'a', ['amountField']],
      [[{ key: 'a', label: 'A', type: 'money' }], 'nope', ['amountField']],
      [[{ key: 't', label: 'T', type: 'table' }], null, ['fields.0.columns']],
      [
        [
          {
            key: 't',
            label: 'T',
            type: 'table',
            columns: [
              { key: 'c', label: 'C', type: 'multiSelect' },
              { key: 'c', label: 'D', type: 'text' },
            ],
          },
        ],
        null,
        ['fields.0.columns.0.options', 'fields.0.columns.1.key'],
      ],
      [[{ key: 'n', label: 'N', type: 'number', min: 5, max: 1 }], null, ['fields.0.max']],
      [[{ key: 'a', label: 'A', type: 'text', columns: [] }], null, ['fields.0.columns']],
    ];
    for (const [fields, amountField, expected] of cases) {
      const response = await admin.post('/api/v1/forms', { code: code(), name: 'x', fields, amountField });
      expect(response.statusCode, JSON.stringify(fields)).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
      expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual(expected);
    }
    // Zod refuses what the schema cannot accept: an unknown type, no fields at all.
    expect((await admin.post('/api/v1/forms', { code: code(), name: 'x', fields: [] })).statusCode).toBe(400);
    const badType = [{ key: 'a', label: 'A', type: 'rich' }];
    expect((await admin.post('/api/v1/forms', { code: code(), name: 'x', fields: badType })).statusCode).toBe(
      400,
    );
    // An update is checked as a whole: amountField against the stored fields.
    const seal = await byCode('seal');
    const update = await admin.patch(`/api/v1/forms/${seal.id}`, { amountField: 'copies' });
    expect(update.statusCode).toBe(400);
  });

  it('scopes definitions by entity: an entity administrator manages only their own entity', async () => {
    const { given } = t();
    const cons = await given.entityByCode('CONS');
    const tech = await given.entityByCode('TECH');
    const zhengHao = await t().login('zheng.hao'); // administrator of 协和建设
    const own = await zhengHao.post('/api/v1/forms', {
      code: code(),
      name: '建设表单',
      entityId: cons.id,
      fields: sealFields,
    });
    expect(own.statusCode, own.body).toBe(201);
    const groupWide = await zhengHao.post('/api/v1/forms', { code: code(), name: 'x', fields: sealFields });
    expect(groupWide.statusCode).toBe(403);
    const foreign = await zhengHao.post('/api/v1/forms', {
      code: code(),
      name: 'x',
      entityId: tech.id,
      fields: sealFields,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().code).toBe('INVALID_REFERENCE');

    const list = (await zhengHao.get('/api/v1/forms?pageSize=200')).json();
    const codes = list.items.map((f: FormDefinition) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['seal', 'general', own.json().code]));
    expect(codes).not.toContain('tech_outing');
    const techForm = await byCode('tech_outing');
    expect((await zhengHao.get(`/api/v1/forms/${techForm.id}`)).statusCode).toBe(404);
    expect((await zhengHao.patch(`/api/v1/forms/${techForm.id}`, { name: 'x' })).statusCode).toBe(404);
    const seal = await byCode('seal');
    expect((await zhengHao.get(`/api/v1/forms/${seal.id}`)).statusCode).toBe(200);
    expect((await zhengHao.patch(`/api/v1/forms/${seal.id}`, { name: 'x' })).statusCode).toBe(403);
    expect((await zhengHao.delete(`/api/v1/forms/${seal.id}`)).statusCode).toBe(403);

    const wuMin = await t().login('wu.min'); // staff: no form.definition.view
    expect((await wuMin.get('/api/v1/forms')).statusCode).toBe(403);
  });

  it('lists the forms available to the signed-in user: active, group-wide or of the acting entity', async () => {
    const admin = await t().login('admin');
    const cons = await t().given.entityByCode('CONS');
    const inactive = await admin.post('/api/v1/forms', {
      code: code(),
      name: '停用表单',
      fields: sealFields,
      active: false,
    });
    const consForm = await admin.post('/api/v1/forms', {
      code: code(),
      name: '建设专用',
      entityId: cons.id,
      fields: sealFields,
    });
    const codesFor = async (username: string) =>
      (
        (await (await t().login(username)).get('/api/v1/forms/available')).json().items as FormDefinition[]
      ).map((f) => f.code);

    const wuMin = await codesFor('wu.min');
    expect(wuMin).toEqual(expect.arrayContaining(['seal', 'general', consForm.json().code]));
    expect(wuMin).not.toContain('tech_outing');
    expect(wuMin).not.toContain(inactive.json().code);
    const linFeng = await codesFor('lin.feng');
    expect(linFeng).toEqual(expect.arrayContaining(['seal', 'general', 'tech_outing']));
    expect(linFeng).not.toContain(consForm.json().code);
    const available = (await (await t().login('lin.feng')).get('/api/v1/forms/available?q=外出')).json();
    expect(available.items.map((f: FormDefinition) => f.code)).toEqual(['tech_outing']);
  });

  it('prepares a submission: validates, normalises, confirms ids and gives the amount', async () => {
    const { services, given } = t();
    const general = await byCode('general');
    const ctx = await contextOf(t(), 'wu.min');
    const prepared = await services.db.transaction().execute((trx) =>
      services.forms.prepareSubmission(trx, ctx, general.id, {
        title: ' 购买办公用品 ',
        amount: 123450,
        period: ['2026-03-01', '2026-03-05'],
        items: [{ item: '打印纸', quantity: 10, amount: 123450 }],
      }),
    );
    expect(prepared.form.code).toBe('general');
    expect(prepared.amount).toBe(123450);
    expect(prepared.data).toEqual({
      title: '购买办公用品',
      amount: 123450,
      period: ['2026-03-01', '2026-03-05'],
      items: [{ item: '打印纸', quantity: 10, amount: 123450 }],
    });
    const noAmount = await services.db
      .transaction()
      .execute((trx) => services.forms.prepareSubmission(trx, ctx, general.id, { title: 'x' }));
    expect(noAmount.amount).toBeNull();

    const failure = await services.db
      .transaction()
      .execute((trx) =>
        services.forms.prepareSubmission(trx, ctx, general.id, {
          amount: 1.5,
          items: [{ item: 'x', quantity: 1 }],
        }),
      )
      .catch((error) => error);
    expect(failure.code).toBe('VALIDATION_FAILED');
    expect(failure.fieldErrors.map((e: { path: string }) => e.path)).toEqual([
      'data.title',
      'data.amount',
      'data.items.0.amount',
    ]);

    // Another subsidiary's form is not offered: 404.
    const techForm = await byCode('tech_outing');
    const missing = await services.db
      .transaction()
      .execute((trx) => services.forms.prepareSubmission(trx, ctx, techForm.id, {}))
      .catch((error) => error);
    expect(missing.code).toBe('NOT_FOUND');

    // Users, departments and files are confirmed against the database.
    const cons = await given.entityByCode('CONS');
    const eng = await given.departmentByCode('CONS', 'ENG');
    const zhaoLei = await given.userByUsername('zhao.lei');
    const admin = await t().login('admin');
    const form = (
      await admin.post('/api/v1/forms', {
        code: code(),
        name: '引用',
        entityId: cons.id,
        fields: [
          { key: 'who', label: 'Who', type: 'user' },
          { key: 'dept', label: 'Dept', type: 'department' },
          { key: 'files', label: 'Files', type: 'attachment' },
        ],
      })
    ).json();
    const wuMin = await t().login('wu.min');
    const mine = (await upload(wuMin, 'mine.txt', Buffer.from('mine'))).json();
    const linFeng = await t().login('lin.feng');
    const theirs = (await upload(linFeng, 'theirs.txt', Buffer.from('theirs'))).json();
    const good = await services.db.transaction().execute((trx) =>
      services.forms.prepareSubmission(trx, ctx, form.id, {
        who: zhaoLei.id,
        dept: eng.id,
        files: [mine.id],
      }),
    );
    expect(good.data).toEqual({ who: zhaoLei.id, dept: eng.id, files: [mine.id] });
    const unknown = '0190a000-0000-7000-8000-000000000000';
    const bad = await services.db
      .transaction()
      .execute((trx) =>
        services.forms.prepareSubmission(trx, ctx, form.id, {
          who: unknown,
          dept: unknown,
          files: [mine.id, theirs.id],
        }),
      )
      .catch((error) => error);
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect(bad.fieldErrors.map((e: { path: string }) => e.path)).toEqual([
      'data.who',
      'data.dept',
      'data.files',
    ]);
    expect(bad.fieldErrors[2].message).toContain(theirs.id);
  });
});
