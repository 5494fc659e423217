import type { Confidentiality, Urgency } from '../../marks';
import { letterKey } from './text-folding';

/** Độ khẩn as printed (Decree 30 Phụ lục I, under the number): the words alone on their line or stamp. */
const URGENCY: Record<string, Urgency> = { 'hoa toc': 'flash', 'thuong khan': 'very_urgent', khan: 'urgent' };
/** Độ mật stamps (Law on State Secrets Protection 2018). */
const CONFIDENTIALITY: Record<string, Confidentiality> = { 'tuyet mat': 'top_secret', 'toi mat': 'secret', mat: 'confidential' };

export function urgencyMark(text: string): Urgency | null {
  return URGENCY[letterKey(text)] ?? null;
}

export function confidentialityMark(text: string): Confidentiality | null {
  return CONFIDENTIALITY[letterKey(text)] ?? null;
}
