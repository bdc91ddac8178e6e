import type { ApiClient } from '../../testing/test-app.js';

/** A multipart/form-data body with one file, as a browser sends it (the name as raw UTF-8). */
export function multipartBody(name: string, contentType: string, data: Buffer) {
  const boundary = `----concord${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
        `Content-Type: ${contentType}\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function upload(client: ApiClient, name: string, data: Buffer, contentType = 'text/plain') {
  const body = multipartBody(name, contentType, data);
  return client.request({ method: 'POST', url: '/api/v1/files', ...body });
}
