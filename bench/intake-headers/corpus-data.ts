/** Material the corpus draws on: real kinds of Vietnamese authorities, places, people and subjects. */

export interface Agency {
  parent: string | null;
  /** The issuing authority's lines as printed. */
  lines: string[];
  /** Its code in notations (the initials, or the customary code). */
  code: string;
  place: string;
  units: string[];
}

const PROVINCES = ['Tây Ninh', 'Bình Dương', 'Đồng Nai', 'Long An', 'Cần Thơ', 'Quảng Ninh', 'Nghệ An', 'Đắk Lắk', 'Lâm Đồng', 'Thừa Thiên Huế', 'Hà Tĩnh', 'Bắc Giang', 'Khánh Hòa', 'Điện Biên'];
const DEPARTMENTS: [string, string, string[]][] = [
  ['SỞ GIÁO DỤC VÀ ĐÀO TẠO', 'SGDĐT', ['VP', 'GDTrH', 'TCCB', 'KHTC']],
  ['SỞ TÀI CHÍNH', 'STC', ['VP', 'QLNS', 'TCDN']],
  ['SỞ NỘI VỤ', 'SNV', ['VP', 'TCBC', 'CCVC']],
  ['SỞ Y TẾ', 'SYT', ['VP', 'NVY', 'KHTC']],
  ['SỞ TƯ PHÁP', 'STP', ['VP', 'HCTP', 'XDVB']],
  ['SỞ KẾ HOẠCH VÀ ĐẦU TƯ', 'SKHĐT', ['VP', 'ĐKKD', 'TH']],
  ['SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG', 'STNMT', ['VP', 'QLĐĐ', 'MT']],
  ['SỞ GIAO THÔNG VẬN TẢI', 'SGTVT', ['VP', 'QLVT', 'KHTC']],
  ['SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'STTTT', ['VP', 'BCVT', 'CNTT']],
  ['SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI', 'SLĐTBXH', ['VP', 'LĐVL', 'BTXH']],
];
const MINISTRIES: [string, string][] = [
  ['BỘ GIÁO DỤC VÀ ĐÀO TẠO', 'BGDĐT'],
  ['BỘ TÀI CHÍNH', 'BTC'],
  ['BỘ NỘI VỤ', 'BNV'],
  ['BỘ Y TẾ', 'BYT'],
  ['BỘ TƯ PHÁP', 'BTP'],
];
const DISTRICTS = ['Gò Dầu', 'Hòa Thành', 'Châu Thành', 'Tân Biên', 'Dương Minh Châu', 'Bến Cầu', 'Trảng Bàng', 'Tân Châu'];

export function agencies(): Agency[] {
  const list: Agency[] = [];
  for (const province of PROVINCES) {
    list.push({ parent: null, lines: ['ỦY BAN NHÂN DÂN', `TỈNH ${province.toLocaleUpperCase('vi')}`], code: 'UBND', place: province, units: ['VP', 'KT', 'VX', 'NC'] });
    for (const [name, code, units] of DEPARTMENTS) {
      list.push({ parent: `UBND TỈNH ${province.toLocaleUpperCase('vi')}`, lines: [name], code, place: province, units });
    }
  }
  for (const district of DISTRICTS) {
    list.push({ parent: 'UBND TỈNH TÂY NINH', lines: [`ỦY BAN NHÂN DÂN`, `HUYỆN ${district.toLocaleUpperCase('vi')}`], code: 'UBND', place: district, units: ['VP', 'TCKH'] });
    list.push({ parent: `UBND HUYỆN ${district.toLocaleUpperCase('vi')}`, lines: ['PHÒNG GIÁO DỤC VÀ ĐÀO TẠO'], code: 'PGDĐT', place: district, units: ['VP', 'TH'] });
  }
  for (const [name, code] of MINISTRIES) list.push({ parent: null, lines: [name], code, place: 'Hà Nội', units: ['VP', 'KHTC', 'PC', 'TCCB'] });
  list.push({ parent: 'BỘ GIÁO DỤC VÀ ĐÀO TẠO', lines: ['TRƯỜNG ĐẠI HỌC SƯ PHẠM', 'THÀNH PHỐ HỒ CHÍ MINH'], code: 'ĐHSP', place: 'TP. Hồ Chí Minh', units: ['HCTH', 'ĐT'] });
  list.push({ parent: 'BỘ Y TẾ', lines: ['BỆNH VIỆN BẠCH MAI'], code: 'BVBM', place: 'Hà Nội', units: ['HCQT', 'KHTH'] });
  return list;
}

/** Types with their notation code, and subjects that fit them (trích yếu). */
export const TYPED: [string, string, string[]][] = [
  ['Quyết định', 'QĐ', ['Về việc ban hành Quy chế làm việc của cơ quan', 'Về việc thành lập Tổ công tác rà soát thủ tục hành chính', 'Về việc công nhận kết quả kỳ thi chọn học sinh giỏi cấp tỉnh năm học 2026 - 2027', 'Về việc phê duyệt dự toán kinh phí chuyển đổi số năm 2027', 'Về việc giao chỉ tiêu biên chế công chức năm 2027']],
  ['Kế hoạch', 'KH', ['Triển khai công tác cải cách hành chính năm 2027', 'Tổ chức Hội khỏe Phù Đổng cấp tỉnh lần thứ X', 'Kiểm tra công tác văn thư, lưu trữ năm 2027', 'Thực hiện chuyển đổi số trong cơ quan nhà nước giai đoạn 2026 - 2030']],
  ['Thông báo', 'TB', ['Kết luận của Giám đốc tại cuộc họp giao ban tháng 01 năm 2027', 'Lịch tiếp công dân định kỳ quý I năm 2027', 'Về việc nghỉ Tết Nguyên đán Đinh Mùi năm 2027']],
  ['Báo cáo', 'BC', ['Tình hình thực hiện nhiệm vụ năm 2026 và phương hướng năm 2027', 'Kết quả công tác phòng, chống tham nhũng quý IV năm 2026', 'Sơ kết học kỳ I năm học 2026 - 2027']],
  ['Tờ trình', 'TTr', ['Về việc đề nghị phê duyệt danh mục dự án đầu tư công', 'Về việc đề nghị bổ sung kinh phí sự nghiệp giáo dục']],
  ['Chỉ thị', 'CT', ['Về tăng cường kỷ luật, kỷ cương hành chính', 'Về việc đẩy mạnh ứng dụng công nghệ thông tin']],
  ['Hướng dẫn', 'HD', ['Thực hiện nhiệm vụ giáo dục trung học năm học 2026 - 2027', 'Công tác thi đua, khen thưởng năm 2027']],
  ['Giấy mời', 'GM', ['Dự hội nghị tổng kết công tác năm 2026', 'Dự buổi làm việc về chuyển đổi số']],
  ['Nghị quyết', 'NQ', ['Về dự toán ngân sách địa phương năm 2027']],
];

export const LETTER_SUBJECTS = [
  'V/v tổ chức hội nghị tổng kết công tác năm 2026',
  'V/v góp ý dự thảo Quy chế phối hợp',
  'V/v báo cáo số liệu thống kê giáo dục đầu năm học',
  'V/v triển khai Nghị định số 30/2020/NĐ-CP về công tác văn thư',
  'V/v cử cán bộ tham dự lớp bồi dưỡng nghiệp vụ',
  'V/v đôn đốc thực hiện chế độ báo cáo định kỳ',
  'V/v rà soát, cập nhật cơ sở dữ liệu cán bộ, công chức',
  'V/v tăng cường công tác phòng cháy, chữa cháy mùa khô',
  'V/v hướng dẫn thanh toán kinh phí hỗ trợ',
  'V/v đề nghị cung cấp thông tin',
];

export const RECIPIENTS = ['Các phòng, ban, đơn vị trực thuộc', 'Ủy ban nhân dân các huyện, thị xã, thành phố', 'Hiệu trưởng các trường trung học phổ thông', 'Sở Tài chính'];

export const BODY = [
  'Thực hiện chỉ đạo của cấp trên và căn cứ tình hình thực tế tại địa phương, cơ quan đề nghị các đơn vị triển khai thực hiện một số nội dung sau đây.',
  'Các đơn vị chủ động rà soát, tổng hợp và gửi báo cáo về cơ quan trước ngày 20 của tháng để tổng hợp, báo cáo cấp có thẩm quyền theo quy định.',
  'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị phản ánh về Văn phòng để được hướng dẫn, giải quyết kịp thời.',
];

export const SIGNERS = ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Hoàng Phúc', 'Phạm Minh Đức', 'Võ Thị Thu Hà', 'Đặng Quốc Huy', 'Huỳnh Thanh Tâm', 'Bùi Thị Lan'];
export const POSITIONS: string[][] = [['GIÁM ĐỐC'], ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], ['TL. GIÁM ĐỐC', 'CHÁNH VĂN PHÒNG'], ['TRƯỞNG PHÒNG']];
