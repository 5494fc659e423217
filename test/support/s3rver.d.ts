/** The part of s3rver (an S3-compatible test server) that the S3 file-store test uses. */
declare module 's3rver' {
  interface S3rverOptions {
    port?: number;
    address?: string;
    silent?: boolean;
    directory: string;
    /** HTTPS: the server's private key and certificate (PEM). */
    key?: Buffer;
    cert?: Buffer;
    configureBuckets?: { name: string; configs: string[] }[];
  }
  export default class S3rver {
    constructor(options: S3rverOptions);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}
