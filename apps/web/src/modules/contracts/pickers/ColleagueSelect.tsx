import { DirectorySelect, type DirectorySelectProps } from '../../../shared/DirectorySelect';

/**
 * One colleague (a contract's owner, an archivist, a borrower, the ledger's owner filter) from the
 * colleague directory, which every signed-in user may search.
 */
export function ColleagueSelect(props: DirectorySelectProps) {
  return <DirectorySelect {...props} />;
}
