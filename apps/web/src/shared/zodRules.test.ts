import { partnerCreateSchema } from '@concord/contracts';
import type { Rule, RuleObject } from 'antd/es/form';
import Schema, { type Rules } from '@rc-component/async-validator';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isRequired, type RuleMessages, zodRules } from './zodRules';

const messages: RuleMessages = {
  required: (label) => `enter ${label}`,
  requiredSelect: (label) => `choose ${label}`,
  minLength: (min) => `min ${min}`,
  maxLength: (max) => `max ${max}`,
  minValue: (min) => `>= ${min}`,
  maxValue: (max) => `<= ${max}`,
  pattern: (label) => `format ${label}`,
  invalid: (label) => `invalid ${label}`,
};

/**
 * Runs a field's rules with the validator antd's form runs them with (so a rule antd would read
 * differently from what it says fails here too), giving the first message or null.
 */
async function check(rules: Rule[], value: unknown): Promise<string | null> {
  const validator = new Schema({ field: rules as RuleObject[] } as Rules);
  try {
    await validator.validate({ field: value }, { first: true, suppressWarning: true });
    return null;
  } catch (failure) {
    const errors = (failure as { errors?: { message: string }[] }).errors;
    if (!errors) throw failure;
    return errors[0]?.message ?? null;
  }
}

describe('zod rules', () => {
  const schema = z.strictObject({
    name: z.string().trim().min(2).max(10),
    code: z
      .string()
      .regex(/^[A-Z]+$/)
      .nullable()
      .default(null),
    kinds: z.array(z.enum(['a', 'b'])).min(1),
    type: z.enum(['x', 'y']).default('x'),
    amount: z.number().int().min(100).max(100000),
    email: z.email().optional(),
    shared: z.boolean().default(false),
    note: z.string().max(5).optional(),
  });
  const rules = zodRules(
    schema,
    {
      name: 'Name',
      code: 'Code',
      kinds: 'Kinds',
      type: 'Type',
      amount: 'Amount',
      email: 'Email',
      shared: 'Shared',
    },
    messages,
    { money: ['amount'] },
  );

  it('derives required from fields the body must carry', () => {
    expect(isRequired(schema.shape.name)).toBe(true);
    expect(isRequired(schema.shape.code)).toBe(false);
    expect(isRequired(schema.shape.type)).toBe(true);
    expect(isRequired(schema.shape.shared)).toBe(false);
    expect(isRequired(schema.shape.email)).toBe(false);
    expect(isRequired(z.string().max(10).default(''))).toBe(false);
    expect(isRequired(z.array(z.string()).default([]))).toBe(false);
  });

  it('gives the message of the first broken bound', async () => {
    expect(await check(rules.name, '')).toBe('enter Name');
    expect(await check(rules.name, ' a ')).toBe('min 2');
    expect(await check(rules.name, 'abcdefghijk')).toBe('max 10');
    expect(await check(rules.name, 'Acme')).toBeNull();
    expect(await check(rules.code, '')).toBeNull();
    expect(await check(rules.code, 'ab')).toBe('format Code');
    expect(await check(rules.kinds, [])).toBe('choose Kinds');
    expect(await check(rules.type, undefined)).toBe('choose Type');
    expect(await check(rules.email, 'nope')).toBe('format Email');
    expect(await check(rules.email, 'a@b.cn')).toBeNull();
  });

  it('shows money bounds in yuan', async () => {
    expect(await check(rules.amount, 99)).toBe('>= ¥1.00');
    expect(await check(rules.amount, 100001)).toBe('<= ¥1,000.00');
    expect(await check(rules.amount, 12.5)).toBe('invalid Amount');
    expect(await check(rules.amount, 500)).toBeNull();
    expect(await check(rules.kinds, ['a'])).toBeNull();
  });

  it('takes blanks alone for no value, as the server trims them', async () => {
    expect(await check(rules.name, '   ')).toBe('enter Name');
  });

  it('asks for no blank check on numbers and lists (antd would refuse any number under one)', () => {
    const requiredRule = (field: Rule[]) => (field as RuleObject[]).find((rule) => rule.required);
    expect(requiredRule(rules.name)?.whitespace).toBe(true);
    expect(Object.keys(requiredRule(rules.amount) ?? {}).sort()).toEqual(['message', 'required']);
    expect(Object.keys(requiredRule(rules.kinds) ?? {}).sort()).toEqual(['message', 'required']);
  });

  it('requires a field the form asks for though the body may omit it', async () => {
    const optional = zodRules(schema, { note: 'Note' }, messages, { required: ['note'] });
    expect(await check(optional.note, '')).toBe('enter Note');
    expect(await check(optional.note, 'abcdef')).toBe('max 5');
    expect(await check(rules.note, '')).toBeNull();
  });

  it('asks to choose what a picker fills', async () => {
    const picked = zodRules(schema, { name: 'Owner' }, messages, { picked: ['name'] });
    expect(await check(picked.name, undefined)).toBe('choose Owner');
  });

  it("says a field's own message for a value the schema refuses", async () => {
    const own = zodRules(schema, { code: 'Code' }, messages, { invalid: { code: 'capitals only' } });
    expect(await check(own.code, 'ab')).toBe('capitals only');
    expect(await check(own.code, 'AB')).toBeNull();
  });

  it('checks the value as the body carries it', async () => {
    const percent = zodRules(schema, { amount: 'Amount' }, messages, {
      toBody: { amount: (value) => Math.round(Number(value) * 100) },
    });
    expect(await check(percent.amount, 0.5)).toBe('>= 100');
    expect(await check(percent.amount, 12.5)).toBeNull();
  });

  it('leaves fields without a label alone', () => {
    expect(rules.note).toEqual([]);
  });

  it('reads the partner schema the server validates with', async () => {
    const partner = zodRules(partnerCreateSchema, { name: '名称', kinds: '类别', remarks: '备注' }, messages);
    expect(await check(partner.name, '')).toBe('enter 名称');
    expect(await check(partner.name, 'x'.repeat(101))).toBe('max 100');
    expect(await check(partner.kinds, [])).toBe('choose 类别');
    expect(await check(partner.remarks, '')).toBeNull();
    expect(await check(partner.remarks, 'x'.repeat(1001))).toBe('max 1000');
  });
});
