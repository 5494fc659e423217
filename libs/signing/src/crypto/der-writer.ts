import { DerTag } from './der-reader';

/** Tiny DER encoder: CMS is assembled from already-encoded parts (certificates, names). */
export function derElement(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);
}

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function derSequence(...children: Buffer[]): Buffer {
  return derElement(DerTag.SEQUENCE, Buffer.concat(children));
}

/** DER requires SET OF elements sorted by their encodings (X.690 §11.6). */
export function derSetOf(children: Buffer[], tag: number = DerTag.SET): Buffer {
  return derElement(tag, Buffer.concat([...children].sort(Buffer.compare)));
}

export function derOid(oid: string): Buffer {
  const parts = oid.split('.').map(Number);
  const bytes: number[] = [];
  const encodeArc = (arc: number): void => {
    const chunk = [arc & 0x7f];
    for (let rest = Math.floor(arc / 128); rest > 0; rest = Math.floor(rest / 128)) chunk.unshift((rest & 0x7f) | 0x80);
    bytes.push(...chunk);
  };
  encodeArc(parts[0] * 40 + parts[1]);
  parts.slice(2).forEach(encodeArc);
  return derElement(DerTag.OID, Buffer.from(bytes));
}

export function derInteger(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  do {
    bytes.unshift(rest & 0xff);
    rest = Math.floor(rest / 256);
  } while (rest > 0);
  if (bytes[0] & 0x80) bytes.unshift(0);
  return derElement(DerTag.INTEGER, Buffer.from(bytes));
}

export function derOctetString(content: Buffer): Buffer {
  return derElement(DerTag.OCTET_STRING, content);
}

export function derNull(): Buffer {
  return Buffer.from([DerTag.NULL, 0]);
}

export function derExplicit(tagNumber: number, child: Buffer): Buffer {
  return derElement(0xa0 | tagNumber, child);
}

export function derAlgorithm(oid: string, withNullParameters: boolean): Buffer {
  return withNullParameters ? derSequence(derOid(oid), derNull()) : derSequence(derOid(oid));
}
