// Loads the analysis module (www/pkg-analysis/: outage logs, credits, risk, quotes), as a Node batch
// report would.
import { readFileSync } from 'node:fs';
import * as slacalc from '../../www/pkg-analysis/slacalc.js';

slacalc.initSync({ module: readFileSync(new URL('../../www/pkg-analysis/slacalc_bg.wasm', import.meta.url)) });

export default slacalc;
