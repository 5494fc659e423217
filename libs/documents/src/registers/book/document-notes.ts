import type { Confidentiality, Urgency } from '../../marks';

/** Độ khẩn and độ mật as the register books' Ghi chú column writes them (Decree 30 Art. 9, 15). */
export const URGENCY_NOTES: Record<Urgency, string | null> = { normal: null, urgent: 'Khẩn', very_urgent: 'Thượng khẩn', flash: 'Hỏa tốc' };
export const CONFIDENTIALITY_NOTES: Record<Confidentiality, string | null> = {
  normal: null,
  confidential: 'Mật',
  secret: 'Tối mật',
  top_secret: 'Tuyệt mật',
};
