// Sign-in calls in cookie mode (the API keeps the refresh token in an HttpOnly cookie; docs/sign-in.md).
import { answer, api } from './client';
import type { components } from './schema';

export type SignInResult = components['schemas']['SignInResultDto'];
export type EnrolmentStarted = components['schemas']['MfaEnrolmentStartedDto'];
export type EnrolmentConfirmed = components['schemas']['MfaEnrolmentConfirmedDto'];
export type TokenPair = components['schemas']['TokenPairDto'];

export const signIn = (username: string, password: string): Promise<SignInResult> =>
  answer(api.POST('/api/v1/auth/login', { body: { username, password } }));

export const verifyCode = (mfaToken: string, code: string): Promise<TokenPair> =>
  answer(api.POST('/api/v1/auth/mfa/verify', { body: { mfaToken, code } }));

export const verifyRecoveryCode = (mfaToken: string, recoveryCode: string): Promise<TokenPair> =>
  answer(api.POST('/api/v1/auth/mfa/verify', { body: { mfaToken, recoveryCode } }));

export const startEnrolment = (mfaToken: string): Promise<EnrolmentStarted> =>
  answer(api.POST('/api/v1/auth/mfa/enrolment', { body: { mfaToken } }));

export const confirmEnrolment = (mfaToken: string, code: string): Promise<EnrolmentConfirmed> =>
  answer(api.POST('/api/v1/auth/mfa/enrolment/confirm', { body: { mfaToken, code } }));

export const changePassword = (currentPassword: string, newPassword: string): Promise<TokenPair> =>
  answer(api.POST('/api/v1/auth/password', { body: { currentPassword, newPassword } }));
