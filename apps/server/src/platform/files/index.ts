export { singleFilePart } from './file-part.js';
export { filesModule } from './files.module.js';
export { registerUploads } from './files.routes.js';
export { contentDisposition, type FileUpload, FilesService } from './files.service.js';
export type { FileReadGrant } from './files.grants.js';
