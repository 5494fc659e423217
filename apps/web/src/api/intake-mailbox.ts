// Hộp thư tiếp nhận (PUT/GET/DELETE /units/:unitId/intake-mailbox, docs/intake.md): the agency's own
// IMAP mailbox read into its intake. The password never passes here: the settings name the
// environment variable (INTAKE_IMAP_PASSWORD_<NAME>) the API and the worker read it from.
import { useQuery } from '@tanstack/react-query';
import { answer, api } from './client';
import { ApiError } from './problem';
import type { components } from './schema';

export type IntakeMailbox = components['schemas']['IntakeMailboxDto'];
export type IntakeMailboxInput = components['schemas']['IntakeMailboxInputDto'];

export const intakeMailboxKeys = { of: (unitId: string) => ['intake-mailbox', unitId] as const };

const path = (unitId: string) => ({ params: { path: { unitId } } });

/** The agency's mailbox, or null when none is set (the API's 404). */
export function useIntakeMailbox(unitId: string) {
  return useQuery({
    queryKey: intakeMailboxKeys.of(unitId),
    queryFn: async (): Promise<IntakeMailbox | null> => {
      try {
        return await answer(api.GET('/api/v1/units/{unitId}/intake-mailbox', path(unitId)));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

/** Stored only once the API connected, logged in and opened the folder: otherwise a 422 saying which failed. */
export const setIntakeMailbox = (unitId: string, body: IntakeMailboxInput) => answer(api.PUT('/api/v1/units/{unitId}/intake-mailbox', { ...path(unitId), body }));
export const clearIntakeMailbox = (unitId: string) => answer(api.DELETE('/api/v1/units/{unitId}/intake-mailbox', path(unitId)));
