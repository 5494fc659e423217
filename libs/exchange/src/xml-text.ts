/** Escapes text for an element's content (the envelope has no attributes but xmlns). */
export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<edXML:name>text</edXML:name>`, or nothing for an absent optional value. */
export function element(name: string, value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  return `<edXML:${name}>${escapeXml(String(value))}</edXML:${name}>`;
}

export function group(name: string, children: string[]): string {
  return `<edXML:${name}>${children.join('')}</edXML:${name}>`;
}
