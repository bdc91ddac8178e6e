export { filesModule } from './files.module.js';
export { registerUploads } from './files.routes.js';
export { contentDisposition, type FileUpload, FilesService, type FileReadGrant } from './files.service.js';
