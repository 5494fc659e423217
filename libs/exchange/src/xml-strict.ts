import { DOMParser } from '@xmldom/xmldom';
import { EdxmlRefusal } from './edxml-errors';

/**
 * Parses XML that came from outside. A DOCTYPE is refused before parsing: edXML needs none, and it is
 * the door of external entities (XXE) and entity expansion bombs. Any parser error or warning refuses
 * the document rather than reading what the parser guessed.
 */
export function parseStrictXml(xml: string): Document {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new EdxmlRefusal('EDXML_DOCTYPE_REFUSED', 'Gói tin chứa khai báo DOCTYPE/ENTITY, không được chấp nhận (DTDs and entities are refused)');
  }
  const problems: string[] = [];
  const parser = new DOMParser({
    locator: {},
    errorHandler: { warning: (m: string) => problems.push(m), error: (m: string) => problems.push(m), fatalError: (m: string) => problems.push(m) },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(xml, 'text/xml');
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
    doc = undefined as unknown as Document;
  }
  if (problems.length > 0 || !doc?.documentElement) {
    throw new EdxmlRefusal('EDXML_MALFORMED', `Gói tin không phải XML hợp lệ (${(problems[0] ?? 'no root element').slice(0, 200)})`);
  }
  return doc;
}
