// The WASM core for a page's thread. Should a call ever break the module (a trap, its stack overflowing),
// that call throws a plain error, and the next call finds a fresh instance with the time zones it had.

/** Whether an error thrown by the core means its instance can no longer be trusted. */
export const breaksModule = (e) => e instanceof WebAssembly.RuntimeError || e instanceof RangeError;

const restarted = () =>
  Object.assign(new Error('The calculation failed inside the calculator, which has been restarted: change a field or try again.'), { code: 'internal', field: 'input' });

/** @type {Map<string, any>} */
const cores = new Map();

/** Compiles a module's WASM, as it arrives when served as `application/wasm`. */
async function compile(/** @type {URL} */ url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url.pathname}: ${r.status}`);
  return r.headers.get('Content-Type')?.startsWith('application/wasm') ? WebAssembly.compileStreaming(r) : WebAssembly.compile(await r.arrayBuffer());
}

/**
 * The core in `pkg` (the calculator's), `pkg-analysis` (the analysis module) or `pkg-chain` (the service
 * chains page's: the calculator's functions and chains), one per page: `core` has its
 * functions and classes, always the working instance's; `ready` resolves once it runs; `onRestart(fn)`
 * calls `fn` when a fresh instance has replaced a broken one; `compiled` is the module, compiled once, for
 * workers.
 * @param {'pkg' | 'pkg-analysis' | 'pkg-chain'} name
 * @returns {{ core: typeof import('./pkg-analysis/slacalc.js'), ready: Promise<void>, onRestart: (fn: () => void) => void, compiled: Promise<WebAssembly.Module> }}
 */
export function coreFor(name) {
  if (cores.has(name)) return cores.get(name);
  const url = new URL(`${name}/slacalc.js`, import.meta.url).href;
  const compiled = compile(new URL(`${name}/slacalc_bg.wasm`, import.meta.url));
  /** @type {any} */
  let current;
  let generation = 0;
  /** @type {Promise<void> | undefined} */
  let loading;
  const zones = new Map();
  /** @type {(() => void)[]} */
  const listeners = [];
  const load = () =>
    (loading ??= (async () => {
      const m = await import(generation ? `${url}?instance=${generation}` : url);
      await m.default({ module_or_path: await compiled });
      for (const [zone, tzif] of zones) m.registerTimeZone(zone, tzif);
      current = m;
      if (generation) for (const fn of listeners) fn();
    })().finally(() => (loading = undefined)));
  const call = (/** @type {() => any} */ f) => {
    if (!current) throw restarted();
    try {
      return f();
    } catch (e) {
      if (!breaksModule(e)) throw e;
      generation += 1;
      current = undefined;
      load().catch(() => {});
      throw restarted();
    }
  };
  const wrappers = new Map();
  // Classes (capitalised) are constructed from the working instance; functions called on it.
  const wrap = (/** @type {string} */ key) =>
    /^[A-Z]/.test(key)
      ? function (/** @type {any[]} */ ...args) {
          return call(() => new current[key](...args));
        }
      : (/** @type {any[]} */ ...args) =>
          call(() => {
            const result = current[key](...args);
            if (key === 'registerTimeZone') zones.set(String(args[0]), args[1]);
            return result;
          });
  const core = /** @type {any} */ (new Proxy(
    {},
    {
      // What the module does not have is undefined, as on the module itself.
      get: (_, key) => (typeof key !== 'string' || (current && !(key in current)) ? undefined : wrappers.get(key) ?? wrappers.set(key, wrap(key)).get(key)),
    },
  ));
  const entry = { core, ready: load(), onRestart: (/** @type {() => void} */ fn) => void listeners.push(fn), compiled };
  cores.set(name, entry);
  return entry;
}
