/**
 * A PKCS#12 holds a key and a few certificates (a few KiB; 64 KiB allows long chains); a signature
 * or seal image at 300 dpi is well under 1 MiB.
 */
export const CERTIFICATE_UPLOAD_LIMITS = { pkcs12Bytes: 64 * 1024, imageBytes: 2 * 1024 * 1024 } as const;
