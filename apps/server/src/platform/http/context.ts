import type { Locale } from '@concord/contracts';
import type { AccessControl } from '../access/index.js';

/** Who acts. `null` for the system itself (CLI, seeding, jobs). */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  sessionId: string;
  /** The entity the user acts in now (switchable among the entities where they hold roles). */
  actingEntityId: string;
  mainDepartmentId: string;
  departmentIds: string[];
}

/** Everything a service method needs to know about the request it serves. */
export interface RequestContext {
  requestId: string;
  ip: string | null;
  locale: Locale;
  actor: Actor | null;
  access: AccessControl;
  /**
   * The access stamp read with the session (the organisation and grants as of this request), which
   * the organisation's name cache is good for; absent outside a signed-in request.
   */
  accessStamp?: number;
  /** The session signed in with a password that must be changed before anything else. */
  passwordChangeRequired?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
}
