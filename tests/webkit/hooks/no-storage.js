// Stand-in for a browser that blocks local storage (private modes, strict settings): every access throws.
Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('blocked', 'SecurityError'); } });
