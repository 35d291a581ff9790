#!/usr/bin/env bash
# Runs affsite's tests the way CI does: the race detector on, every
# package, fuzz targets over their seed corpora.
set -euo pipefail
cd "$(dirname "$0")"
# go test stops a package after 10 minutes by default; the generator package
# takes 4–8 minutes under -race on a loaded 2-core machine, so allow 30.
go test -race -count=1 -timeout 30m ./...
