// Layout rules checked by dependency-cruiser (`npm run lint:layout`, run by `npm test` right after
// ESLint). Each rule says why it exists; docs/layout.md explains the layers and how to change them.
//
// The libraries form one-way layers, derived from the import graph as it stands:
//
//   core      imports no other library (configuration, database, errors, queues, audit chain)
//   signing   imports no other library (pure PDF signing: no database, no HTTP)
//   exchange  imports no other library (pure edXML packages and status messages: no database, no HTTP)
//   reports   imports signing only (its font loader): tables to XLSX/PDF, no database, no documents
//   vietnamese imports core only (calendar, holidays, text as Vietnamese needs it)
//   accounts  imports core and vietnamese
//   documents imports core, vietnamese, accounts, signing, exchange and reports; only records imports documents
//   records   imports core, accounts and documents (hồ sơ: file lists, filing, export); no library imports records
//   statistics imports core, vietnamese, accounts, reports and documents (the read side); no library imports it
//   apps/api and apps/worker import the libraries, never each other; no library imports an app
//
// A library added later gets its line here (and in docs/layout.md) when it is created.
//
// Inside libs/documents, each folder is an area with its own Nest module and index.ts; DOCUMENT_AREAS
// below lists which areas each may import (acyclic, checked when this file loads).

/** Files that exist only for tests and benchmarks: specs, end-to-end suites, benches, test support. */
const TEST_ONLY = ['\\.spec\\.ts$', '\\.e2e-spec\\.ts$', '^test/', '^bench/', '^libs/[^/]+/test/'];

/** The two doors into a library from outside it: its entry point, and its test support entry. */
// The code cache is imported by the apps' main.ts before any package, so it cannot come through
// @eoffice/core's index (which loads packages): it is an entry point of its own.
const ENTRY_POINTS = ['^libs/[^/]+/src/index\\.ts$', '^libs/[^/]+/test/index\\.ts$', '^libs/core/src/startup/code-cache\\.ts$'];

const DOCUMENTS = '^libs/documents/src/';

/**
 * The areas of libs/documents (one folder and one Nest module each) and the areas each may import,
 * through their index.ts. Lowest first; the list must stay acyclic (checked below), which is what
 * forbids cycles between areas: an area may only import areas listed for it.
 */
const DOCUMENT_AREAS = {
  marks: [], // urgency and confidentiality, shared by every document
  timeline: [], // the shape of a document event
  deadlines: [], // due dates on the working calendar
  conversion: [], // office files to PDF
  ocr: [], // text out of PDFs and scans
  jobs: [], // background job status
  views: [], // who opened a document; asks incoming/outgoing through ports (IncomingManagers, OutgoingManagers)
  certificates: [], // signing certificates; reminders go out through a port (CertificateExpiryNotices)
  scans: ['ocr'],
  registers: ['marks'], // the book's rows come from the flows through a port (REGISTER_BOOK_SOURCES)
  incoming: ['marks', 'timeline', 'deadlines', 'ocr', 'scans', 'registers', 'views'], // replies: port IssuedReplies
  outgoing: ['marks', 'timeline', 'conversion', 'ocr', 'registers', 'views', 'certificates', 'incoming'],
  intake: ['marks', 'ocr', 'scans', 'certificates', 'incoming'], // văn bản chờ vào sổ; scans hand it their PDFs through a port (ScanArrivals); ocr reads page 1's header
  exchange: ['marks', 'certificates', 'intake', 'outgoing', 'incoming', 'notifications'], // liên thông: edXML packages out of outgoing, into intake; recalls reach incoming copies and notify
  notifications: ['deadlines', 'certificates', 'incoming', 'outgoing', 'intake'], // intake: reminders of items waiting too long
  files: ['views', 'incoming', 'outgoing', 'intake'],
  filing: ['views', 'certificates', 'incoming', 'outgoing'],
  audit: ['incoming', 'outgoing'],
  backups: ['notifications'],
};

