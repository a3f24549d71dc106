// Loads the built module in Node, as an intranet page's build script or a batch report would.
import { readFileSync } from 'node:fs';
import * as slacalc from '../../www/pkg/slacalc.js';

slacalc.initSync({ module: readFileSync(new URL('../../www/pkg/slacalc_bg.wasm', import.meta.url)) });

export default slacalc;
