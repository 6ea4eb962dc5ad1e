/**
 * Evaluated in each fresh QuickJS context before the plugin's code. It takes the worker's bridge
 * functions off the global object (the plugin only ever reaches them through `ctx`), keeps its
 * own JSON.parse / JSON.stringify (a plugin that replaces them fools only itself), and returns the
 * function the worker calls for each hook call.
 *
 * The call function answers a string so nothing but text crosses back to the host:
 * `J<json>` an answer; `U` undefined; `N<reason>` not JSON (function, symbol, bigint, cycle);
 * `T<length>` longer than the cap; `H` the plugin has no such hook. A promise resolves to the same.
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
  var isPromise = function (v) { return v !== null && (typeof v === 'object' || typeof v === 'function') && typeof v.then === 'function'; };

  function NotJson(reason) { this.reason = reason; }
  function replacer(_key, value) {
    var t = typeof value;
    if (t === 'function' || t === 'symbol' || t === 'bigint') throw new NotJson(t);
    return value;
  }
  function encode(value, cap) {
    if (value === undefined) return 'U';
    var json;
    try {
      json = stringify(value, replacer);
    } catch (e) {
      if (e instanceof NotJson) return 'N' + e.reason;
      // A cycle (or a BigInt inside toJSON) is a TypeError; out of memory and the like go on up.
      if (e instanceof TypeError) return 'Ncycle';
      throw e;
    }
    if (json === undefined) return 'N' + typeof value;
    // A UTF-8 byte is at most one UTF-16 unit, so a string longer than the cap is over it for sure.
    if (json.length > cap) return 'T' + json.length;
    return 'J' + json;
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
  function makeCtx(options) {
    return freeze({ options: options, log: log, calendar: calendar, lookup: lookup, http: http });
  }

  return function call(hook, inputJson, optionsJson, cap) {
    var plugin = g.__matterflowPlugin;
    var hooks = plugin !== null && typeof plugin === 'object' ? plugin.hooks : undefined;
    if (hooks === null || typeof hooks !== 'object' || !hasOwn.call(hooks, hook) || typeof hooks[hook] !== 'function') return 'H';
    var out = hooks[hook](parse(inputJson), makeCtx(parse(optionsJson)));
    if (isPromise(out)) return Promise.resolve(out).then(function (v) { return encode(v, cap); });
    return encode(out, cap);
  };
})()`;
