import { CscClient } from './csc-client';
import { RemoteProviderSettings, RemoteSigningClient } from './remote-signing-client';
import { Sp769Client } from './sp769-client';

/** The client of the protocol a provider's configuration names. */
export function remoteSigningClient(settings: RemoteProviderSettings): RemoteSigningClient {
  return settings.protocol === 'csc' ? new CscClient(settings) : new Sp769Client(settings);
}
