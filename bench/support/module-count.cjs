// Preloaded by bench/cold-start.sh (node -r): writes how many CommonJS modules the process had
// loaded when its HTTP server started listening to $BENCH_MODULES_FILE. What a start loads
// eagerly is most of its wall time (issue 13.10), so the count shows what a lazy load saved.
const http = require('node:http');
const { writeFileSync } = require('node:fs');

const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (...args) {
  this.once('listening', () => writeFileSync(process.env.BENCH_MODULES_FILE, String(Object.keys(require.cache).length)));
  return listen.apply(this, args);
};
