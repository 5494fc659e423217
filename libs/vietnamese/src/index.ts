// Vietnamese rules that are not document flow (pure, no database): the working-day calendar with
// holidays and Tết, dates in Vietnam's time zone, and text as Vietnamese needs it (Unicode NFC,
// legacy TCVN3/VNI encodings detected and converted, names and free text checked).
export * from './calendar';
export { configuredCalendarExceptions } from './calendar/configured-exceptions';
export * from './text/clean-text';
export * from './text/legacy';
export * from './text/typed-text';
export * from './text/vietnam-date';
export * from './text/vietnamese-text';
