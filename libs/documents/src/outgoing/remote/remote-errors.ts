import { AppError } from '@eoffice/core';
import { isSigningError } from '@eoffice/signing';

/**
 * A remote provider's failure as the API answers it: the provider is the other party, not the
 * caller, so 502 (not a 500: nothing broke here, and nothing was written).
 */
export function remoteProviderAppError(error: unknown): unknown {
  if (isSigningError(error, 'REMOTE_PROVIDER_FAILED')) {
    return new AppError(502, 'REMOTE_PROVIDER_FAILED', `Dịch vụ ký số từ xa trả lời không hợp lệ (the remote signing provider's answer is not understood): ${error.message}`);
  }
  if (isSigningError(error, 'REMOTE_PROVIDER_UNREACHABLE')) {
    return new AppError(502, 'REMOTE_PROVIDER_UNREACHABLE', `Không kết nối được dịch vụ ký số từ xa (the remote signing provider did not answer): ${error.message}`);
  }
  return error;
}

export async function withRemoteErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw remoteProviderAppError(error);
  }
}
