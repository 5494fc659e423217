import { KeyObject } from 'node:crypto';

/**
 * What a local signature needs. The private key stays a `KeyObject`: it prints and serialises as
 * an empty object, so it cannot leak into logs or job payloads by accident; persist it only
 * through `encryptPrivateKey`.
 */
export interface SigningCredentials {
  privateKey: KeyObject;
  /** Signer certificate, DER. */
  certificate: Buffer;
  /** Issuing CA certificates (DER), nearest first; embedded in the CMS so verifiers can build the chain. */
  chain: Buffer[];
}
