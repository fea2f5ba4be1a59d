// Registers the service worker and offers updates: when a new build has been downloaded and is
// waiting, a banner says "A new version is ready" with a Reload button. Nothing reloads by itself.
(() => {
  if (!('serviceWorker' in navigator)) return;
  let accepted = false;
  let reloading = false;
  const offer = (worker) => {
    if (document.getElementById('update-banner')) return;
    const banner = document.createElement('div');
    banner.id = 'update-banner';
    banner.className = 'update-banner';
    banner.setAttribute('role', 'status');
    const text = document.createElement('p');
    text.textContent = 'A new version is ready.';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'primary';
    button.textContent = 'Reload';
    button.addEventListener('click', () => {
      accepted = true;
      button.disabled = true;
      worker.postMessage({ type: 'SKIP_WAITING' });
    });
    banner.append(text, button);
    document.body.append(banner);
  };
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // Only a Reload press swaps versions; the first install taking control reloads nothing.
    if (reloading || !accepted) return;
    reloading = true;
    location.reload();
  });
  addEventListener('load', async () => {
    let reg;
    try {
      reg = await navigator.serviceWorker.register('./sw.js', { scope: './' });
    } catch (e) {
      console.warn('Offline copy unavailable:', e && e.message);
      return;
    }
    const watch = (worker) => worker && worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
    });
    if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
    watch(reg.installing);
    reg.addEventListener('updatefound', () => watch(reg.installing));
    const check = () => reg.update().catch(() => {});
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') check(); });
    setInterval(check, 30 * 60 * 1000);
  });
})();
