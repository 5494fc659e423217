// Lets node run TypeScript directly (benches, the OpenAPI snapshot): compiles .ts files with @swc/core
// (already a dev dependency) on require, and maps @eoffice/* to the libraries' sources like tsconfig does.
// Usage: node -r ./scripts/ts-register.cjs bench/signing/sign-chain.bench.ts [iterations]
const Module = require('node:module');
const path = require('node:path');
const swc = require('@swc/core');

const root = path.resolve(__dirname, '..');

require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformFileSync(filename, {
    swcrc: false,
    // Decorator metadata as in .swcrc: benches that import a library's entry point load its
    // TypeORM entities and Nest providers, which need it.
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveAlias(request, ...rest) {
  const match = /^@eoffice\/([a-z-]+)(\/.*)?$/.exec(request);
  const mapped = match ? path.join(root, 'libs', match[1], 'src', match[2] ?? 'index.ts') : request;
  return resolveFilename.call(this, mapped, ...rest);
};
