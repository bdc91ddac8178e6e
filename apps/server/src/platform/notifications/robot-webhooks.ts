import { createHmac } from 'node:crypto';
import type { RobotKind } from '@concord/contracts';

export interface RobotTarget {
  kind: RobotKind;
  webhookUrl: string;
  secret: string | null;
}

export interface RobotMessage {
  title: string;
  /** Plain text; a link, when there is one, is appended by the caller. */
  text: string;
}

/** What is posted where: URL (with DingTalk's signature in the query) and the JSON body. */
export interface RobotRequest {
  url: string;
  body: Record<string, unknown>;
}

/** DingTalk custom robot, "加签": base64(HMAC-SHA256(key=secret, `${timestamp}\n${secret}`)), timestamp in ms. */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

/** Feishu custom bot, "签名校验": the key is `${timestamp}\n${secret}` and the message is empty; seconds. */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

/** Builds the request in each platform's documented format. */
export function robotRequest(target: RobotTarget, message: RobotMessage, now: Date): RobotRequest {
  switch (target.kind) {
    case 'dingtalk': {
      let url = target.webhookUrl;
      if (target.secret) {
        const timestamp = now.getTime();
        const sign = encodeURIComponent(dingtalkSign(target.secret, timestamp));
        url += `${url.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${sign}`;
      }
      return {
        url,
        body: {
          msgtype: 'markdown',
          markdown: { title: message.title, text: `### ${message.title}\n\n${message.text}` },
        },
      };
    }
    case 'wecom':
      return {
        url: target.webhookUrl,
        body: { msgtype: 'markdown', markdown: { content: `### ${message.title}\n${message.text}` } },
      };
    case 'feishu': {
      const body: Record<string, unknown> = {
        msg_type: 'text',
        content: { text: `${message.title}\n${message.text}` },
      };
      if (target.secret) {
        const timestamp = Math.floor(now.getTime() / 1000);
        body.timestamp = String(timestamp);
        body.sign = feishuSign(target.secret, timestamp);
      }
      return { url: target.webhookUrl, body };
    }
  }
}

export class RobotDeliveryError extends Error {}

/**
 * Posts to a robot. The platforms answer HTTP 200 with an error code in the body for refused
 * messages (bad signature, rate limit), so both the status and the code are checked: either
 * failure throws, and the job runner retries.
 */
export async function postToRobot(
  target: RobotTarget,
  message: RobotMessage,
  now: Date,
  timeoutMs = 10_000,
): Promise<void> {
  const request = robotRequest(target, message, now);
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(request.body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    throw new RobotDeliveryError(`${target.kind}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const text = await response.text();
  if (!response.ok)
    throw new RobotDeliveryError(`${target.kind}: HTTP ${response.status} ${text.slice(0, 200)}`);
  let answer: Record<string, unknown> = {};
  try {
    answer = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    throw new RobotDeliveryError(`${target.kind}: answer is not JSON: ${text.slice(0, 200)}`);
  }
  // DingTalk and WeCom answer `errcode`, Feishu `code` (older bots `StatusCode`); 0 is success.
  const code = answer.errcode ?? answer.code ?? answer.StatusCode ?? 0;
  if (Number(code) !== 0) {
    const reason = answer.errmsg ?? answer.msg ?? answer.StatusMessage ?? '';
    throw new RobotDeliveryError(`${target.kind}: error ${String(code)} ${String(reason)}`.trim());
  }
}
