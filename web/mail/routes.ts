// The mail capability's pages: the development mailbox. Mounted by web/capabilities.ts.
import { webCapability } from '../http/capability.ts';
import { devMailAccess, devMailRoutes } from './dev-mails.tsx';

export const mail = webCapability('mail', ['/dev/mails'], [
  { at: '/dev/mails', routes: devMailRoutes, access: devMailAccess, when: (_deps, mount) => mount.devTools },
]);
