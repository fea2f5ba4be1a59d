// Keeps every file the app downloads (an <a download> click on a blob: URL) in window.__downloads as
// { name, blob }, since WebDriver has no download API. The download itself is not started.
(() => {
  const blobs = new Map();
  const create = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (b) => { const url = create(b); blobs.set(url, b); return url; };
  window.__downloads = [];
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.hasAttribute('download') && blobs.has(this.href)) {
      window.__downloads.push({ name: this.getAttribute('download'), blob: blobs.get(this.href) });
      return;
    }
    click.call(this);
  };
})();
