#!/usr/bin/env bash
# Re-vendor the web view's third-party files from the npm registry (pinned versions), by hand:
#   scripts/vendor_web.sh
# Copies them unchanged into src/sitrep/web/vendor/; LICENSES.txt there holds their licences.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
dest="$here/src/sitrep/web/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent leaflet@1.9.4 leaflet.markercluster@1.5.3 topojson-client@3.1.0 world-atlas@2.0.2 >/dev/null
for f in *.tgz; do mkdir -p "${f%.tgz}"; tar xzf "$f" -C "${f%.tgz}"; done
mkdir -p "$dest/images"
cp leaflet-1.9.4/package/dist/leaflet.js leaflet-1.9.4/package/dist/leaflet.css "$dest/"
cp leaflet-1.9.4/package/dist/images/* "$dest/images/"
cp leaflet.markercluster-1.5.3/package/dist/{leaflet.markercluster.js,MarkerCluster.css,MarkerCluster.Default.css} "$dest/"
cp topojson-client-3.1.0/package/dist/topojson-client.min.js "$dest/"
cp world-atlas-2.0.2/package/countries-110m.json "$dest/"
echo "vendored into $dest"
