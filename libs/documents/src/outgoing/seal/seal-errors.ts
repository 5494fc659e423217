import { AppError } from '@eoffice/core';
import type { SealMode, SealSaga } from './seal-saga.entity';

/** POST /outgoing/:id/issue seals with the stored key; an agency whose key is elsewhere issues through the saga. */
export function requireStoredSeal(mode: SealMode): void {
  if (mode !== 'stored') {
    throw AppError.conflict('SEAL_KEY_NOT_STORED', `Con dấu của cơ quan không lưu trên máy chủ (${mode}): cấp số qua POST /outgoing/:id/issue/start (the seal key is not on the server)`);
  }
}

export function requireSealElsewhere(mode: SealMode): asserts mode is Exclude<SealMode, 'stored'> {
  if (mode === 'stored') {
    throw AppError.conflict('SEAL_KEY_STORED', 'Con dấu của cơ quan lưu trên máy chủ: cấp số qua POST /outgoing/:id/issue (the seal key is stored; issue at once)');
  }
}

/** A seal for a saga that has ended: voided (its number with it), failed, or already completed. */
export function sagaClosed(saga: SealSaga): AppError {
  if (saga.step === 'voided') {
    return AppError.conflict('SEAL_SAGA_VOIDED', `Số ${saga.numberSymbol} đã bị hủy (${saga.reason ?? ''}); chữ ký số đến muộn không được dùng (the number was voided; the late seal is refused)`);
  }
  if (saga.step === 'failed') return AppError.conflict('SEAL_SAGA_FAILED', `Lần đóng dấu này đã thất bại (${saga.reason ?? ''}) (the seal saga failed)`);
  return AppError.conflict('SEAL_SAGA_FINISHED', 'Văn bản đã được đóng dấu (the seal saga already completed)');
}
