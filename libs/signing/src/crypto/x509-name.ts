import { decodeOid, derChildren, derContent, readDer } from './der-reader';
import { NAME_ATTRIBUTE_LABELS } from './oids';

export interface NameAttribute {
  oid: string;
  label: string;
  value: string;
}

/** Decodes an X.501 Name (RDNSequence) into its attributes, in encoded order. */
export function decodeName(nameDer: Buffer): NameAttribute[] {
  const attributes: NameAttribute[] = [];
  const name = readDer(nameDer);
  for (const rdn of derChildren(nameDer, name)) {
    for (const attribute of derChildren(nameDer, rdn)) {
      const [type, value] = derChildren(nameDer, attribute);
      const oid = decodeOid(derContent(nameDer, type));
      attributes.push({ oid, label: NAME_ATTRIBUTE_LABELS[oid] ?? oid, value: decodeDirectoryString(value.tag, derContent(nameDer, value)) });
    }
  }
  return attributes;
}

function decodeDirectoryString(tag: number, content: Buffer): string {
  switch (tag) {
    case 0x1e: // BMPString
      return Buffer.from(content).swap16().toString('utf16le');
    case 0x1c: // UniversalString
      return String.fromCodePoint(...Array.from({ length: content.length / 4 }, (_, i) => content.readUInt32BE(i * 4)));
    case 0x14: // TeletexString: treated as Latin-1, as most software does
      return content.toString('latin1');
    default: // UTF8String, PrintableString, IA5String
      return content.toString('utf8');
  }
}

/** `C=VN, O=…, CN=Nguyễn Văn A` in encoded order, as OpenSSL and node print names. */
export function formatName(attributes: NameAttribute[]): string {
  return attributes.map((a) => `${a.label}=${a.value}`).join(', ');
}

export function commonNameOf(attributes: NameAttribute[]): string | undefined {
  return attributes.find((a) => a.label === 'CN')?.value;
}