/** Refuses to load a DOCUMENT_AREAS with a cycle (or an unknown name): the per-area rules would then allow one. */
function assertAreasAcyclic(areas) {
  const state = {};
  const visit = (area, path) => {
    if (!(area in areas)) throw new Error(`DOCUMENT_AREAS: unknown area ${area} (${path.join(' → ')})`);
    if (state[area] === 'done') return;
    if (state[area] === 'open') throw new Error(`DOCUMENT_AREAS: cycle ${[...path, area].join(' → ')}`);
    state[area] = 'open';
    for (const next of areas[area]) visit(next, [...path, area]);
    state[area] = 'done';
  };
  for (const area of Object.keys(areas)) visit(area, []);
}
assertAreasAcyclic(DOCUMENT_AREAS);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A cycle between files makes load order matter (undefined classes at decoration time) and ' +
        'hides which side owns a concept. Break it with a smaller common file or an event.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import the checker cannot resolve would escape every other rule.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'libs-not-to-apps',
      severity: 'error',
      comment: 'Libraries serve both the API and the worker; an app is the outermost layer.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-not-to-other-apps',
      severity: 'error',
      comment: 'The API and the worker share code through libraries only.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'web-imports-no-lib',
      severity: 'error',
      comment:
        'The web client runs in the browser: it reaches the server over HTTP only, typed by ' +
        'openapi.json (apps/web/src/api/schema.d.ts), never by importing server code.',
      from: { path: '^apps/web/' },
      to: { path: '^(libs|test|bench)/' },
    },
    {
      name: 'lib-entry-point-only',
      severity: 'error',
      comment:
        'Outside a library, import it only through its entry point (@eoffice/<lib>, i.e. ' +
        'libs/<lib>/src/index.ts) or its test support (libs/<lib>/test/index.ts) — tests and ' +
        'benches included. Export what you need from the index instead of reaching inside.',
      from: { path: '^(apps|test|bench)/' },
      to: { path: '^libs/', pathNot: ENTRY_POINTS },
    },
    {
      name: 'lib-entry-point-only-between-libs',
      severity: 'error',
      comment: 'The same rule between libraries: another library is reached only through its entry point.',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/', pathNot: ['^libs/$1/', ...ENTRY_POINTS] },
    },
    {
      name: 'test-support-only-in-tests',
      severity: 'error',
      comment:
        'Test support, test suites and benches are never part of a running product: production ' +
        'code must not import them.',
      from: { pathNot: TEST_ONLY },
      to: { path: TEST_ONLY },
    },
    {
      name: 'controllers-no-persistence-queues-pdf',
      severity: 'error',
      comment:
        'Controllers are HTTP only: queries belong to repositories, jobs to services (through the ' +
        'outbox), PDF work to the signing library and the services that call it.',
      from: { path: '\\.controller\\.ts$' },
      to: { path: '(^|/)node_modules/(typeorm|bullmq|pdf-lib|@nestjs/typeorm|@nestjs/bullmq)/' },
    },
    {
      name: 'core-imports-no-lib',
      severity: 'error',
      comment: 'core is the bottom layer: every other library builds on it.',
      from: { path: '^libs/core/' },
      to: { path: '^libs/', pathNot: '^libs/core/' },
    },
    {
      name: 'signing-imports-no-lib',
      severity: 'error',
      comment: 'signing is pure (bytes, keys and certificates in; bytes and reports out): no database, no accounts.',
      from: { path: '^libs/signing/' },
      to: { path: '^libs/', pathNot: '^libs/signing/' },
    },
    {
      name: 'exchange-imports-no-lib',
      severity: 'error',
      comment:
        'exchange is pure like signing (edXML packages and status messages of QCVN 102: XML, bytes, keys ' +
        'and certificates in; XML and refusals out): no database, no documents. The documents library\'s ' +
        'exchange area stores and sends what it builds.',
      from: { path: '^libs/exchange/', pathNot: TEST_ONLY },
      to: { path: '^libs/', pathNot: '^libs/exchange/' },
    },
    {
      name: 'reports-imports-signing-only',
      severity: 'error',
      comment:
        'reports renders tables (XLSX, PDF with Vietnamese fonts) for whoever reports: registers, ' +
        'statistics, records. It knows no document and no database; it shares only the PDF font ' +
        'loader of the (equally pure) signing library.',
      from: { path: '^libs/reports/', pathNot: TEST_ONLY },
      to: { path: '^libs/', pathNot: '^libs/(reports|signing)/' },
    },
    {
      name: 'vietnamese-imports-core-only',
      severity: 'error',
      comment:
        'vietnamese (working calendar, holidays, text encodings) is pure rules: every area may use it, ' +
        'so it may use nothing but core.',
      from: { path: '^libs/vietnamese/' },
      to: { path: '^libs/', pathNot: '^libs/(vietnamese|core)/' },
    },
    {
      name: 'accounts-imports-core-only',
      severity: 'error',
      comment: 'accounts (people, units, roles, sign-in) sits on core and vietnamese; documents build on accounts, not the reverse.',
      from: { path: '^libs/accounts/' },
      to: { path: '^libs/', pathNot: '^libs/(accounts|vietnamese|core)/' },
    },
    {
      name: 'records-imports-documents-and-below',
      severity: 'error',
      comment: 'records (hồ sơ) sit on documents: a record refers to documents, a document knows nothing of records.',
      from: { path: '^libs/records/' },
      to: { path: '^libs/', pathNot: '^libs/(records|documents|reports|accounts|vietnamese|core)/' },
    },
    {
      name: 'no-lib-imports-records',
      severity: 'error',
      comment: 'records is the top library: only the apps (and tests) use it.',
      from: { path: '^libs/', pathNot: '^libs/records/' },
      to: { path: '^libs/records/' },
    },
    {
      name: 'statistics-imports-documents-and-below',
      severity: 'error',
      comment:
        'statistics is the read side of document flow: it reads the documents\' tables with its own SQL ' +
        'and uses the documents library (its entry point) for the working calendar and shared rules only.',
      from: { path: '^libs/statistics/' },
      to: { path: '^libs/', pathNot: '^libs/(statistics|documents|reports|accounts|vietnamese|core)/' },
    },
    {
      name: 'no-lib-imports-statistics',
      severity: 'error',
      comment: 'Nothing is built on figures: only the API (and tests, benches) use statistics.',
      from: { path: '^libs/', pathNot: '^libs/statistics/' },
      to: { path: '^libs/statistics/' },
    },
    {
      name: 'documents-area-entry-point-only',
      severity: 'error',
      comment:
        'Inside libs/documents, an area (a folder: incoming, registers, …) reaches another area only ' +
        'through that area\'s index.ts, its public surface. Export what you need from it instead of ' +
        'reaching inside.',
      from: { path: `${DOCUMENTS}([^/]+)/` },
      to: { path: `${DOCUMENTS}[^/]+/`, pathNot: [`${DOCUMENTS}$1/`, `${DOCUMENTS}[^/]+/index\\.ts$`] },
    },
    {
      name: 'documents-areas-not-to-library-root',
      severity: 'error',
      comment:
        'The files at the root of libs/documents/src compose the areas (DocumentsModule, the ports, the ' +
        'entry point): an area importing them would import every other area.',
      from: { path: `${DOCUMENTS}[^/]+/` },
      to: { path: `${DOCUMENTS}[^/]+\\.ts$` },
    },
    {
      name: 'documents-area-is-listed',
      severity: 'error',
      comment:
        'Every folder of libs/documents/src is an area with its allowed directions in DOCUMENT_AREAS ' +
        '(.dependency-cruiser.cjs) and docs/layout.md: add the new one there.',
      from: { path: `${DOCUMENTS}[^/]+/`, pathNot: `${DOCUMENTS}(${Object.keys(DOCUMENT_AREAS).join('|')})/` },
      to: { path: DOCUMENTS },
    },
    ...Object.entries(DOCUMENT_AREAS).map(([area, allowed]) => ({
      name: `documents-area-${area}`,
      severity: 'error',
      comment:
        `Inside libs/documents, ${area} may import ${allowed.length ? allowed.join(', ') : 'no other area'} ` +
        '(DOCUMENT_AREAS, drawn in docs/layout.md); an area that needs something of one above it owns a port ' +
        '(an abstract class) that the area above implements, bound in document-ports.module.ts.',
      from: { path: `${DOCUMENTS}${area}/` },
      to: { path: `${DOCUMENTS}[^/]+/`, pathNot: `${DOCUMENTS}(${[area, ...allowed].join('|')})/` },
    })),
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    // A worktree may link node_modules from elsewhere: keep the linked path, so rules about
    // packages see `node_modules/<package>/…` wherever the folder really is.
    preserveSymlinks: true,
    // Build output and local data of this repository only (packages keep their own dist/ folders).
    exclude: { path: '^(dist|coverage|\\.data)/' },
    // Type-only imports count too: `import type { Repository } from 'typeorm'` in a controller is
    // still a controller that knows about the database.
    tsPreCompilationDeps: true,
    // Resolves the @eoffice/* aliases exactly like the compiler does.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      // .tsx: the web client's components (apps/web).
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.cjs', '.mjs', '.json'],
    },
    // Readable (not minified) node names in the lib-level graph of the README (`npm run -s layout:graph`).
    reporterOptions: { mermaid: { minify: false } },
  },
};
