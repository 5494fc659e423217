// Test support of @eoffice/signing — for specs, end-to-end suites and benches only, never for
// production code (the layout rules in .dependency-cruiser.cjs enforce both). Other code reaches
// these helpers through this file, not through the files beside it.
export { buildAppendixSource, buildDecisionSource, DECISION_LAYOUT } from './draft-fixtures';
export { requireTool, runTool, runToolBinary, tempFile } from './external-tools';
export type { ToolResult } from './external-tools';
export { pdfsigResults, qpdfCheck, qpdfTransform } from './pdf-checks';
export { countColour, renderPage } from './rendered-page';
export type { Colour, RenderedPage } from './rendered-page';
