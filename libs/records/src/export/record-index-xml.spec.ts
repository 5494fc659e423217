import { recordIndexXml } from './record-index-xml';
import type { RecordIndex } from './record-index';

const index: RecordIndex = {
  schema: 'eoffice-record-index/1',
  generatedAt: '2026-12-06T00:00:00.000Z',
  record: {
    fileCode: 'SGDĐT.2026.01.GDTRH', organName: 'Sở Giáo dục & Đào tạo', organCode: 'SGDĐT', fileCatalog: 2026, fileNotation: '01.GDTRH',
    title: 'Hồ sơ <thi> "học sinh giỏi"', maintenance: '10 năm', permanent: false, retentionYears: 10, rights: 'restricted', language: 'vi',
    startDate: '2026-01-15', endDate: '2026-12-06', docTotal: 1, pageTotal: 2, description: null, status: 'closed', closedAt: null, includeDrafts: false,
  },
  documents: [
    {
      docOrdinal: 1, kind: 'incoming', documentId: 'd1', typeName: 'Công văn', numberSymbol: '125/UBND-VX', issuedDate: '2026-01-15',
      organName: 'UBND tỉnh', subject: 'Về việc\u0001 thi', language: 'vi', pageAmount: 2, confidentiality: 'normal',
      fileName: '0001-van-ban-den.pdf', sha256: 'ab'.repeat(32), sizeBytes: 1234,
      files: [
        { role: 'document', fileName: '0001-van-ban-den.pdf', title: null, mimeType: 'application/pdf', sha256: 'ab'.repeat(32), sizeBytes: 1234, fileId: 'f1' },
        { role: 'result', fileName: '0001-van-ban-den.ket-qua.pdf', title: null, mimeType: 'application/pdf', sha256: 'cd'.repeat(32), sizeBytes: 99, fileId: 'f2' },
      ],
    },
  ],
};

describe('record index as XML', () => {
  const xml = recordIndexXml(index);

  it('escapes markup and drops characters XML 1.0 forbids', () => {
    expect(xml).toContain('<Title>Hồ sơ &lt;thi&gt; &quot;học sinh giỏi&quot;</Title>');
    expect(xml).toContain('<OrganName>Sở Giáo dục &amp; Đào tạo</OrganName>');
    expect(xml).toContain('<Subject>Về việc  thi</Subject>');
    expect(xml.includes('\u0001')).toBe(false);
  });

  it('writes empty values as empty elements and each document with its order number and checksum', () => {
    expect(xml).toContain('<Description/>');
    expect(xml).toContain('<Document kind="incoming" id="d1">');
    expect(xml).toContain('<DocOrdinal>1</DocOrdinal>');
    expect(xml).toContain(`<Sha256>${'ab'.repeat(32)}</Sha256>`);
    expect(xml).toContain('<File role="result">');
    expect(xml).toContain('<FileName>0001-van-ban-den.ket-qua.pdf</FileName>');
    expect(xml).toContain(`<Sha256>${'cd'.repeat(32)}</Sha256>`);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  });
});
