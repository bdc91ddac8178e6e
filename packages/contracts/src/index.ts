export * from './common.js';
export * from './errors.js';
export * from './permissions.js';
export * from './auth.js';
export * from './org.js';
export * from './iam.js';
export * from './audit.js';
export * from './notifications.js';
