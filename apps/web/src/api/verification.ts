// Tra cứu văn bản (GET /verify/:token): public, no session — a plain client without the access token
// or the refresh-on-401 of the signed-in one. The same path asked by a browser for a page is this app.
import { useQuery } from '@tanstack/react-query';
import createClient from 'openapi-fetch';
import { answer } from './client';
import type { components, paths } from './schema';

export type PublicVerification = components['schemas']['PublicVerificationDto'];

const publicApi = createClient<paths>({ baseUrl: '', headers: { Accept: 'application/json' } });

export const useVerification = (token: string) =>
  useQuery({ queryKey: ['verification', token], queryFn: () => answer(publicApi.GET('/verify/{token}', { params: { path: { token } } })) });
