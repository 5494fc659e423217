// Đăng nhập: password, then the authenticator code (or its enrolment at the first sign-in of a
// leader, clerk or administrator). docs/sign-in.md describes the steps the API answers.
import { Card, Layout, Typography } from 'antd';
import { useState } from 'react';
import type { EnrolmentConfirmed } from '../api/auth';
import { useSession } from '../session/SessionContext';
import { EnrolStep } from './login/EnrolStep';
import { MfaStep } from './login/MfaStep';
import { PasswordStep } from './login/PasswordStep';
import { RecoveryCodesStep } from './login/RecoveryCodesStep';

type Step =
  | { kind: 'password' }
  | { kind: 'mfa'; mfaToken: string }
  | { kind: 'enrol'; mfaToken: string }
  | { kind: 'recovery-codes'; confirmed: EnrolmentConfirmed };

export function LoginPage() {
  const { begin } = useSession();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const restart = () => setStep({ kind: 'password' });

  return (
    <Layout style={{ minHeight: '100vh', alignItems: 'center', justifyContent: 'center', padding: 16 }}>
      <main>
        <Card style={{ width: 420, maxWidth: '100%' }}>
          <Typography.Title level={1} style={{ fontSize: 24 }}>
            Văn phòng điện tử
          </Typography.Title>
          {step.kind === 'password' && (
            <PasswordStep
              onResult={async (result) => {
                if (result.status === 'signed_in') await begin(result.accessToken!);
                else if (result.status === 'mfa_required') setStep({ kind: 'mfa', mfaToken: result.mfaToken! });
                else setStep({ kind: 'enrol', mfaToken: result.mfaToken! });
              }}
            />
          )}
          {step.kind === 'mfa' && <MfaStep mfaToken={step.mfaToken} onSignedIn={(pair) => begin(pair.accessToken)} onRestart={restart} />}
          {step.kind === 'enrol' && (
            <EnrolStep mfaToken={step.mfaToken} onConfirmed={(confirmed) => setStep({ kind: 'recovery-codes', confirmed })} onRestart={restart} />
          )}
          {step.kind === 'recovery-codes' && (
            <RecoveryCodesStep codes={step.confirmed.recoveryCodes} onDone={() => begin(step.confirmed.session!.accessToken)} />
          )}
        </Card>
      </main>
    </Layout>
  );
}
