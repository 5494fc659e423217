/** The part of pngjs (a pure-JS PNG codec) that the scan-like test images use. */
declare module 'pngjs' {
  interface PngImage {
    width: number;
    height: number;
    /** RGBA when read; as `inputColorType` says when written. */
    data: Buffer;
  }
  interface WriteOptions {
    colorType?: 0 | 2 | 4 | 6;
    inputColorType?: 0 | 2 | 4 | 6;
    inputHasAlpha?: boolean;
  }
  export const PNG: {
    sync: {
      read(buffer: Buffer): PngImage;
      write(image: PngImage, options?: WriteOptions): Buffer;
    };
  };
  export type PNG = PngImage;
}
