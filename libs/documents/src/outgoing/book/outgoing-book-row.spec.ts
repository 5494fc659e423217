import { OUTGOING_REGISTER_COLUMNS } from '../../registers';
import { OutgoingBookRecord, outgoingBookRow } from './outgoing-book-row';

const record: OutgoingBookRecord = {
  numberSymbol: '05/QĐ-SGDĐT',
  issuedDate: '2027-01-05',
  documentType: 'Quyết định',
  subject: 'Về việc công nhận kết quả kỳ thi',
  signerName: 'Trần Thị Ánh Tuyết',
  signingTitle: 'GIÁM ĐỐC',
  recipientNames: ['Trường THPT Trần Đại Nghĩa', 'Sở Nội vụ tỉnh Tây Ninh'],
  draftingUnitCode: 'GDTRH',
  dispatchedDate: '2027-01-05',
  status: 'dispatched',
  urgency: 'normal',
  confidentiality: 'normal',
  replacesNumberSymbol: null,
  signedOnPaper: false,
};

describe('outgoing register book row', () => {
  it('fills every column of Phụ lục IV.I from the record', () => {
    const row = outgoingBookRow(record);
    expect(row).toEqual({
      numberSymbol: '05/QĐ-SGDĐT',
      issuedDate: '2027-01-05',
      typeAndSubject: 'Quyết định: Về việc công nhận kết quả kỳ thi',
      signer: 'GIÁM ĐỐC Trần Thị Ánh Tuyết',
      recipients: 'Trường THPT Trần Đại Nghĩa\nSở Nội vụ tỉnh Tây Ninh',
      fileCopyHolder: 'VT, GDTRH',
      copies: 4,
      forwardedDate: '2027-01-05',
      receiptSignature: null,
      note: null,
    });
    expect(Object.keys(row).sort()).toEqual(OUTGOING_REGISTER_COLUMNS.map((c) => c.key).sort());
  });

  it('notes a recall, a replacement, urgency and secrecy', () => {
    expect(outgoingBookRow({ ...record, status: 'recalled', replacesNumberSymbol: '03/QĐ-SGDĐT', urgency: 'urgent', confidentiality: 'confidential' }).note)
      .toBe('Đã thu hồi; Thay thế văn bản số 03/QĐ-SGDĐT; Khẩn; Mật');
  });

  it('puts the notation of a signature for the head above the signer\'s title and name', () => {
    const row = outgoingBookRow({ ...record, signingTitle: 'KT. GIÁM ĐỐC', signingAuthority: 'KT', signerTitle: 'PHÓ GIÁM ĐỐC', signerName: 'Trần Văn Đức' });
    expect(row.signer).toBe('KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC Trần Văn Đức');
    expect(outgoingBookRow({ ...record, signingAuthority: 'own', signerTitle: 'GIÁM ĐỐC' }).signer).toBe('GIÁM ĐỐC Trần Thị Ánh Tuyết');
  });
});
