// Reads the app's stored records (schema 3, src/store/records.rs) from a page's localStorage, for
// tests that check what was saved: every review, each card's schedule. The packed numbers are read
// as src/store/pack.rs writes them (base 46; the last digit of a number from its own set).

/**
 * Runs in the page (or in node, given `stored`, an object of keys and values as localStorage would
 * hold them): `{ log: [{ id, at, rating, phase, duration }], states: { id: { … } } }`.
 */
export function readRecords(stored) {
  const store = stored ?? Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]));
  const MORE = '0123456789abcdefghijklmnopqrstuvwxyz!#$%&\'()*+';
  const LAST = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ,-./:;<=>?@[]^_`{|}~';
  const PHASES = ['n', 'l', 'r', 'rl'];
  const numbers = (text) => {
    const out = [];
    let n = 0n;
    for (const c of text) {
      const last = LAST.indexOf(c);
      if (last >= 0) { out.push(n * 46n + BigInt(last)); n = 0n; } else n = n * 46n + BigInt(MORE.indexOf(c));
    }
    return out;
  };
  const signed = (z) => Number((z >> 1n) ^ -(z & 1n));
  const reviews = (id, ns) => {
    const out = [];
    let at = 0;
    for (let i = 0; i + 1 < ns.length; i += 2) {
      at += signed(ns[i]);
      const rest = Number(ns[i + 1]);
      out.push({ id, at, rating: ((rest >> 2) & 3) + 1, phase: PHASES[rest & 3], duration: Math.floor(rest / 16) });
    }
    return out;
  };
  const log = [];
  const states = {};
  for (const key of Object.keys(store)) {
    const card = key.match(/^second-round\/card\/(.+)$/);
    const older = key.match(/^second-round\/log\/(.+)\/\d+$/);
    if (!card && !older) continue;
    const ns = numbers(JSON.parse(store[key]));
    if (older) { log.push(...reviews(older[1], ns)); continue; }
    const id = card[1];
    const head = Number(ns[0]);
    const rest = head ? ns.slice(7) : ns.slice(1);
    const mine = reviews(id, rest);
    log.push(...mine);
    if (head) {
      const base = mine.length ? mine[mine.length - 1].at : 0;
      const last = ns[3] === 0n ? null : base + signed(ns[3] - 1n);
      states[id] = { phase: PHASES[(head - 1) % 4], step: Math.floor((head - 1) / 4), due: (last ?? base) + signed(ns[4]), last, reps: Number(ns[5]), lapses: Number(ns[6]) };
    }
  }
  log.sort((a, b) => a.at - b.at);
  return { log, states };
}

/** The reviews in a backup file (version 2), oldest first. */
export const backupLog = (backup) => readRecords(Object.fromEntries(backup.cards.filter((c) => c.state)
  .map((c) => [`second-round/card/${c.id}`, JSON.stringify(c.state)]))).log;

/** Every stored review, oldest first. */
export const storedLog = (page) => page.evaluate(readRecords).then((r) => r.log);
/** Each stored card's schedule, by id. */
export const storedStates = (page) => page.evaluate(readRecords).then((r) => r.states);

/**
 * Writes a card's record as the app does (for seeding storage): `progress` is `null` or
 * `{ phase: 'n'|'l'|'r'|'rl', step, stabilityBits, difficultyBits, due, last, reps, lapses }`
 * (the float bits as numbers), `reviews` `[{ at, rating, phase, duration }]` oldest first.
 * Returns the value to store (a JSON string).
 */
export function packCard(progress, reviews) {
  const MORE = '0123456789abcdefghijklmnopqrstuvwxyz!#$%&\'()*+';
  const LAST = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ,-./:;<=>?@[]^_`{|}~';
  const PHASES = ['n', 'l', 'r', 'rl'];
  let out = '';
  const put = (n) => {
    n = BigInt(n);
    let digits = LAST[Number(n % 46n)];
    for (n /= 46n; n > 0n; n /= 46n) digits = MORE[Number(n % 46n)] + digits;
    out += digits;
  };
  const zigzag = (n) => (BigInt(n) >= 0n ? BigInt(n) * 2n : -BigInt(n) * 2n - 1n);
  const base = reviews.length ? reviews[reviews.length - 1].at : 0;
  if (!progress) put(0);
  else {
    put(1 + progress.step * 4 + PHASES.indexOf(progress.phase));
    put(progress.stabilityBits);
    put(progress.difficultyBits);
    put(progress.last == null ? 0 : 1n + zigzag(progress.last - base));
    put(zigzag(progress.due - (progress.last ?? base)));
    put(progress.reps);
    put(progress.lapses);
  }
  let before = 0;
  for (const r of reviews) {
    put(zigzag(r.at - before));
    before = r.at;
    put(BigInt(r.duration) * 16n + BigInt((r.rating - 1) * 4 + PHASES.indexOf(r.phase)));
  }
  return JSON.stringify(out);
}
