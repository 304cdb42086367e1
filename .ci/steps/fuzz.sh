#!/usr/bin/env bash
# Every differential fuzz target for a few seconds (fuzz/run.sh documents
# longer runs). A crasher fails CI and is left in fuzz/testdata/fuzz/.
set -euo pipefail
cd "$(dirname "$0")/../.."
./fuzz/run.sh "${FUZZTIME:-2s}"
