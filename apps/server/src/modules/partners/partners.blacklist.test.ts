import { expect, it } from 'vitest';
import type { RequestContext } from '../../platform/http/index.js';
import { type ApiClient, describeEachDialect } from '../../testing/test-app.js';
import { listPartners, partnerNames } from './partners.testing.js';

const names = partnerNames;
const list = listPartners;

describeEachDialect('partners: blacklisting and use by contracts', (t) => {
  // As the contracts module does: scopes are resolved before a transaction opens.
  const warmed = async (client: ApiClient) => {
    const ctx = await client.context(t().services);
    await ctx.access.require('partner.view');
    return ctx;
  };
  const forContract = async (ctx: RequestContext, partnerId: string, entityCode: string) => {
    const { services, given } = t();
    const entityId = (await given.entityByCode(entityCode)).id;
    return services.db
      .transaction()
      .execute((trx) => services.partners.forContract(trx, ctx, partnerId, entityId));
  };
  /** A partner of the group's own, shared with the group (usable by 协和建设 too), registered by 王芳. */
  const sharedPartner = async (legal: ApiClient) =>
    t().given.partner({
      as: await legal.context(t().services),
      entityId: (await t().given.entityByCode('GRP')).id,
      name: `黑名单测试律师事务所${Date.now().toString(36)}`,
      sharedWithGroup: true,
    });

  it('offers a usable partner to a contract, with its code and bank accounts', async () => {
    const legal = await t().login('wang.fang');
    const partner = await sharedPartner(legal);
    expect(await forContract(await warmed(legal), partner.id, 'CONS')).toEqual({
      id: partner.id,
      name: partner.name,
      creditCode: partner.creditCode,
      bankAccounts: [],
    });
  });

  it('blacklists with a reason and history, by partner.blacklist only, once', async () => {
    const legal = await t().login('wang.fang');
    const partner = await sharedPartner(legal);
    const refused = await (await t().login('xu.tao')).post(`/api/v1/partners/${partner.id}/blacklist`, {
      reason: '测试原因',
    });
    expect(refused.statusCode).toBe(403);
    const blacklisted = await legal.post(`/api/v1/partners/${partner.id}/blacklist`, {
      reason: '未按约定提供服务',
    });
    expect(blacklisted.statusCode, blacklisted.body).toBe(200);
    expect(blacklisted.json()).toMatchObject({ blacklisted: true, blacklistReason: '未按约定提供服务' });
    expect(blacklisted.json().blacklistLog).toMatchObject([
      { action: 'blacklist', reason: '未按约定提供服务', actorName: '王芳' },
    ]);
    const again = await legal.post(`/api/v1/partners/${partner.id}/blacklist`, { reason: '再次' });
    expect(again.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      detail: '输入有误：该合作伙伴已在黑名单中',
    });
  });

  it('refuses a blacklisted partner for contracts and lists it as flagged, until restored', async () => {
    const legal = await t().login('wang.fang');
    const partner = await sharedPartner(legal);
    await legal.post(`/api/v1/partners/${partner.id}/blacklist`, { reason: '未按约定提供服务' });
    await expect(forContract(await warmed(legal), partner.id, 'GRP')).rejects.toMatchObject({
      code: 'PARTNER_BLACKLISTED',
      params: { name: partner.name },
    });
    const flagged = await list(legal, '&blacklisted=true');
    expect(names(flagged)).toContain(partner.name);
    expect(flagged.items.every((p) => p.blacklisted)).toBe(true);
    const group = await t().given.entityByCode('GRP');
    expect(names(await list(legal, `&usableBy=${group.id}`))).not.toContain(partner.name);

    const restored = await legal.post(`/api/v1/partners/${partner.id}/restore`, {
      reason: '整改完成，恢复合作',
    });
    expect(restored.json().blacklistLog.map((e: { action: string }) => e.action)).toEqual([
      'restore',
      'blacklist',
    ]);
    expect(restored.json()).toMatchObject({
      blacklisted: false,
      blacklistReason: null,
      blacklistedAt: null,
    });
    expect((await forContract(await warmed(legal), partner.id, 'GRP')).id).toBe(partner.id);
  });

  it("refuses another entity's own partner, and one the user cannot see", async () => {
    // 协和科技's own partner (not shared), registered by 何军, with a default bank account.
    const techOwn = await t().given.partner({
      as: await (await t().login('he.jun')).context(t().services),
      entityId: (await t().given.entityByCode('TECH')).id,
      bank: { bankName: '招商银行深圳科技园支行', accountNumber: '7559 2788 8810 801' },
    });
    const admin = await warmed(await t().login('admin'));
    await expect(forContract(admin, techOwn.id, 'CONS')).rejects.toMatchObject({
      code: 'INVALID_REFERENCE',
      params: { what: 'partner' },
    });
    const fromTech = await forContract(admin, techOwn.id, 'TECH');
    expect(fromTech.bankAccounts).toMatchObject([{ bankName: '招商银行深圳科技园支行', isDefault: true }]);
    const consUser = await warmed(await t().login('sun.li'));
    await expect(forContract(consUser, techOwn.id, 'TECH')).rejects.toMatchObject({
      code: 'INVALID_REFERENCE',
    });
  });
});
