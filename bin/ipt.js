#!/usr/bin/env node
'use strict';
// The `ipt` command: a shim for dist/cli.js (built by `npm run build`).
require('../dist/cli.js');
