import { creditCodeCheckChar, type Partner, type PartnerDetail } from '@concord/contracts';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../testing/test-app.js';
import { listPartners, partnerNames } from './partners.testing.js';

/** Valid credit codes not used by the demo data (check characters computed). */
const FREE_CODES = ['91330106MA2CFK8W06', '91310000MA1FL9QX7K'];

const names = partnerNames;
const list = listPartners;

describeEachDialect('partners', (t) => {
  const byName = async (name: string): Promise<Partner> => {
    const page = await list(await t().login('admin'), `&q=${encodeURIComponent(name)}`);
    const found = page.items.find((p) => p.name === name);
    if (!found) throw new Error(`no partner ${name}`);
    return found;
  };

  it('registers a partner with a normalised credit code, and refuses invalid and duplicate codes', async () => {
    const legal = await t().login('wang.fang');
    const created = await legal.post('/api/v1/partners', {
      name: '杭州西溪数字科技有限公司',
      creditCode: ' 9133 0106ma2cfk8w06 ',
      kinds: ['customer', 'supplier'],
      industry: 'I',
      region: '33',
      address: '杭州市西湖区文三路 90 号',
    });
    expect(created.statusCode, created.body).toBe(201);
    const partner: PartnerDetail = created.json();
    expect(partner).toMatchObject({
      name: '杭州西溪数字科技有限公司',
      creditCode: FREE_CODES[0],
      kinds: ['customer', 'supplier'],
      type: 'enterprise',
      rating: null,
      entityName: '协和控股集团有限公司',
      ownerName: '王芳',
      sharedWithGroup: false,
      blacklisted: false,
      bankAccounts: [],
      contacts: [],
      qualifications: [],
      blacklistLog: [],
      canManage: true,
      canBlacklist: true,
    });

    const wrongCheck = await legal.post('/api/v1/partners', {
      name: '校验位错误有限公司',
      creditCode: '91330106MA2CFK8W07',
      kinds: ['supplier'],
    });
    expect(wrongCheck.statusCode).toBe(400);
    expect(wrongCheck.json()).toMatchObject({
      code: 'PARTNER_CREDIT_CODE_INVALID',
      detail: '统一社会信用代码无效：校验位（第 18 位）应为“6”，实际为“7”，请核对是否抄错',
      errors: [{ path: 'creditCode' }],
    });
    const missing = await legal.post('/api/v1/partners', { name: '无代码有限公司', kinds: ['supplier'] });
    expect(missing.json().code).toBe('PARTNER_CREDIT_CODE_INVALID');

    const duplicate = await legal.post('/api/v1/partners', {
      name: '另一家公司',
      creditCode: '91330106MA2CFK8W06',
      kinds: ['supplier'],
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().detail).toBe('统一社会信用代码已存在：91330106MA2CFK8W06');
    // Within the group: another entity cannot register it again either.
    const fromTech = await (await t().login('he.jun')).post('/api/v1/partners', {
      name: '另一家公司',
      creditCode: '91330106MA2CFK8W06',
      kinds: ['customer'],
    });
    expect(fromTech.statusCode).toBe(409);

    // Individuals may go without a code, several of them.
    for (const name of ['李四', '王五']) {
      const person = await legal.post('/api/v1/partners', { name, type: 'individual', kinds: ['supplier'] });
      expect(person.statusCode, person.body).toBe(201);
      expect(person.json().creditCode).toBeNull();
    }
  });

  it('updates a partner with an audit trail, keeping the credit code unique', async () => {
    const legal = await t().login('wang.fang');
    const created = (
      await legal.post('/api/v1/partners', {
        name: '上海临港精密机械有限公司',
        creditCode: FREE_CODES[1],
        kinds: ['supplier'],
      })
    ).json() as PartnerDetail;
    const updated = await legal.patch(`/api/v1/partners/${created.id}`, {
      name: '上海临港精密机械股份有限公司',
      sharedWithGroup: true,
      remarks: '改制为股份公司',
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      name: '上海临港精密机械股份有限公司',
      sharedWithGroup: true,
      remarks: '改制为股份公司',
      creditCode: FREE_CODES[1],
    });
    const clash = await legal.patch(`/api/v1/partners/${created.id}`, { creditCode: '91110108MA01Q7HK0D' });
    expect(clash.statusCode).toBe(409);
    expect(
      (await legal.patch(`/api/v1/partners/${created.id}`, { type: 'individual', creditCode: null })).json(),
    ).toMatchObject({ type: 'individual', creditCode: null });

    const admin = await t().login('admin');
    const audit = (await admin.get(`/api/v1/audit?entityType=partner&entityId=${created.id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['update', 'update', 'create']);
    expect(audit.items[1].changes).toEqual(
      expect.arrayContaining([
        { field: 'name', old: '上海临港精密机械有限公司', new: '上海临港精密机械股份有限公司' },
        { field: 'sharedWithGroup', old: false, new: true },
      ]),
    );
  });

  it('tells a searcher that a matching partner exists elsewhere but is not shared, without naming it', async () => {
    const consClient = await t().login('sun.li'); // 协和建设 finance: 深圳云帆 is 协和智能's own
    expect((await consClient.get('/api/v1/partners?q=云帆')).json().items).toEqual([]);
    const hidden = await consClient.get(`/api/v1/partners/hidden-matches?q=${encodeURIComponent('云帆')}`);
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect(hidden.json()).toEqual({ count: 1, capped: false });
    expect(JSON.stringify(hidden.json())).not.toContain('深圳');
    // Whoever sees the partner hears of nothing hidden; one character asks nothing.
    const group = await t().login('zhang.wei');
    expect(
      (await group.get(`/api/v1/partners/hidden-matches?q=${encodeURIComponent('云帆')}`)).json().count,
    ).toBe(0);
    expect(
      (await consClient.get(`/api/v1/partners/hidden-matches?q=${encodeURIComponent('云')}`)).json().count,
    ).toBe(0);
  });

  it('shows each entity its own partners and the shared ones; the group sees all', async () => {
    // sun.li: CONS finance, partner.view over 协和建设.
    const cons = names(await list(await t().login('sun.li')));
    expect(cons).toEqual(
      expect.arrayContaining(['苏州恒力钢结构工程有限公司', '张建国', '广州智联电子科技有限公司']),
    );
    expect(cons).not.toContain('深圳云帆数据技术有限公司');
    expect(cons).not.toContain('北京金泰物业管理有限公司');
    // wu.min: staff, scope "self": only shared partners.
    const staff = names(await list(await t().login('wu.min')));
    expect(staff).toEqual(
      expect.arrayContaining(['北京华信联合会计师事务所（特殊普通合伙）', '浙江安和置业发展有限公司']),
    );
    expect(staff).not.toContain('苏州恒力钢结构工程有限公司');
    // zhang.wei: group general manager, entity and below.
    const group = names(await list(await t().login('zhang.wei')));
    expect(group).toEqual(
      expect.arrayContaining([
        '深圳云帆数据技术有限公司',
        '苏州恒力钢结构工程有限公司',
        '北京金泰物业管理有限公司',
      ]),
    );

    const techOwn = await byName('深圳云帆数据技术有限公司');
    const techShared = await byName('广州智联电子科技有限公司');
    const consClient = await t().login('sun.li');
    expect((await consClient.get(`/api/v1/partners/${techOwn.id}`)).statusCode).toBe(404);
    const shared = await consClient.get(`/api/v1/partners/${techShared.id}`);
    expect(shared.statusCode).toBe(200);
    // Shared by a sibling: who registered it is named, not identified.
    expect(shared.json()).toMatchObject({
      canManage: false,
      canBlacklist: false,
      entityId: null,
      entityName: '协和智能科技有限公司',
      ownerId: null,
      ownerName: null,
    });
    const inList = (await list(consClient)).items.find((p) => p.id === techShared.id)!;
    expect([inList.entityId, inList.ownerName]).toEqual([null, null]);
    const ownInList = (await list(consClient)).items.find((p) => p.name === '苏州恒力钢结构工程有限公司')!;
    expect(ownInList).toMatchObject({ entityName: '协和建设工程有限公司', ownerName: '徐涛' });
    expect(ownInList.entityId).toBeTruthy();
    // xu.tao manages 协和建设's partners, not the ones 协和科技 shares.
    const procurement = await t().login('xu.tao');
    expect((await procurement.patch(`/api/v1/partners/${techShared.id}`, { remarks: 'x' })).statusCode).toBe(
      403,
    );
    expect((await procurement.patch(`/api/v1/partners/${techOwn.id}`, { remarks: 'x' })).statusCode).toBe(
      404,
    );
    expect(
      (await procurement.post(`/api/v1/partners/${techShared.id}/contacts`, { name: '某人' })).statusCode,
    ).toBe(403);
  });

  it('filters, sorts and pages the list', async () => {
    const { services, given } = t();
    // Four partners of the test's own company: the list filtered to it holds exactly these.
    const { entityId } = await given.world();
    const tag = Date.now().toString(36).toUpperCase();
    const first17 = `91440300MA${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const cloud = await given.partner({
      name: `深圳云帆数据${tag}有限公司`,
      creditCode: first17 + creditCodeCheckChar(first17),
      kinds: ['customer'],
      industry: 'I',
      region: '44',
    });
    const government = await given.partner({
      name: `前海智慧城市服务中心${tag}`,
      type: 'government',
      kinds: ['customer'],
      industry: 'S',
      region: '44',
    });
    const software = await given.partner({
      name: `杭州澄明软件${tag}有限公司`,
      kinds: ['customer', 'supplier'],
      industry: 'I',
      region: '33',
    });
    const steel = await given.partner({ name: `苏州钢结构${tag}有限公司`, industry: 'E', region: '32' });
    const client = await t().login('zhang.wei');
    const ours = (query: string) => list(client, `&entityId=${entityId}${query}`).then(names);

    await services.db
      .transaction()
      .execute((trx) => services.partners.setRating(trx, services.systemContext(), software.id, 'A'));
    expect(await services.partners.ratingOf(services.db, software.id)).toBe('A');
    expect(await ours('&rating=A')).toEqual([software.name]);
    expect(await ours('&type=government')).toEqual([government.name]);
    expect(await ours('&sort=name')).toEqual([cloud.name, government.name, software.name, steel.name].sort());
    expect(await ours('&kind=customer&region=44&sort=-name')).toEqual(
      [cloud.name, government.name].sort().reverse(),
    );
    expect(await ours('&industry=E&kind=supplier')).toEqual([steel.name]);
    // The search reads credit codes in any case, and names.
    expect(await ours(`&q=${cloud.creditCode!.slice(6, 14)}`)).toEqual([cloud.name]);
    expect(await ours(`&q=${cloud.creditCode!.slice(8, 14).toLowerCase()}`)).toEqual([cloud.name]);
    expect(await ours(`&q=${encodeURIComponent('澄明软件')}`)).toEqual([software.name]);

    const page = (n: number) =>
      client
        .get(`/api/v1/partners?entityId=${entityId}&pageSize=2&page=${n}&sort=createdAt`)
        .then((r) => r.json());
    const [first, second] = [await page(1), await page(2)];
    expect([first.total, second.total]).toEqual([4, 4]);
    expect(new Set([...names(first), ...names(second)]).size).toBe(4);
    expect((await client.get('/api/v1/partners?sort=shoeSize')).statusCode).toBe(400);
  });

  it('exports the filtered list to a workbook', async () => {
    const client = await t().login('zhang.wei');
    const response = await client.get('/api/v1/partners/export?region=44&sort=name');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('合作伙伴')!;
    const rows = sheet.getSheetValues().slice(1) as unknown[][];
    expect(rows[0].slice(1, 5)).toEqual(['名称', '统一社会信用代码', '类别', '性质']);
    const expected = names(await list(client, '&region=44&sort=name'));
    expect(rows.slice(1).map((r) => r[1])).toEqual(expected);
    const yunfan = rows.find((r) => r[1] === '深圳云帆数据技术有限公司')!;
    expect(yunfan.slice(2, 8)).toEqual([
      '91440300MA5F2K9N0R',
      '客户',
      '企业',
      '信息传输、软件和信息技术服务业',
      '广东省',
      expect.any(String),
    ]);
    expect(yunfan[9]).toBe('协和智能科技有限公司');

    const staff = await (await t().login('wu.min')).get('/api/v1/partners/export');
    expect(staff.statusCode).toBe(403);
    expect(staff.headers['content-type']).toContain('application/problem+json');
  });
});
