/*
 * The demo group: what a new user sees the moment Concord starts. This file holds the one password of
 * every demo login (the built-in roles come from the modules' permissions); its organisation is in demo-org.ts and its ad-hoc forms in
 * demo-forms.ts (re-exported here for the callers that read the demo's people).
 */
export { type DemoEntity, type DemoUser, demoEntities, demoPositions, demoUsers } from './demo-org.js';
export { type DemoForm, demoForms } from './demo-forms.js';

/** One password for every demo login. */
export const DEMO_PASSWORD = 'Concord2026';
