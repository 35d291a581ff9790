#!/usr/bin/env bash
# Runs affsite's tests the way CI does: the race detector on, every
# package, fuzz targets over their seed corpora.
set -euo pipefail
cd "$(dirname "$0")"
go test -race -count=1 ./...
