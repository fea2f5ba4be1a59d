// Counts the app's 15-second ticks in window.__ticks (WebDriver has no page clock), so a journey can
// wait until ticks have really happened instead of sleeping for a fixed time.
(() => {
  window.__ticks = 0;
  const set = window.setInterval;
  window.setInterval = function (fn, ms, ...rest) {
    if (ms === 15000 && typeof fn === 'function') {
      const tick = fn;
      fn = function (...args) { const r = tick.apply(this, args); window.__ticks++; return r; };
    }
    return set.call(this, fn, ms, ...rest);
  };
})();
