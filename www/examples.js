// The live <sla-compare> and <sla-chain> examples: the Compare quotes page's example comparison and a
// preset of the Service chains page, in their compact form.
import { DEFAULT_STATE, encode } from './scenario.js';
import { CHAIN_PRESETS, encodeChain } from './chain-state.js';

Promise.all([encode(DEFAULT_STATE), encodeChain(CHAIN_PRESETS['azure-two-regions'])]).then(([comparison, chain]) => {
  document.getElementById('ex-compare').setAttribute('state', comparison);
  document.getElementById('ex-chain').setAttribute('state', chain);
  document.documentElement.dataset.ready = 'true';
});
