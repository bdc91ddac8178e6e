import type { ApiClient, TestApp } from '../../../testing/test-app.js';
import { type ContractFixture, publishContractFlows } from '../contracts.testing.js';

/** The demo people the register's tests act as, signed in, and the test flows they submit to. */
export interface RegisterCast {
  f: ContractFixture;
  /** 冯波: head of CONS ENG-1, contract.create over his department. */
  creator: ApiClient;
  /** 周强: first step, may edit the body. */
  reviewer: ApiClient;
  /** 赵磊: CONS general manager, second step, contract.manage. */
  gm: ApiClient;
  /** 林峰: TECH staff, en-US. */
  techUser: ApiClient;
  /** The three who take a contract from draft to approved (for `approvedContract`). */
  clients: { creator: ApiClient; reviewer: ApiClient; gm: ApiClient };
}

/** Publishes the test flows and signs the register's cast in (each test file sets up its own). */
export async function registerCast(app: TestApp): Promise<RegisterCast> {
  const f = await publishContractFlows(app);
  const creator = await app.login('feng.bo');
  const reviewer = await app.login('zhou.qiang');
  const gm = await app.login('zhao.lei');
  const techUser = await app.login('lin.feng');
  return { f, creator, reviewer, gm, techUser, clients: { creator, reviewer, gm } };
}
