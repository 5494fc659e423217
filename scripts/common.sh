# Shared by up.sh and test.sh: checks Node, installs dependencies, finds services, loads secrets.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Each line carries the seconds since the script started ($SECONDS), so a run's log shows where its time went.
log() { printf '\033[1m[eoffice %4ds]\033[0m %s\n' "$SECONDS" "$*" >&2; }

require_node() {
  local version; version=$(node -p 'process.versions.node' 2>/dev/null || echo 0)
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' 2>/dev/null || {
    log "Node.js 20.19 or newer is required (found $version)"; exit 1; }
}

install_dependencies() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "installing npm dependencies"
    # `npm install` (not `npm ci`) installs the locked versions and tolerates lock files written
    # without other platforms' optional packages (npm's omit-lockfile-registry-resolved setting).
    npm install --no-audit --no-fund --loglevel=error
  fi
}

# Debian packages the worker runs (LibreOffice converts drafts, tesseract reads scans, img2pdf
# assembles scanned images, poppler's pdfinfo/pdftotext/pdftoppm read and render PDFs for OCR, qpdf
# lays the OCR text over scanned pages) and the tests use to check PDFs and signatures with
# independent tools (pdfsig, pdfimages, qpdf, openssl cms; certutil and pk12util give pdfsig a key to
# sign with). The end-to-end tests type Vietnamese into LibreOffice in DejaVu Serif.
ensure_debian_tools() {
  local missing=()
  command -v pdftoppm >/dev/null || missing+=(poppler-utils)
  command -v certutil >/dev/null || missing+=(libnss3-tools)
  command -v qpdf >/dev/null || missing+=(qpdf)
  command -v openssl >/dev/null || missing+=(openssl)
  command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui)
  command -v tesseract >/dev/null || missing+=(tesseract-ocr)
  [ -f /usr/share/tesseract-ocr/5/tessdata/vie.traineddata ] || missing+=(tesseract-ocr-vie)
  command -v img2pdf >/dev/null || missing+=(img2pdf)
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || missing+=(fonts-dejavu-core)
  command -v restic >/dev/null || missing+=(restic)
  command -v pg_dump >/dev/null || missing+=(postgresql-client)
  # The browser tests (test/web.e2e-spec.ts) drive Debian's Chromium headless through playwright-core.
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  # The intake suite (test/intake.e2e-spec.ts) starts a real IMAP server: dovecot with a private configuration.
  [ -x /usr/sbin/dovecot ] || missing+=(dovecot-imapd)
  # The record export bench (bench/records) downloads the export with curl, a client lean enough not to slow it.
  command -v curl >/dev/null || missing+=(curl)
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" = 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    log "missing Debian packages: sudo apt-get install -y ${missing[*]}"; exit 1
  fi
}

start_services() {
  bash scripts/services.sh start
  set -a; . .data/services.env; set +a
}

# Secrets come from the environment; for a local run we generate them once and keep them in .data.
load_local_secrets() {
  local file=.data/secrets.env
  if [ ! -f "$file" ]; then
    # Only this file is private: a umask set here would leak into everything the script runs next.
    (
      umask 077
      {
        echo "JWT_SECRET=$(node -e 'console.log(require("crypto").randomBytes(48).toString("base64url"))')"
        echo "SIGNING_KEY_ENCRYPTION_KEY=$(node -e 'console.log(require("crypto").randomBytes(32).toString("base64"))')"
      } > "$file"
    )
  fi
  # Keys added after a local installation was first set up.
  if ! grep -q '^MFA_ENCRYPTION_KEY=' "$file"; then
    echo "MFA_ENCRYPTION_KEY=$(node -e 'console.log(require("crypto").randomBytes(32).toString("base64"))')" >> "$file"
  fi
  local name value
  while IFS='=' read -r name value; do
    [ -z "${!name:-}" ] && export "$name=$value"
  done < "$file"
}
