// The built-in deck as the end-to-end tests need it, read from decks/*.deck (the files the app was
// built from): card ids, themes, tags, retirements, key points, coaching and the tracks' answers.
// The format is described in decks/00-tracks.deck; the app's own parser is tested natively.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DECKS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../decks');

/** Every block of the deck files, in name order: `[id]` (or `[track:key]`) and its fields. */
export function readDeck(dir = DECKS) {
  const blocks = [];
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.deck')).sort()) {
    let field = null;
    let afterBlank = true;
    for (const raw of fs.readFileSync(path.join(dir, name), 'utf8').split('\n')) {
      const line = raw.trim();
      if (line.startsWith('#')) continue;
      if (!line) { afterBlank = true; continue; }
      const block = blocks[blocks.length - 1];
      if (/^[ \t]/.test(raw) && !afterBlank && field) {
        field.append(line);
      } else if (line.startsWith('[')) {
        blocks.push({ id: line.slice(1, -1).trim(), fields: [] });
        field = null;
      } else {
        const at = line.indexOf(':');
        const f = { name: line.slice(0, at).trim(), value: line.slice(at + 1).trim(), append(t) { this.value += ` ${t}`; } };
        block.fields.push(f);
        field = f;
      }
      afterBlank = false;
    }
  }
  const all = (b, n) => b.fields.filter((f) => f.name === n).map((f) => f.value);
  const one = (b, n) => all(b, n)[0] ?? '';
  const tracks = blocks.filter((b) => b.id.startsWith('track:')).map((b) => ({ key: b.id.slice(6), label: one(b, 'label'), summary: one(b, 'summary'), persona: one(b, 'persona') }));
  const cards = blocks.filter((b) => !b.id.startsWith('track:')).map((b) => ({
    id: b.id,
    theme: one(b, 'theme'),
    tags: one(b, 'tags').split(',').map((t) => t.trim()).filter(Boolean),
    question: one(b, 'q'),
    answer: one(b, 'a'),
    keyPoints: all(b, 'k'),
    why: one(b, 'why'),
    avoid: one(b, 'avoid'),
    probes: all(b, 'probe'),
    retired: all(b, 'retired').length > 0,
    track: (key) => ({ answer: one(b, `a.${key}`), keyPoints: all(b, `k.${key}`) }),
  }));
  const active = cards.filter((c) => !c.retired);
  return { tracks, cards, active };
}

export const DECK = readDeck();
/** Active (not retired) built-in cards: what the app counts and drills. */
export const ACTIVE = DECK.active.length;
export const card = (id) => DECK.cards.find((c) => c.id === id);
