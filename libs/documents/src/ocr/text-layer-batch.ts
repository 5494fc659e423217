// Several small PDFs' text layers from one pdftotext run (issue 13.10). Starting poppler costs ~7 ms
// of CPU (relocating its thirty libraries) whatever the file; reading one more 1 KB page costs a
// fraction of that. So the pages of several documents are put in one PDF (pdf-lib, in the process,
// nothing re-encoded) and the text is cut back at the form feeds pdftotext ends every page with.
// Loaded on first use (TextExtractor): the API, which never extracts text, does not load pdf-lib.
import { PDFDocument } from 'pdf-lib';

export interface TextLayerSource {
  id: string;
  bytes: Uint8Array;
}

export interface TextLayerPart {
  id: string;
  pageCount: number;
}

/**
 * The sources' pages in one PDF, in order, and how many pages each gave. A source is left out (and
 * read on its own, as before) when pdf-lib cannot read every object of it as it is (encrypted,
 * damaged: poppler might then see other pages than pdf-lib), or when a page has annotations (form
 * fields' text can come from the document's own form resources, which a page copy does not take).
 */
export async function mergeForTextLayer(sources: readonly TextLayerSource[]): Promise<{ merged: Uint8Array; parts: TextLayerPart[] }> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const parts: TextLayerPart[] = [];
  for (const source of sources) {
    try {
      const doc = await PDFDocument.load(source.bytes, { updateMetadata: false, throwOnInvalidObject: true });
      const pages = doc.getPages();
      if (!pages.length || pages.some((page) => (page.node.Annots()?.size() ?? 0) > 0)) continue;
      for (const page of await out.copyPages(doc, doc.getPageIndices())) out.addPage(page);
      parts.push({ id: source.id, pageCount: pages.length });
    } catch {
      // Not batched: its own job reads it with pdftotext alone and reports what is wrong with it.
    }
  }
  return { merged: await out.save({ useObjectStreams: false }), parts };
}

/**
 * Each part's text as pdftotext gives it for that document alone (every page followed by a form
 * feed), or null when the pages do not add up: then nothing of the run is used.
 */
export function splitTextLayer(text: string, parts: readonly TextLayerPart[]): Map<string, string> | null {
  const pages = text.split('\f');
  const total = parts.reduce((sum, part) => sum + part.pageCount, 0);
  // After the last page's form feed comes nothing: split gives one more (empty) element.
  if (pages.length !== total + 1 || pages[total] !== '') return null;
  const layers = new Map<string, string>();
  let first = 0;
  for (const part of parts) {
    layers.set(part.id, pages.slice(first, first + part.pageCount).map((page) => `${page}\f`).join(''));
    first += part.pageCount;
  }
  return layers;
}
