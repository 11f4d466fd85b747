#!/bin/sh
# `sh scripts/run-app.sh api`: one app in the foreground with its Node.js flags (scripts/app-node-flags.json),
# as the image and docker/compose.yml start them; exec, so the app gets the container's signals itself.
set -eu
flags=$(node -p "require('./scripts/app-node-flags.json')['$1'].join(' ')")
# shellcheck disable=SC2086 # the flags are words of their own
exec node $flags "dist/apps/$1/src/main.js"
