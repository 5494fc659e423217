import type { RecordIndex } from './record-index';

const escape = (value: unknown): string =>
  String(value ?? '')
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters outright
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

function element(name: string, value: unknown, indent: string): string {
  return value === null || value === undefined ? `${indent}<${name}/>` : `${indent}<${name}>${escape(value)}</${name}>`;
}

/**
 * The index as XML, element names after the Circular 02/2019 metadata of a record (hồ sơ) and of
 * each document in it; the same content as the JSON index.
 */
export function recordIndexXml(index: RecordIndex): string {
  const r = index.record;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<RecordIndex schema="${escape(index.schema)}" generatedAt="${escape(index.generatedAt)}">`,
    '  <File>',
    ...Object.entries({
      FileCode: r.fileCode, OrganName: r.organName, OrganCode: r.organCode, FileCatalog: r.fileCatalog, FileNotation: r.fileNotation,
      Title: r.title, Maintenance: r.maintenance, Permanent: r.permanent, RetentionYears: r.retentionYears, Rights: r.rights,
      Language: r.language, StartDate: r.startDate, EndDate: r.endDate, DocTotal: r.docTotal, PageTotal: r.pageTotal,
      Description: r.description, Status: r.status, ClosedAt: r.closedAt, IncludeDrafts: r.includeDrafts,
    }).map(([name, value]) => element(name, value, '    ')),
    '  </File>',
    '  <Documents>',
  ];
  for (const d of index.documents) {
    lines.push(`    <Document kind="${d.kind}" id="${escape(d.documentId)}">`);
    for (const [name, value] of Object.entries({
      DocOrdinal: d.docOrdinal, TypeName: d.typeName, CodeNotation: d.numberSymbol, IssuedDate: d.issuedDate, OrganName: d.organName,
      Subject: d.subject, Language: d.language, PageAmount: d.pageAmount, Confidentiality: d.confidentiality, FileName: d.fileName,
      Sha256: d.sha256, SizeBytes: d.sizeBytes,
    })) {
      lines.push(element(name, value, '      '));
    }
    lines.push('      <Files>');
    for (const f of d.files ?? []) {
      lines.push(`        <File role="${f.role}">`);
      for (const [name, value] of Object.entries({ FileName: f.fileName, Title: f.title, MimeType: f.mimeType, Sha256: f.sha256, SizeBytes: f.sizeBytes })) {
        lines.push(element(name, value, '          '));
      }
      lines.push('        </File>');
    }
    lines.push('      </Files>');
    lines.push('    </Document>');
  }
  lines.push('  </Documents>', '</RecordIndex>', '');
  return lines.join('\n');
}
