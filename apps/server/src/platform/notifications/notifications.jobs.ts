import { z } from 'zod';
import { readBool } from '../../db/index.js';
import { defineJob, type JobDefinition } from '../jobs/index.js';
import type { EmailSender } from './email.sender.js';
import * as repo from './notifications.repository.js';
import { postToRobot } from './robot-webhooks.js';

export const EMAIL_JOB = 'notifications.email';
export const ROBOT_JOB = 'notifications.robot';

export const emailJobPayload = z.object({
  to: z.string().max(320),
  subject: z.string().max(1000),
  text: z.string().max(20_000),
});

/** The message is rendered when queued; the robot's URL and secret are read when sent (they may change). */
export const robotJobPayload = z.object({
  robotId: z.string(),
  title: z.string().max(1000),
  text: z.string().max(20_000),
});

/**
 * Delivery to the external channels, after the notifying transaction committed. A failure throws
 * and the job runner retries with doubling waits (1, 2, 4, 8 ... minutes).
 */
export function notificationJobs(email: EmailSender | null): JobDefinition[] {
  return [
    defineJob({
      type: EMAIL_JOB,
      payload: emailJobPayload,
      maxAttempts: 8,
      retryAfterSeconds: 60,
      handler: async (payload) => {
        // Jobs queued while SMTP was configured stay queued (and fail visibly) if it was removed since.
        if (!email) throw new Error('SMTP_URL is not configured');
        await email.send(payload);
      },
    }),
    defineJob({
      type: ROBOT_JOB,
      payload: robotJobPayload,
      maxAttempts: 8,
      retryAfterSeconds: 60,
      handler: async (payload, { db, now }) => {
        const robot = await repo.findRobot(db, payload.robotId);
        // Deleted or switched off since the message was queued: the admin no longer wants it sent.
        if (!robot || !readBool(robot.enabled)) return;
        await postToRobot(
          { kind: robot.kind, webhookUrl: robot.webhook_url, secret: robot.secret },
          { title: payload.title, text: payload.text },
          now,
        );
      },
    }),
  ];
}
