import type { Locale } from '@concord/contracts';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../http/index.js';

/*
 * Reading the one file an upload carries (an attachment, an import's workbook): refused with a 400
 * in the user's language when the request is no multipart form or holds no file, whatever fields it
 * has besides.
 */

const missing = {
  notMultipart: {
    'zh-CN': '请以 multipart/form-data 上传一个文件',
    'en-US': 'expected multipart/form-data with one file',
  },
  noFile: { 'zh-CN': '请求中没有文件', 'en-US': 'no file in the request' },
} as const;

/** Form fields read past on the way to the file (a browser may send a few); more is no upload. */
const MAX_FIELDS = 20;

/** The request's file part, read up to `maxBytes` (then `file.truncated`: the caller answers 413). */
export async function singleFilePart(
  request: FastifyRequest,
  maxBytes: number,
  locale: Locale,
): Promise<MultipartFile> {
  if (!request.isMultipart())
    throw new AppError('VALIDATION_FAILED', { detail: missing.notMultipart[locale] });
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: MAX_FIELDS } });
  if (!part) throw new AppError('VALIDATION_FAILED', { detail: missing.noFile[locale] });
  return part;
}
