import { EdxmlRefusal } from './edxml-errors';
import { EDXML_NS, FIELD_LENGTHS as L } from './edxml-limits';
import type { EdxmlResponseFor } from './edxml-header';

const ORGAN_ID = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

/**
 * What a refused package said about itself, read from its **signed** envelope only: enough for a
 * 02 (từ chối) to name the document (ResponseFor) and the agencies it was for. Set on a refusal
 * only after the signature checked out with the directory's certificate, so a forged or broken
 * package never makes this side answer anyone — no reflector for what a stranger sends.
 */
export interface AuthenticatedRefusal {
  responseFor: EdxmlResponseFor;
  /** The OrganIds in To that could be read (malformed ones left out). */
  to: string[];
}

/** A refusal raised after the signature was verified: it carries the package's authenticated identity when one can be read. */
export function withAuthenticatedIdentity(error: unknown, signed: Document, sender: string): unknown {
  if (!(error instanceof EdxmlRefusal)) return error;
  const identity = identityOf(signed, sender);
  if (identity) (error as EdxmlRefusal & { authenticated?: AuthenticatedRefusal }).authenticated = identity;
  return error;
}

/** The authenticated identity of a refused package, when the refusal came after its signature checked out. */
export function authenticatedRefusal(error: EdxmlRefusal): AuthenticatedRefusal | null {
  return (error as EdxmlRefusal & { authenticated?: AuthenticatedRefusal }).authenticated ?? null;
}

/** `sender`: the OrganId whose directory certificate verified the signature. */
function identityOf(doc: Document, sender: string): AuthenticatedRefusal | null {
  const header = doc.getElementsByTagNameNS(EDXML_NS, 'MessageHeader')[0];
  if (!header) return null;
  const first = (parent: Element | undefined, name: string, max: number): string | null => {
    const value = parent?.getElementsByTagNameNS(EDXML_NS, name)[0]?.textContent?.trim();
    return value && value.length <= max ? value : null;
  };
  const from = header.getElementsByTagNameNS(EDXML_NS, 'From')[0];
  const organId = first(from, 'OrganId', 13);
  if (organId !== sender) return null;
  const documentId = first(header, 'DocumentId', L.documentId);
  if (!organId || !ORGAN_ID.test(organId) || !documentId) return null;
  const code = header.getElementsByTagNameNS(EDXML_NS, 'Code')[0];
  const number = first(code, 'CodeNumber', L.codeNumber) ?? '';
  const notation = first(code, 'CodeNotation', L.codeNotation) ?? '';
  const date = first(header.getElementsByTagNameNS(EDXML_NS, 'PromulgationInfo')[0], 'PromulgationDate', 10);
  const toElements = header.getElementsByTagNameNS(EDXML_NS, 'To');
  const to = Array.from({ length: toElements.length }, (_, i) => toElements[i].getElementsByTagNameNS(EDXML_NS, 'OrganId')[0]?.textContent?.trim() ?? '').filter((id) => ORGAN_ID.test(id));
  return {
    responseFor: { organId, code: `${number}/${notation}`.slice(0, L.codeNumber + L.codeNotation + 1), promulgationDate: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : '1970-01-01', documentId },
    to: [...new Set(to)],
  };
}
