/**
 * What one person may see of outgoing documents, decided once per request by OutgoingAccess and
 * applied as one WHERE clause by the repository, so lists and detail never disagree:
 *  - any document, confidential included, they drafted or are to sign;
 *  - non-confidential documents past `draft` drafted in `reviewUnitIds` (units they head: content review);
 *  - non-confidential documents past `draft` of `clerkAgencyIds` (format check, issue, dispatch), and
 *    confidential ones from `signed` on (the clerk numbers and seals them);
 *  - a confidential draft while it waits for them: at `unit_head` for `reviewUnitIds`, at
 *    `format_check` for `clerkAgencyIds` (need to know: their turn only);
 *  - non-confidential issued documents of `issuedAgencyIds` (leadership, agency-level leaders) or
 *    drafted in `issuedUnitIds` (a department's leaders);
 *  - non-confidential dispatched documents sent to one of `recipientUnitIds` (units they handle).
 */
export interface OutgoingScope {
  userId: string;
  reviewUnitIds: string[];
  clerkAgencyIds: string[];
  issuedAgencyIds: string[];
  issuedUnitIds: string[];
  recipientUnitIds: string[];
}
