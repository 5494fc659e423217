// Văn bản chờ vào sổ (GET /intake, docs/intake.md): scans and e-mails waiting for the clerk, each
// with its files and a proposal of metadata; registered with one call, or returned with a reason.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { answer, api } from './client';
import type { components, operations } from './schema';

export type IntakeItem = components['schemas']['IntakeItemDto'];
export type IntakeState = IntakeItem['state'];
export type IntakeRegisterInput = components['schemas']['RegisterIntakeDto'];
export type IntakeQuery = NonNullable<operations['IntakeController_list']['parameters']['query']>;

export const intakeKeys = { all: ['intake'] as const };

export function useIntake(query: IntakeQuery) {
  return useQuery({
    queryKey: [...intakeKeys.all, query],
    queryFn: () => answer(api.GET('/api/v1/intake', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

const path = (id: string) => ({ params: { path: { id } } });

export const registerIntake = (id: string, body: IntakeRegisterInput) => answer(api.POST('/api/v1/intake/{id}/register', { ...path(id), body }));
export const returnIntake = (id: string, reason: string) => answer(api.POST('/api/v1/intake/{id}/return', { ...path(id), body: { reason } }));

export const INTAKE_STATE_LABELS: Record<IntakeState, string> = {
  waiting: 'Chờ vào sổ',
  registered: 'Đã vào sổ',
  returned: 'Đã trả lại',
  not_a_document: 'Không phải văn bản',
  recalled: 'Nơi gửi đã thu hồi',
};

export const INTAKE_CHANNEL_LABELS: Record<IntakeItem['channel'], string> = {
  paper: 'Bản giấy (số hóa)',
  email: 'Thư điện tử',
  system: 'Trong hệ thống',
  edxml: 'Trục liên thông',
};

/** The flags the intake sets at receipt (docs/intake.md), as the clerk reads them; others show as sent. */
export const INTAKE_FLAG_LABELS: Record<string, string> = {
  signature_unsigned: 'Không có chữ ký số',
  signature_untrusted: 'Chữ ký không được tin cậy',
  signature_modified: 'Bị sửa sau khi ký',
  signature_invalid: 'Chữ ký không hợp lệ',
  signature_unreadable: 'Không đọc được tệp',
  no_attachments: 'Không có tệp đính kèm',
  spam_like: 'Nghi là thư rác',
};
