/**
 * Refused input is explained in the reader's language (issue 12 §6): no "Invalid input: expected
 * int, received number" for a Chinese reader, nor zod's programmer Chinese ("期望 int"); a message
 * written by hand in a schema is kept as written.
 */
import { expect, it } from 'vitest';
import { type ApiClient, describeEachDialect } from '../../testing/test-app.js';

describeEachDialect('validation messages', (t) => {
  const errorsOf = async (client: ApiClient, body: unknown, locale: 'zh-CN' | 'en-US') => {
    const response = await client.request({
      method: 'POST',
      url: '/api/v1/workflow/preview',
      payload: body as never,
      headers: { 'accept-language': locale },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    return Object.fromEntries(
      (response.json().errors as { path: string; message: string }[]).map((e) => [e.path, e.message]),
    );
  };

  it('words zod’s own issues for people, in Chinese', async () => {
    const client = await t().login('wu.min'); // a Chinese-speaking user
    const errors = await errorsOf(client, { amount: 1.5, currency: 'XYZ', surprise: 1 }, 'zh-CN');
    expect(errors['body.businessType']).toBe('必填');
    expect(errors['body.amount']).toBe('应为整数');
    expect(errors['body.currency']).toMatch(/^应为以下之一：CNY、/);
    expect(errors.body).toBe('不认识的字段：surprise');
    const negative = await errorsOf(client, { businessType: 'form.general', amount: -5 }, 'zh-CN');
    expect(negative['body.amount']).toBe('不能小于 0');
    for (const message of Object.values({ ...errors, ...negative })) {
      expect(message).not.toMatch(/[A-Za-z]{4,}.*expected|期望|实际接收|Invalid/);
    }
  });

  it('and in English for an English-speaking user', async () => {
    const client = await t().login('admin');
    expect((await client.put('/api/v1/auth/locale', { locale: 'en-US' })).statusCode).toBe(200);
    const english = await t().login('admin');
    const errors = await errorsOf(english, { amount: 'many' }, 'en-US');
    expect(errors['body.businessType']).toBe('Required');
    expect(errors['body.amount']).toBe('Must be a number');
  });

  it('keeps a message a schema wrote by hand', async () => {
    const client = await t().login('wu.min');
    const response = await client.get('/api/v1/workflow/tasks?sort=-bad_field!');
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json().errors)).toContain('sort must be a field name');
  });
});
