/** Written into every demo certificate's name so that nobody mistakes one for a real one. */
export const DEMO_MARK = 'DEMO — not for production';
