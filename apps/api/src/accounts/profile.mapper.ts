import type { Profile } from '@eoffice/accounts';
import type { ProfileDto } from './dto/user-responses.dto';
import { toUserDto } from './user.mapper';

/** GET /me: the person as admins see them, plus the inboxes they handle and manage. */
export function toProfileDto({ user, unit, handledUnitIds, managedUnitIds }: Profile): ProfileDto {
  return {
    ...toUserDto({ user, unit }),
    unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind, agencyId: unit.agencyId, email: unit.email },
    handledUnitIds,
    managedUnitIds,
  };
}
