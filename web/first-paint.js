// The page's first paint — index.html's prerendered copy of the first screen, or its splash — is on
// screen while the app's code downloads. The app takes it down only once the browser has reported
// that paint: a paint whose elements are gone before it is reported is recorded as never shown, and
// the app's identical screen would be taken for the first paint (Chromium does this when the code
// arrives within a frame or two, as on loopback). On any slower network the report is long there.
// A PerformanceObserver, not a timer, so a page whose clock is held (the tests') starts too; the wait
// ends after 100 ms whatever happens (a tab loaded in the background paints nothing).
export function firstPaintShown() {
  return new Promise((resolve) => {
    if (!document.getElementById('first-paint') || typeof PerformanceObserver === 'undefined' ||
        !(PerformanceObserver.supportedEntryTypes || []).includes('paint')) {
      resolve();
      return;
    }
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length) done();
    });
    const timer = setTimeout(() => done(), 100);
    function done() {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    }
    observer.observe({ type: 'paint', buffered: true });
  });
}

// Resolves in a task of its own, after what is queued now (a message to itself: unlike a timer it
// is not held by a test's paused clock, and it is not clamped like nested timers are).
export function nextTask() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(0);
  });
}
