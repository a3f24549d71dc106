// Loads the module with the outage-log API (www/pkg-logs/), as a Node batch report would.
import { readFileSync } from 'node:fs';
import * as slacalc from '../../www/pkg-logs/slacalc.js';

slacalc.initSync({ module: readFileSync(new URL('../../www/pkg-logs/slacalc_bg.wasm', import.meta.url)) });

export default slacalc;
