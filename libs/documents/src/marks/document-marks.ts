/**
 * Độ khẩn (urgency) and độ mật (confidentiality): the two marks every document carries, incoming or
 * outgoing (Decree 30 Art. 9, 15). They live in an area of their own, below incoming, outgoing and
 * registers, because the register books write them out and both flows store them: kept in the
 * incoming entity, they made registers import incoming while incoming imports registers.
 */
export type Urgency = 'normal' | 'urgent' | 'very_urgent' | 'flash';
export type Confidentiality = 'normal' | 'confidential' | 'secret' | 'top_secret';
