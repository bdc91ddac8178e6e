import type { PartnerDetail } from '@concord/contracts';
import { expect, it } from 'vitest';
import { upload } from '../../platform/files/files.testing.js';
import { type ApiClient, describeEachDialect } from '../../testing/test-app.js';

// A partner's records (bank accounts, contacts, qualifications), each test on a partner of its own.
describeEachDialect('partner records', (t) => {
  /** A partner of the group of its own, registered by 王芳 (legal), with one default bank account. */
  const ownPartner = async (legal: ApiClient) =>
    t().given.partner({
      as: await legal.context(t().services),
      entityId: (await t().given.entityByCode('GRP')).id,
      bank: { bankName: '中国建设银行北京朝阳支行', accountNumber: '1105 0163 5600 0000 0789' },
    });
  const auditActions = async (partnerId: string) =>
    (
      await (
        await t().login('admin')
      ).get(`/api/v1/audit?entityType=partner&entityId=${partnerId}&pageSize=50`)
    )
      .json()
      .items.map((e: { action: string }) => e.action);

  it('keeps bank accounts with exactly one default', async () => {
    const legal = await t().login('wang.fang');
    const partner = await ownPartner(legal);
    const base = `/api/v1/partners/${partner.id}`;
    const second = await legal.post(`${base}/bank-accounts`, {
      bankName: '招商银行北京分行',
      accountName: partner.name,
      accountNumber: '1109 0123-4567 890',
      isDefault: true,
    });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({
      accountNumber: '11090123 4567890'.replace(' ', ''),
      isDefault: true,
    });
    let detail: PartnerDetail = (await legal.get(base)).json();
    expect(detail.bankAccounts.map((a) => [a.bankName, a.isDefault])).toEqual([
      ['招商银行北京分行', true],
      ['中国建设银行北京朝阳支行', false],
    ]);
    const cannotUnset = await legal.patch(`/api/v1/partners/bank-accounts/${second.json().id}`, {
      isDefault: false,
    });
    expect(cannotUnset.statusCode).toBe(400);
    expect((await legal.delete(`/api/v1/partners/bank-accounts/${second.json().id}`)).statusCode).toBe(204);
    detail = (await legal.get(base)).json();
    expect(detail.bankAccounts.map((a) => [a.bankName, a.isDefault])).toEqual([
      ['中国建设银行北京朝阳支行', true],
    ]);
    expect(await auditActions(partner.id)).toEqual([
      'removeBankAccount',
      'addBankAccount',
      'addBankAccount',
      'create',
    ]);
  });

  it('adds, edits and removes contacts, audited', async () => {
    const legal = await t().login('wang.fang');
    const partner = await ownPartner(legal);
    const contact = await legal.post(`/api/v1/partners/${partner.id}/contacts`, {
      name: '赵敏',
      role: '财务联系人',
      phone: '010-8888 6666',
    });
    expect(contact.statusCode, contact.body).toBe(201);
    const edited = await legal.patch(`/api/v1/partners/contacts/${contact.json().id}`, {
      email: 'zhaomin@jintai-pm.example',
      phone: null,
    });
    expect(edited.json()).toMatchObject({ name: '赵敏', email: 'zhaomin@jintai-pm.example', phone: null });
    expect((await legal.delete(`/api/v1/partners/contacts/${contact.json().id}`)).statusCode).toBe(204);
    expect((await auditActions(partner.id)).slice(0, 3)).toEqual([
      'removeContact',
      'updateContact',
      'addContact',
    ]);
  });

  it('keeps qualifications with checked dates and attachments the user may see', async () => {
    const legal = await t().login('wang.fang');
    const partner = await ownPartner(legal);
    const file = (
      await upload(legal, '资质证书.pdf', Buffer.from('%PDF-1.4 demo'), 'application/pdf')
    ).json();
    const qualification = await legal.post(`/api/v1/partners/${partner.id}/qualifications`, {
      type: '物业服务企业资质证书',
      number: '京物业 2026-0001',
      validFrom: '2026-01-01',
      validTo: '2028-12-31',
      attachmentFileId: file.id,
    });
    expect(qualification.statusCode, qualification.body).toBe(201);
    expect(qualification.json()).toMatchObject({ attachmentFileId: file.id, attachmentName: '资质证书.pdf' });
    const backwards = await legal.patch(`/api/v1/partners/qualifications/${qualification.json().id}`, {
      validTo: '2025-12-31',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toEqual([{ path: 'validTo', message: '有效期止不能早于有效期起' }]);
    // A file the user cannot see (uploaded in 协和科技) cannot be attached.
    const foreign = (await upload(await t().login('he.jun'), 'x.txt', Buffer.from('x'))).json();
    const refused = await legal.patch(`/api/v1/partners/qualifications/${qualification.json().id}`, {
      attachmentFileId: foreign.id,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('INVALID_REFERENCE');
    expect((await auditActions(partner.id))[0]).toBe('addQualification');
  });

  it('lets whoever sees a partner read its qualification files', async () => {
    const legal = await t().login('wang.fang');
    const created = (
      await legal.post('/api/v1/partners', { name: '共享资质测试', type: 'individual', kinds: ['supplier'] })
    ).json() as PartnerDetail;
    const file = (await upload(legal, '身份证明.txt', Buffer.from('id'))).json();
    await legal.post(`/api/v1/partners/${created.id}/qualifications`, {
      type: '身份证明',
      attachmentFileId: file.id,
    });
    const cons = await t().login('sun.li');
    expect((await cons.get(`/api/v1/files/${file.id}`)).statusCode).toBe(404);
    await legal.patch(`/api/v1/partners/${created.id}`, { sharedWithGroup: true });
    expect((await cons.get(`/api/v1/files/${file.id}`)).statusCode).toBe(200);
  });
});
