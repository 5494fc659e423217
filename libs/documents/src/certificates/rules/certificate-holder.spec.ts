import { assertCertificateHolder, foldPersonName } from './certificate-holder';

describe('certificate holder', () => {
  it('folds diacritics, đ, case and spacing, as CAs write names', () => {
    expect(foldPersonName('Nguyễn  Văn Đức')).toBe('NGUYEN VAN DUC');
    expect(foldPersonName('Trần Thị Ánh Tuyết'.normalize('NFD'))).toBe('TRAN THI ANH TUYET');
  });

  it('accepts the person’s own name however the CA spelled it, and nothing else', () => {
    expect(() => assertCertificateHolder('NGUYEN VAN DUC', 'Nguyễn Văn Đức')).not.toThrow();
    expect(() => assertCertificateHolder('Nguyễn Văn Đức', 'Nguyễn Văn Đức')).not.toThrow();
    for (const other of ['Nguyễn Văn Đức (token)', 'Nguyễn Văn Đực Anh', 'Nguyễn Văn', undefined]) {
      expect(() => assertCertificateHolder(other, 'Nguyễn Văn Đức')).toThrow(expect.objectContaining({ code: 'CERTIFICATE_HOLDER_MISMATCH', status: 400 }));
    }
  });
});
