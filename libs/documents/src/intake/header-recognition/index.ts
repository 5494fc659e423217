// Header recognition: page 1's words → the registration fields a clerk would type (pure).
export { recogniseHeader } from './recognise-header';
export type { RecognisedHeader } from './recognise-header';
export { normaliseNumberSymbol } from './number-notation';
export { parsePlaceDate } from './place-date';
