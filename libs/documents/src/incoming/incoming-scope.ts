/**
 * What one person may see of incoming documents, decided once per request by IncomingAccess and
 * applied as a WHERE clause by the repository, so lists and detail can never disagree.
 *  - non-confidential items of `wholeAgencyIds` (clerks, leadership, agency-level leaders);
 *  - non-confidential items assigned to one of `unitIds` (units the person belongs to or handles);
 *  - any item, confidential included, that names the person: registered by, submitted to, or
 *    assigned to them (Decree 30: mật documents go only to those named).
 */
export interface IncomingScope {
  userId: string;
  wholeAgencyIds: string[];
  unitIds: string[];
}
