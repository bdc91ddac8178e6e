import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../cli/demo-data.js';
import { describeEachDialect } from '../../testing/test-app.js';
import { contentDisposition } from './files.service.js';
import { multipartBody, upload } from './files.testing.js';

describeEachDialect('files', (t) => {
  it('stores an upload with its name, type, size and sha256, and gives the uploader the same bytes back', async () => {
    const wuMin = await t().login('wu.min');
    const bytes = Buffer.concat([
      Buffer.from('合同扫描件\n'),
      Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 256)),
    ]);
    const response = await upload(wuMin, '采购合同 (第1版).pdf', bytes, 'application/pdf');
    expect(response.statusCode, response.body).toBe(201);
    const file = response.json();
    expect(file).toMatchObject({
      name: '采购合同 (第1版).pdf',
      contentType: 'application/pdf',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      ownerId: wuMin.session.user.id,
      entityId: wuMin.session.actingEntity.id,
    });

    const meta = await wuMin.get(`/api/v1/files/${file.id}`);
    expect(meta.json()).toEqual(file);
    const content = await wuMin.get(`/api/v1/files/${file.id}/content`);
    expect(content.statusCode).toBe(200);
    expect(content.rawPayload.equals(bytes)).toBe(true);
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(content.headers['content-disposition']).toBe(contentDisposition('采购合同 (第1版).pdf'));
    expect(content.headers['content-disposition']).toContain(
      "filename*=UTF-8''%E9%87%87%E8%B4%AD%E5%90%88%E5%90%8C%20%28%E7%AC%AC1%E7%89%88%29.pdf",
    );

    const audit = await t()
      .services.db.selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('entity_type', '=', 'file')
      .where('entity_id', '=', file.id)
      .execute();
    expect(audit).toEqual([{ action: 'create', actor_id: wuMin.session.user.id }]);
  });

  it('shows a file to those whose file.view scope covers its entity, and to nobody else (404)', async () => {
    const wuMin = await t().login('wu.min');
    const file = (await upload(wuMin, 'note.txt', Buffer.from('hello'))).json();
    // Staff of another subsidiary, staff of the same one (scope: self), another subsidiary's administrator.
    for (const username of ['lin.feng', 'ma.chao']) {
      const other = await t().login(username);
      expect((await other.get(`/api/v1/files/${file.id}`)).statusCode, username).toBe(404);
      expect((await other.get(`/api/v1/files/${file.id}/content`)).statusCode, username).toBe(404);
    }
    const { given } = t();
    const colleague = await given.user({ departmentId: (await given.departmentByCode('CONS', 'ENG')).id });
    const staffRole = await given.role({ permissions: ['org.user.view'], dataScope: 'entity' });
    await t().services.userRoles.setRoles(t().services.systemContext(), colleague.id, [
      { roleId: staffRole.id, entityId: (await given.entityByCode('CONS')).id },
    ]);
    const peer = await t().login(colleague.username, colleague.password);
    expect((await peer.get(`/api/v1/files/${file.id}`)).statusCode).toBe(404);
    // 郑浩 administers 协和建设 with file.view over the entity.
    const zhengHao = await t().login('zheng.hao');
    expect((await zhengHao.get(`/api/v1/files/${file.id}`)).statusCode).toBe(200);
    expect((await zhengHao.get(`/api/v1/files/${file.id}/content`)).body).toBe('hello');
    const admin = await t().login('admin', DEMO_PASSWORD);
    expect((await admin.get(`/api/v1/files/${file.id}`)).statusCode).toBe(200);
  });

  it('keeps a file made for one user (an export) theirs alone, even above 20 MB when Concord writes it', async () => {
    const wuMin = await t().login('wu.min');
    const ctx = await wuMin.context(t().services);
    const bytes = Buffer.alloc(20 * 1024 * 1024 + 10, 3);
    const file = await t().services.files.upload(ctx, {
      name: '合同台账.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      stream: Readable.from([bytes]),
      ownerOnly: true,
      maxBytes: 64 * 1024 * 1024,
    });
    expect(file.size).toBe(bytes.length);
    const own = await wuMin.get(`/api/v1/files/${file.id}/content`);
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.length).toBe(bytes.length);
    // 郑浩 reads 协和建设's attachments (file.view over the entity), but not this one; nor does admin.
    for (const username of ['zheng.hao', 'admin']) {
      const other = await t().login(username);
      expect((await other.get(`/api/v1/files/${file.id}`)).statusCode, username).toBe(404);
      expect((await other.get(`/api/v1/files/${file.id}/content`)).statusCode, username).toBe(404);
    }
    const audit = await t()
      .services.db.selectFrom('audit_log')
      .select(['action'])
      .where('entity_type', '=', 'file')
      .where('entity_id', '=', file.id)
      .execute();
    expect(audit).toEqual([{ action: 'create' }]);
  });

  it('refuses a JSON body, a request without a file and a file over 20 MB with 4xx problems', async () => {
    const wuMin = await t().login('wu.min');
    const json = await wuMin.post('/api/v1/files', { name: 'x' });
    expect(json.statusCode).toBe(400);
    expect(json.headers['content-type']).toContain('application/problem+json');
    const boundary = '----empty';
    const empty = await wuMin.request({
      method: 'POST',
      url: '/api/v1/files',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}--\r\n`,
    });
    expect(empty.statusCode).toBe(400);
    // A form with a field but no file is no upload too large: a 400 saying so, in the user's words.
    const fieldsOnly = await wuMin.request({
      method: 'POST',
      url: '/api/v1/files',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\n说明\r\n--${boundary}--\r\n`,
    });
    expect(fieldsOnly.statusCode).toBe(400);
    expect(fieldsOnly.json().detail).toBe('输入有误：请求中没有文件');
    const big = await upload(
      wuMin,
      'big.bin',
      Buffer.alloc(20 * 1024 * 1024 + 1, 1),
      'application/octet-stream',
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('PAYLOAD_TOO_LARGE');
    const exact = await upload(
      wuMin,
      'ok.bin',
      Buffer.alloc(20 * 1024 * 1024, 2),
      'application/octet-stream',
    );
    expect(exact.statusCode).toBe(201);
    expect(exact.json().size).toBe(20 * 1024 * 1024);
  });

  it('needs a session and the CSRF token to upload', async () => {
    const body = multipartBody('a.txt', 'text/plain', Buffer.from('a'));
    const anonymous = await t().app.inject({ method: 'POST', url: '/api/v1/files', ...body });
    expect(anonymous.statusCode).toBe(401);
    const wuMin = await t().login('wu.min');
    const noCsrf = await wuMin.request({ method: 'POST', url: '/api/v1/files', csrf: false, ...body });
    expect(noCsrf.statusCode).toBe(403);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact name per RFC 5987', () => {
    expect(contentDisposition('报告 "终稿".docx')).toBe(
      `attachment; filename="__ ____.docx"; filename*=UTF-8''%E6%8A%A5%E5%91%8A%20%22%E7%BB%88%E7%A8%BF%22.docx`,
    );
    expect(contentDisposition("it's (1).txt")).toBe(
      `attachment; filename="it's (1).txt"; filename*=UTF-8''it%27s%20%281%29.txt`,
    );
  });
});
