export { filesMigrations } from './files.migrations.js';
export { filesRecordTypes } from './files.record-types.js';
export { filesRoutes, registerUploads } from './files.routes.js';
export { contentDisposition, type FileUpload, FilesService, type FileReadGrant } from './files.service.js';
