/** The forms module's public surface: the approval UI renders and shows forms through these. */
export { FormRenderer, formDataOf, showFormDataErrors } from './components/FormRenderer';
export { FieldValue, FormView } from './components/FormView';
export { FileLink } from './components/inputs';
export { useAvailableForms } from './formsApi';
// The definition has its own file so the module list (and with it i18n) does not load these components.
export { formsModule } from './module';
