import type { SigningCredentials } from '../certificates/signing-credentials';
import type { TrustOptions } from '../certificates/certificate-checker';
import { SigningError, isSigningError } from '../errors/signing-error';
import {
  acceptUploadedSignedPdf, applyLeaderSignature, completeDeferredSignature, prepareDeferredSignature,
} from '../lazy-steps';
import { PdfInput, pdfBytes, UpdatedPdf } from '../pdf/updated-pdf';
import type { RemoteSigningClient, RemoteStatus, RemoteTransaction } from '../remote/remote-signing-client';
import type { VerificationReport } from '../verification/pdf-signature-verifier';
import type { DeferredSignatureResponse, DeferredSigningState } from './deferred-signature';
import type { LeaderAppearanceOptions } from './leader-signature';

/** How signature 1 is made: a key stored on the server, the leader's USB token, a whole-PDF plugin, a remote service. */
export type SignatureProviderKind = 'stored-key' | 'token' | 'plugin' | 'remote';

/**
 * A signature begun: made at once (a stored key), or the PDF sent for signing with what `complete`
 * needs later (JSON, kept by the caller in its database), and for a token the bytes it signs.
 */
export type BegunSignature<State> =
  | { done: true; pdf: UpdatedPdf }
  | { done: false; sent: UpdatedPdf; state: State; signedAttributes?: Buffer; digestToSign?: Buffer };

/**
 * The port every way of making signature 1 goes through: `begin` on the prepared draft, then (for
 * the ways that wait for someone) `complete` with the answer, which is checked before anything counts
 * as signed. The services of the outgoing documents pick a provider; the PDF work stays here.
 */
export interface SignatureProvider<State, Answer, Result> {
  readonly kind: SignatureProviderKind;
  begin(draft: PdfInput, appearance: LeaderAppearanceOptions): Promise<BegunSignature<State>>;
  complete(sent: PdfInput, state: State, answer: Answer): Promise<Result>;
}

/** A PKCS#12 key stored (encrypted) on the server: signed in `begin`, nothing to complete. */
export function storedKeyProvider(credentials: SigningCredentials): SignatureProvider<never, never, UpdatedPdf> {
  return {
    kind: 'stored-key',
    begin: async (draft, appearance) => ({ done: true, pdf: await applyLeaderSignature(draft, { ...appearance, credentials }) }),
    complete: () => Promise.reject(new SigningError('INVALID_ARGUMENT', 'A stored-key signature has nothing to complete')),
  };
}

/** The leader's USB token (deferred prepare/complete): the token signs the signed attributes. */
export function tokenProvider(certificate: Buffer | string, chain: (Buffer | string)[] = []): SignatureProvider<DeferredSigningState, DeferredSignatureResponse, UpdatedPdf> {
  return {
    kind: 'token',
    begin: async (draft, appearance) => {
      const prepared = await prepareDeferredSignature(draft, { ...appearance, certificate, chain });
      return { done: false, sent: prepared.preparedPdf, state: prepared.state, signedAttributes: prepared.signedAttributes, digestToSign: prepared.digestToSign };
    },
    complete: async (sent, state, answer) => completeDeferredSignature(sent, state, answer),
  };
}

export interface PluginSigningState {
  mode: 'plugin';
}

/** A plugin that signs whole PDFs: the draft goes out as it is; the upload must extend it by one valid signature. */
export function pluginProvider(trust: TrustOptions, fieldName: string): SignatureProvider<PluginSigningState, Uint8Array, VerificationReport> {
  return {
    kind: 'plugin',
    begin: (draft) => Promise.resolve({ done: false, sent: draft instanceof UpdatedPdf ? draft : new UpdatedPdf(pdfBytes(draft), Buffer.alloc(0)), state: { mode: 'plugin' } }),
    complete: async (sent, _state, uploadedPdf) => acceptUploadedSignedPdf({ sentPdf: sent, uploadedPdf, trust, fieldName }),
  };
}

/** What a remote signature keeps between `begin` and `complete`: the deferred state and the provider's transaction. */
export interface RemoteSigningState {
  deferred: DeferredSigningState;
  transaction: RemoteTransaction;
}

/**
 * A remote signing service (the CA holds the key; the signer confirms on the phone): `begin`
 * prepares the revision as a token signature does and sends only the hash of the signed attributes,
 * with a document id the signer sees; `poll` asks the provider; `complete` embeds the signature
 * after checking it signs exactly our hash with the prepared certificate (REMOTE_SIGNATURE_MISMATCH).
 */
export function remoteProvider(
  client: RemoteSigningClient,
  request: { credentialId: string; certificate: Buffer; chain: Buffer[]; documentId: string; description: string },
): SignatureProvider<RemoteSigningState, RemoteStatus, UpdatedPdf> & { poll(state: RemoteSigningState): Promise<RemoteStatus> } {
  const token = tokenProvider(request.certificate, request.chain);
  return {
    kind: 'remote',
    begin: async (draft, appearance) => {
      const begun = await token.begin(draft, appearance);
      if (begun.done || !begun.digestToSign) throw new SigningError('INVALID_ARGUMENT', 'A remote signature is never made at once');
      const transaction = await client.requestSignature({
        credentialId: request.credentialId, hash: begun.digestToSign, documentId: request.documentId, description: request.description,
      });
      return { done: false, sent: begun.sent, state: { deferred: begun.state, transaction } };
    },
    poll: (state) => client.status(state.transaction),
    complete: async (sent, state, answer) => {
      if (answer.state !== 'signed') throw new SigningError('INVALID_ARGUMENT', `The remote signature is ${answer.state}, not signed`);
      return completeRemoteSignature(sent, state, answer.signature);
    },
  };
}

/** The last step of a remote signature, without the provider: the signature checked over exactly our hash and embedded. */
export async function completeRemoteSignature(sent: PdfInput, state: RemoteSigningState, signature: Buffer): Promise<UpdatedPdf> {
  try {
    return await completeDeferredSignature(sent, state.deferred, { signature });
  } catch (error) {
    if (isSigningError(error, 'SIGNATURE_MISMATCH')) {
      throw new SigningError('REMOTE_SIGNATURE_MISMATCH', 'The remote signing provider returned a signature that does not verify over the hash sent with the prepared certificate', { cause: error });
    }
    throw error;
  }
}
