#!/usr/bin/env node
'use strict';
// The IPT Plan language server for any LSP client: `ipt-language-server --stdio`.
require('../dist/server.js');
