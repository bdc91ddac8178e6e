export { formsModule } from './forms.module.js';
export { type FormDirectory, FormsService, type PreparedSubmission } from './forms.service.js';
export {
  type FormDataIssue,
  type FormDataResult,
  type FormReference,
  isCalendarDate,
  validateFormData,
} from './forms.validation.js';
export { formSubmissionsRoutes } from './form-submissions.routes.js';
export {
  FormSubmissionsService,
  type StartApproval,
  type SubmissionStatus,
} from './form-submissions.service.js';
