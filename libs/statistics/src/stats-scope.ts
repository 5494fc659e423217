/**
 * Whose figures: an agency's (every document it registered or drafted), a unit's (documents
 * whose lead — chủ trì — was the unit or one of its people at the time; outgoing documents it
 * drafted), or one person's (documents they led at the time; outgoing documents they wrote).
 * Decided once per request by StatsAccess and turned into SQL by the stats repositories.
 */
export type StatsScopeKind = 'agency' | 'unit' | 'person';

export interface StatsScope {
  kind: StatsScopeKind;
  /** Documents of this agency (cơ quan): its registers, its outgoing series. */
  agency: { id: string; name: string };
  /** The unit asked for (unit scope). */
  unit: { id: string; name: string } | null;
  /** With the units below it. */
  includeSubunits: boolean;
  /** unit scope: the lead unit is one of these; null otherwise. */
  unitIds: string[] | null;
  /** person scope: the lead person (incoming) or the author (outgoing). */
  person: { id: string; fullName: string } | null;
}
