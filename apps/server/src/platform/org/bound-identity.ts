import type { Db } from '../../db/index.js';
import type { IdentityPort } from './users.ports.js';

/**
 * The identity port as the organisation's services hold it. IAM implements the port and requires
 * the organisation, so the organisation cannot construct IAM's adapter: IAM binds it when it is
 * created (`org.bindIdentity`), before any request runs. A call before that is a wiring defect.
 */
export class BoundIdentity implements IdentityPort {
  #port: IdentityPort | undefined;

  bind(port: IdentityPort): void {
    this.#port = port;
  }

  private get port(): IdentityPort {
    if (!this.#port) throw new Error('org: no identity port bound (the iam module binds it when created)');
    return this.#port;
  }

  setPassword(trx: Db, userId: string, password: string) {
    return this.port.setPassword(trx, userId, password);
  }

  endSessions(trx: Db, userId: string) {
    return this.port.endSessions(trx, userId);
  }

  liftSignInBlocks(trx: Db, username: string) {
    return this.port.liftSignInBlocks(trx, username);
  }

  unlockSignIn(trx: Db, userId: string, username: string) {
    return this.port.unlockSignIn(trx, userId, username);
  }

  identityOf(db: Db, userIds: string[]) {
    return this.port.identityOf(db, userIds);
  }

  replaceRoles(trx: Db, userId: string, assignments: Parameters<IdentityPort['replaceRoles']>[2]) {
    return this.port.replaceRoles(trx, userId, assignments);
  }

  roleMemberCondition(roleId: string) {
    return this.port.roleMemberCondition(roleId);
  }

  roleGrants(db: Db, roleIds: string[]) {
    return this.port.roleGrants(db, roleIds);
  }
}
