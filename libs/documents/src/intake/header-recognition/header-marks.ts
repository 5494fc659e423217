import type { Confidentiality, Urgency } from '../../marks';
import { closestKey } from './text-folding';

/** Độ khẩn as printed (Decree 30 Phụ lục I, under the number): the words alone on their line or stamp. */
const URGENCY: Record<string, Urgency> = { 'hoa toc': 'flash', 'thuong khan': 'very_urgent', khan: 'urgent' };
/** Độ mật stamps (Law on State Secrets Protection 2018). */
const CONFIDENTIALITY: Record<string, Confidentiality> = { 'tuyet mat': 'top_secret', 'toi mat': 'secret', mat: 'confidential' };

const URGENCY_ENTRIES = Object.entries(URGENCY);
const CONFIDENTIALITY_ENTRIES = Object.entries(CONFIDENTIALITY);

/** The mark a line is, letters misread by OCR allowed on the longer ones ("THUONG KHAN", not "KHAN"). */
export function urgencyMark(text: string): Urgency | null {
  return text.length > 20 ? null : closestKey(text, URGENCY_ENTRIES);
}

export function confidentialityMark(text: string): Confidentiality | null {
  return text.length > 20 ? null : closestKey(text, CONFIDENTIALITY_ENTRIES);
}
