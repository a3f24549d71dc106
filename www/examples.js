// The live <sla-compare> example: the Compare quotes page's example comparison, in its compact form.
import { DEFAULT_STATE, encode } from './scenario.js';

encode(DEFAULT_STATE).then((state) => {
  document.getElementById('ex-compare').setAttribute('state', state);
  document.documentElement.dataset.ready = 'true';
});
