/**
 * Evaluated in each fresh QuickJS context before the plugin's code. It takes the worker's bridge
 * functions off the global object (the plugin only ever reaches them through `ctx`), keeps its
 * own JSON.parse / JSON.stringify (a plugin that replaces them fools only itself), and returns
 * `[call, pending]`: the function the worker calls for each hook call, and the one it asks for the
 * promise of an async hook.
 *
 * The call function answers a string and nothing else, so only text crosses back to the host: the
 * answer's JSON itself; or one capital letter, which no JSON text starts with: `U` undefined;
 * `N<reason>` not JSON (a function or BigInt anywhere, a symbol, a cycle); `T<length>` longer than
 * the cap; `H` the plugin has no such hook; `P` the hook returned a promise, which `pending()`
 * hands over once and which resolves to one of the strings above.
 * Errors are thrown (the worker classifies them: interrupted, out of memory, stack overflow,
 * CAPABILITY_DENIED:, anything else).
 */
export const GUEST_PRELUDE = String.raw`(function () {
  'use strict';
  var g = globalThis;
  var bridge = g.__mfBridge;
  delete g.__mfBridge;
  var parse = JSON.parse;
  var stringify = JSON.stringify;
  var freeze = Object.freeze;
  var hasOwn = Object.prototype.hasOwnProperty;
  var Resolved = Promise;
  var waiting = null;
  var isPromise = function (v) { return v !== null && (typeof v === 'object' || typeof v === 'function') && typeof v.then === 'function'; };

  function NotJson(reason) { this.reason = reason; }
  // JSON.stringify asks every object for a toJSON method before it writes it, so one on
  // Function.prototype finds the functions where a replacer would have been called for every value
  // of the answer (a replacer cost the call 2 microseconds). It refuses only while the answer is
  // encoded; otherwise it hands the function back, and the plugin's own JSON.stringify (and its
  // replacer) sees what it always saw. A BigInt needs nothing: stringify throws on it.
  var encoding = false;
  function refuse() {
    if (encoding) throw new NotJson('function');
    return this;
  }
  Object.defineProperty(Function.prototype, 'toJSON', { value: refuse, writable: true, configurable: true });
  var bigintError = /BigInt/;
  function encode(value, cap) {
    if (value === undefined) return 'U';
    var json;
    encoding = true;
    try {
      json = stringify(value);
    } catch (e) {
      if (e instanceof NotJson) return 'N' + e.reason;
      // A BigInt or a cycle is a TypeError; out of memory and the like go on up.
      if (e instanceof TypeError) return bigintError.test(e.message) ? 'Nbigint' : 'Ncycle';
      throw e;
    } finally {
      encoding = false;
    }
    // A symbol (or a function whose toJSON the plugin replaced) answers no JSON at all.
    if (json === undefined) return 'N' + typeof value;
    // A UTF-8 byte is at most one UTF-16 unit, so a string longer than the cap is over it for sure.
    if (json.length > cap) return 'T' + json.length;
    return json;
  }
  function text(v) { return typeof v === 'string' ? v : String(v); }

  // Built once: only the options are new for each call.
  var log = freeze({
    info: function (m) { bridge.log(0, text(m)); },
    warn: function (m) { bridge.log(1, text(m)); },
    error: function (m) { bridge.log(2, text(m)); }
  });
  var calendar = freeze({
    isWorkingDay: function (date) { return bridge.calendar(0, text(date), ''); },
    addWorkingDays: function (date, n) { return bridge.calendar(1, text(date), text(n)); },
    countWorkingDays: function (from, to) { return bridge.calendar(2, text(from), text(to)); }
  });
  function lookup(table, key) {
    var row = bridge.lookup(text(table), text(key));
    return row === null ? null : parse(row);
  }
  function request(method, url, body) {
    var json = body === undefined ? '' : stringify(body);
    return bridge.http(method, text(url), json === undefined ? 'null' : json).then(parse);
  }
  var http = freeze({
    postJson: function (url, body) { return request('POST', url, body === undefined ? null : body); },
    getJson: function (url) { return request('GET', url, undefined); }
  });
  function deepFreeze(value) {
    if (value !== null && typeof value === 'object') {
      var keys = Object.keys(value);
      for (var i = 0; i < keys.length; i++) deepFreeze(value[keys[i]]);
      freeze(value);
    }
    return value;
  }
  // A version's calls nearly always carry the same options: their ctx is built once, and its
  // options are frozen so no call can leave anything in them for the next.
  var lastOptionsJson = null;
  var lastCtx = null;
  function ctxFor(optionsJson) {
    if (optionsJson !== lastOptionsJson) {
      lastCtx = freeze({ options: deepFreeze(parse(optionsJson)), log: log, calendar: calendar, lookup: lookup, http: http });
      lastOptionsJson = optionsJson;
    }
    return lastCtx;
  }

  function call(hook, inputJson, optionsJson, cap) {
    waiting = null;
    var plugin = g.__matterflowPlugin;
    var hooks = plugin !== null && typeof plugin === 'object' ? plugin.hooks : undefined;
    if (hooks === null || typeof hooks !== 'object' || !hasOwn.call(hooks, hook) || typeof hooks[hook] !== 'function') return 'H';
    var out = hooks[hook](parse(inputJson), ctxFor(optionsJson));
    if (isPromise(out)) {
      waiting = Resolved.resolve(out).then(function (v) { return encode(v, cap); });
      return 'P';
    }
    return encode(out, cap);
  }
  function pending() {
    var promise = waiting;
    waiting = null;
    return promise;
  }
  return [call, pending];
})()`;
