import { DirectorySelect, type DirectorySelectProps } from '../../../shared/DirectorySelect';

/**
 * Picks one colleague (transfer, delegate) from the directory every signed-in user may search; the
 * system module's `UserPicker` needs the user-administration permission and is for admin pages.
 */
export function DirectoryPicker(props: DirectorySelectProps) {
  return <DirectorySelect {...props} />;
}
