import { normaliseText, personNameProblem, textProblem } from './typed-text';

describe('Vietnamese text rules', () => {
  it('normalises to NFC with single spaces', () => {
    const nfd = '  Nguyễn   Văn\tBằng '.normalize('NFD');
    expect(normaliseText(nfd)).toBe('Nguyễn Văn Bằng'.normalize('NFC'));
    expect(normaliseText(nfd)).toHaveLength('Nguyễn Văn Bằng'.length);
  });

  it.each(['Nguyễn Văn Bằng', 'Trần Thị Ánh Tuyết', 'Y Moan Ênuôl', 'Tôn Nữ Thị Ninh', "H'Hen Niê", 'Đặng Quang Huy'])(
    'accepts the name %s, also when typed decomposed',
    (name) => {
      expect(personNameProblem(name)).toBeNull();
      expect(personNameProblem(name.normalize('NFD'))).toBeNull();
    },
  );

  it.each([
    ['Phßng Gi¸o dôc', 'TCVN3 read as Latin-1'],
    ['NguyÔn V¨n B»ng', 'TCVN3 name'],
    ['Nguyeãn Vaên Baèng ñoäi', 'VNI with đ'],
    ['Phoøng Toå chöùc', 'VNI'],
  ])('flags legacy encoding in %s (%s)', (text) => {
    expect(textProblem(text)).toBe('legacy_encoding');
    expect(personNameProblem(text)).toBe('legacy_encoding');
  });

  it('refuses digits and symbols in a name, but not in free text', () => {
    expect(personNameProblem('Nguyễn Văn 2')).toBe('invalid_characters');
    expect(personNameProblem('- Bằng')).toBe('invalid_characters');
    expect(textProblem('Chuyên viên bậc 2 (kiêm nhiệm)')).toBeNull();
    // A French word in free text is not a legacy encoding: é is a letter of the Vietnamese alphabet too.
    expect(textProblem('Quán Café Ánh Dương')).toBeNull();
  });

  it('refuses empty text and control characters', () => {
    expect(textProblem('   ')).toBe('empty');
    expect(textProblem('Văn\u0000thư')).toBe('invalid_characters');
  });
});
