export { AccessControl, ALL_SCOPE, type Grants } from './access-control.js';
export {
  isInScope,
  type OrgTree,
  resolveScope,
  type Scope,
  type ScopeColumns,
  type ScopedRecord,
  scopeCondition,
  type ScopeSpec,
  withScope,
} from './scope.js';
