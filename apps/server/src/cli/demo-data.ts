/*
 * The demo group's people and their one password, for the callers outside the parts (the CLI
 * prints the logins, tests sign in as them). The organisation's demo lives in platform/org.
 */
export {
  DEMO_PASSWORD,
  type DemoEntity,
  type DemoUser,
  demoEntities,
  demoPositions,
  demoUsers,
} from '../platform/org/index.js';
