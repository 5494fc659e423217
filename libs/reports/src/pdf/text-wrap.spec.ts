import { wrapText } from './text-wrap';

// One point per character: widths are easy to reason about.
const measure = (text: string) => Array.from(text).length;

describe('wrapText', () => {
  it('breaks at spaces so that no line is wider than the cell', () => {
    const lines = wrapText('Về việc tổ chức kỳ thi chọn học sinh giỏi', 15, measure);
    expect(lines).toEqual(['Về việc tổ chức', 'kỳ thi chọn học', 'sinh giỏi']);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(15);
  });

  it('keeps the text’s own line breaks and empty lines', () => {
    expect(wrapText('Nơi nhận:\n\n- Như trên', 40, measure)).toEqual(['Nơi nhận:', '', '- Như trên']);
  });

  it('cuts a word only when it alone is wider than the cell, between whole characters', () => {
    expect(wrapText('Số 1234/QĐ-UBND-VX', 6, measure)).toEqual(['Số', '1234/Q', 'Đ-UBND', '-VX']);
  });

  it('gives one empty line for empty text and collapses runs of spaces', () => {
    expect(wrapText('', 10, measure)).toEqual(['']);
    expect(wrapText('a    b', 10, measure)).toEqual(['a b']);
  });
});
