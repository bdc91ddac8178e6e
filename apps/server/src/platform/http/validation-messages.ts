import type { Locale } from '@concord/contracts';

/**
 * What a refused value needs to become, said as a person would, in the reader's language, for the
 * issues zod raises by itself ("Invalid input: expected int, received number" and zod's own Chinese,
 * "无效输入：期望 int，实际接收 undefined", are for programmers). A message a schema wrote by hand is
 * never replaced (problem.ts decides that). `null`: no wording here, the caller keeps zod's.
 */
export interface ZodIssueFacts {
  code: string;
  /** zod's own English message (tells "received undefined", i.e. missing). */
  message: string;
  expected?: unknown;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: unknown;
  format?: unknown;
  values?: unknown;
  keys?: unknown;
  divisor?: unknown;
}

type Words = Record<Locale, string>;

const typeNames: Record<string, Words> = {
  string: { 'zh-CN': '文本', 'en-US': 'text' },
  number: { 'zh-CN': '数字', 'en-US': 'a number' },
  int: { 'zh-CN': '整数', 'en-US': 'a whole number' },
  bigint: { 'zh-CN': '整数', 'en-US': 'a whole number' },
  boolean: { 'zh-CN': '是或否（true / false）', 'en-US': 'true or false' },
  array: { 'zh-CN': '列表', 'en-US': 'a list' },
  object: { 'zh-CN': '对象', 'en-US': 'an object' },
  date: { 'zh-CN': '日期', 'en-US': 'a date' },
};

const formats: Record<string, Words> = {
  date: {
    'zh-CN': '应为日期，格式 YYYY-MM-DD（如 2026-03-05）',
    'en-US': 'Must be a date as YYYY-MM-DD (e.g. 2026-03-05)',
  },
  datetime: {
    'zh-CN': '应为带时区的时间，如 2026-03-05T09:30:00+08:00',
    'en-US': 'Must be a time with its zone, e.g. 2026-03-05T09:30:00+08:00',
  },
  time: { 'zh-CN': '应为时间，如 09:30', 'en-US': 'Must be a time of day, e.g. 09:30' },
  email: { 'zh-CN': '邮箱地址格式不正确', 'en-US': 'Not a valid e-mail address' },
  url: {
    'zh-CN': '应为网址（http:// 或 https:// 开头）',
    'en-US': 'Must be a web address (http:// or https://)',
  },
  uuid: { 'zh-CN': '应为有效的记录编号', 'en-US': 'Must be a valid record id' },
  guid: { 'zh-CN': '应为有效的记录编号', 'en-US': 'Must be a valid record id' },
  regex: { 'zh-CN': '格式不正确', 'en-US': 'Wrong format' },
};

const num = (value: unknown) =>
  typeof value === 'number' || typeof value === 'bigint'
    ? Number(value).toLocaleString('en-US')
    : String(value);

function list(values: unknown, locale: Locale): string {
  const items = Array.isArray(values) ? values.map((v) => String(v)) : [];
  return items.join(locale === 'zh-CN' ? '、' : ', ');
}

export function issueMessage(issue: ZodIssueFacts, locale: Locale): string | null {
  const zh = locale === 'zh-CN';
  switch (issue.code) {
    case 'invalid_type': {
      if (/received undefined/.test(issue.message)) return zh ? '必填' : 'Required';
      const type = typeNames[String(issue.expected)];
      if (!type) return null;
      return zh ? `应为${type[locale]}` : `Must be ${type[locale]}`;
    }
    case 'too_small':
    case 'too_big':
      return sizeMessage(issue, locale);
    case 'invalid_value':
      return zh
        ? `应为以下之一：${list(issue.values, locale)}`
        : `Must be one of: ${list(issue.values, locale)}`;
    case 'invalid_format': {
      const format = formats[String(issue.format)] ?? formats.regex;
      return format[locale];
    }
    case 'unrecognized_keys':
      return zh
        ? `不认识的字段：${list(issue.keys, locale)}`
        : `Unknown field(s): ${list(issue.keys, locale)}`;
    case 'not_multiple_of':
      return zh ? `应为 ${num(issue.divisor)} 的整数倍` : `Must be a multiple of ${num(issue.divisor)}`;
    case 'invalid_union':
      return zh ? '取值不正确' : 'Not a valid value';
    default:
      return null;
  }
}

function sizeMessage(issue: ZodIssueFacts, locale: Locale): string | null {
  const zh = locale === 'zh-CN';
  const small = issue.code === 'too_small';
  const bound = small ? issue.minimum : issue.maximum;
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'string':
      if (small && Number(bound) === 1) return zh ? '不能为空' : 'Must not be empty';
      return small
        ? zh
          ? `至少 ${num(bound)} 个字符`
          : `At least ${num(bound)} characters`
        : zh
          ? `最多 ${num(bound)} 个字符`
          : `At most ${num(bound)} characters`;
    case 'number':
    case 'int':
    case 'bigint':
      if (small)
        return inclusive
          ? zh
            ? `不能小于 ${num(bound)}`
            : `Must be at least ${num(bound)}`
          : zh
            ? `必须大于 ${num(bound)}`
            : `Must be greater than ${num(bound)}`;
      return inclusive
        ? zh
          ? `不能大于 ${num(bound)}`
          : `Must be at most ${num(bound)}`
        : zh
          ? `必须小于 ${num(bound)}`
          : `Must be less than ${num(bound)}`;
    case 'array':
    case 'set':
      if (small && Number(bound) === 1) return zh ? '至少选择一项' : 'Choose at least one';
      return small
        ? zh
          ? `至少 ${num(bound)} 项`
          : `At least ${num(bound)} items`
        : zh
          ? `最多 ${num(bound)} 项`
          : `At most ${num(bound)} items`;
    default:
      return null;
  }
}
