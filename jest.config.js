// Three tiers: fast unit specs next to the code, service-level specs in test/service/ (services
// on a real database, no HTTP), and end-to-end suites in test/ that talk to the built API and
// worker over real PostgreSQL and Redis (see test/support/global-setup.ts).
const fs = require('node:fs');
const swcConfig = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { ...swcConfig, swcrc: false }] },
  // file-type, NestJS 12 and otplib's @scure/@noble ship only ES modules; let swc turn them into CommonJS for jest.
  transformIgnorePatterns: ['/node_modules/(?!(file-type|strtok3|token-types|peek-readable|uint8array-extras|@tokenizer|@borewit|@nestjs|@scure|@noble|@otplib)/)'],
  moduleNameMapper: {
    '^@eoffice/(core|accounts|documents|signing|records|vietnamese|reports|statistics|exchange)$': '<rootDir>/libs/$1/src',
    '^@eoffice/(core|accounts|documents|signing|records|vietnamese|reports|statistics|exchange)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
};

module.exports = {
  // The default report, then the end-to-end suites by time and how much they overlapped (printed
  // only when e2e suites ran; also .data/e2e-times.json).
  reporters: ['default', '<rootDir>/test/support/timing-reporter.cjs'],
  // 30 s, not jest's 5: the signing specs make RSA test keys in pure JavaScript, which takes longer
  // than 5 s on a busy 2-core machine. (The end-to-end setup file raises it to 60 s for its suites.)
  testTimeout: 30_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    // Services against a real PostgreSQL with the real migrations, each file in an empty database
    // of its own and each test with its own organisation (test/service/support): rules without HTTP.
    { ...shared, displayName: 'service', testMatch: ['<rootDir>/test/service/**/*.service-spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/jest-setup.ts'],
    },
  ],
};
