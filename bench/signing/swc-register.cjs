// Lets node run the TypeScript benchmark directly: compiles .ts files with @swc/core (already a
// dev dependency) on require, and maps @eoffice/* to the libraries' sources like tsconfig does.
// Usage: node -r ./bench/signing/swc-register.cjs bench/signing/sign-chain.bench.ts [iterations]
const Module = require('node:module');
const path = require('node:path');
const swc = require('@swc/core');

const root = path.resolve(__dirname, '../..');

require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformFileSync(filename, {
    swcrc: false,
    jsc: { parser: { syntax: 'typescript', decorators: true }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveAlias(request, ...rest) {
  const match = /^@eoffice\/(core|accounts|documents|signing)(\/.*)?$/.exec(request);
  const mapped = match ? path.join(root, 'libs', match[1], 'src', match[2] ?? 'index.ts') : request;
  return resolveFilename.call(this, mapped, ...rest);
};
