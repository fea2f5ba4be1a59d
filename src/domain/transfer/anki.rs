//! Anki's plain text: the "Notes in Plain Text" reader, and the file our "Download for Anki" writes.

use super::html::reduce;
use super::{for_rows, new_card, split_list, Incoming, LineError, Media, Parsed};
use crate::domain::card::{Card, Theme};

/// What a file's `#` header lines say: the separator, whether fields are HTML, which columns hold
/// the GUID, notetype, deck and tags, a notetype or deck for every row, and the column names.
#[derive(Default)]
struct Header {
    delimiter: u8,
    html: bool,
    guid: Option<usize>,
    notetype: Option<usize>,
    deck: Option<usize>,
    tags: Option<usize>,
    points: Option<usize>,
    every_notetype: String,
    every_deck: String,
    /// Only `#separator` and `#html`: Anki's "Cards in Plain Text" (question and answer as shown).
    cards_only: bool,
    lines: usize,
    len: usize,
}

fn read_header(text: &str, parsed: &mut Parsed) -> Header {
    let mut h = Header { delimiter: b'\t', html: true, cards_only: true, ..Header::default() };
    for line in text.split_inclusive('\n') {
        let Some(header) = line.strip_prefix('#') else { break };
        h.len += line.len();
        h.lines += 1;
        let Some((name, value)) = header.trim_end_matches(['\r', '\n']).split_once(':') else { continue };
        let value = value.trim();
        let column = value.parse::<usize>().ok().filter(|n| *n >= 1).map(|n| n - 1);
        let name = name.trim().to_ascii_lowercase();
        h.cards_only &= name == "separator" || name == "html";
        match name.as_str() {
            "separator" => {
                h.delimiter = match value.to_ascii_lowercase().as_str() {
                    "tab" | "\\t" => b'\t',
                    "comma" | "," => b',',
                    "semicolon" | ";" => b';',
                    "pipe" | "|" => b'|',
                    "space" | " " => b' ',
                    "colon" | ":" => b':',
                    other if other.len() == 1 => other.as_bytes()[0],
                    _ => {
                        parsed.errors.push(LineError { line: h.lines, message: format!("unknown separator \"{value}\"") });
                        b'\t'
                    }
                }
            }
            "html" => h.html = value.eq_ignore_ascii_case("true"),
            "tags column" => h.tags = column,
            "guid column" => h.guid = column,
            "notetype column" => h.notetype = column,
            "deck column" => h.deck = column,
            "notetype" => h.every_notetype = value.to_string(),
            "deck" => h.every_deck = value.to_string(),
            "columns" => {
                let names: Vec<String> = value.split(['\t', ',', ';', '|']).map(|n| n.trim().to_ascii_lowercase()).collect();
                h.points = names.iter().position(|n| n == "key points" || n == "keypoints" || n == "points");
            }
            _ => {}
        }
    }
    h
}

/// Anki's plain text, as its "Notes in Plain Text" and "Cards in Plain Text" exports write it
/// (every option of Anki 2.1.55 and later), read from the `#` headers: `#separator`, `#html`,
/// `#guid column`, `#notetype column`, `#deck column`, `#tags column`, `#columns` (a column named
/// "key points" holds key points), `#notetype` and `#deck`. One card per note: the first field
/// the question and the second the answer (further fields follow the answer); a Cloze note asks
/// its text with every deletion blanked ("[…]" or its hint) and answers with the full text and
/// its Back Extra. The deck becomes a tag (`::` kept; Anki's "Default" deck does not), a
/// `theme::KEY` tag the card's theme. Pictures and sounds are left out and counted.
pub fn read_anki(text: &str) -> Parsed {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut parsed = Parsed { text_only: true, ..Parsed::default() };
    let h = read_header(text, &mut parsed);
    for_rows(&text[h.len..], h.delimiter, h.lines + 1, &mut parsed, |line, record, parsed| {
        let field = |i: Option<usize>| i.and_then(|i| record.get(i)).map_or("", String::as_str);
        let meta = [h.guid, h.notetype, h.deck, h.tags, h.points];
        let mut fields: Vec<String> =
            (0..record.len()).filter(|i| !meta.contains(&Some(*i))).map(|i| clean(h.html, field(Some(i)), &mut parsed.media)).collect();
        fields.resize(fields.len().max(2), String::new());
        let notetype = if h.notetype.is_some() { field(h.notetype) } else { &h.every_notetype };
        let is_cloze = notetype.to_ascii_lowercase().contains("cloze") || (notetype.is_empty() && has_deletion(&fields[0]));
        let (question, mut answer) = if is_cloze { cloze(&fields[0]) } else { (fields[0].clone(), fields[1].clone()) };
        // Further fields (a Cloze note's Back Extra, a notetype's own) follow the answer.
        for extra in fields.iter().skip(if is_cloze { 1 } else { 2 }).filter(|f| !f.trim().is_empty()) {
            if !answer.trim().is_empty() {
                answer.push('\n');
            }
            answer.push_str(extra.trim());
        }
        let (answer, mut points) = key_points_of(&answer);
        if h.points.is_some() {
            points = split_list(&clean(h.html, field(h.points), &mut parsed.media), &[';', '\n']);
        }
        let mut tags = split_list(&crate::domain::fold(field(h.tags)), &[' ']);
        let deck = if h.deck.is_some() { field(h.deck) } else { &h.every_deck };
        if !deck.is_empty() && deck != "Default" {
            tags.push(crate::domain::fold(deck.trim()));
        }
        let mut theme = Theme::Own;
        tags.retain(|t| match t.strip_prefix("theme::").and_then(Theme::from_key) {
            Some(t) => {
                theme = t;
                false
            }
            None => true,
        });
        match new_card(line, question, answer, points, tags, theme) {
            Ok(card) => parsed.cards.push(Incoming { line, id: Some(field(h.guid).to_string()).filter(|g| !g.is_empty()), card }),
            Err(mut e) => {
                if h.cards_only && record.len() == 2 && e.message == "the answer is empty" {
                    e.message.push_str(" (Anki's \u{201c}Cards in Plain Text\u{201d} leaves out typed-in answers: export \u{201c}Notes in Plain Text\u{201d} instead)");
                }
                parsed.errors.push(e)
            }
        }
    });
    parsed
}

/// A field as text: HTML reduced (when the file says it is HTML), `[sound:…]` and pictures left out
/// and counted.
fn clean(html: bool, field: &str, media: &mut Media) -> String {
    let mut text = String::new();
    let mut rest = field;
    while let Some(i) = rest.find("[sound:") {
        let Some(end) = rest[i..].find(']') else { break };
        text.push_str(&rest[..i]);
        media.sounds += 1;
        rest = &rest[i + end + 1..];
    }
    text.push_str(rest);
    if !html {
        return text.replace("\r\n", "\n").trim().to_string();
    }
    reduce(&text, &mut media.pictures)
}

/// The length of a cloze deletion's opening (`{{c1::`) at the start of `text`.
fn opening(text: &str) -> Option<usize> {
    let rest = text.strip_prefix("{{c")?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && rest[digits..].starts_with("::")).then_some(3 + digits + 2)
}

fn has_deletion(text: &str) -> bool {
    text.match_indices("{{c").any(|(i, _)| opening(&text[i..]).is_some())
}

/// A Cloze note's text as a question (every deletion a blank: "[…]", or its hint in brackets) and
/// as the full answer. Deletions may nest (up to 16 deep); one never closed stays as text. One
/// pass over the text, whatever it holds.
pub fn cloze(text: &str) -> (String, String) {
    let (mut question, mut answer) = (String::new(), String::new());
    // Open deletions: where each starts in the question and the answer, and where its content starts.
    let mut open: Vec<(usize, usize, usize)> = vec![];
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(len) = opening(rest).filter(|_| open.len() < 16) {
            open.push((question.len(), answer.len(), answer.len() + len));
            question.push_str(&rest[..len]);
            answer.push_str(&rest[..len]);
            rest = &rest[len..];
        } else if let (Some(r), Some((q_at, a_at, content))) = (rest.strip_prefix("}}"), open.last().copied()) {
            open.pop();
            let inner = answer.split_off(content);
            answer.truncate(a_at);
            let (full, hint) = inner.split_once("::").unwrap_or((&inner, ""));
            answer.push_str(full);
            if open.is_empty() {
                question.truncate(q_at);
                question.push('[');
                question.push_str(if hint.trim().is_empty() { "\u{2026}" } else { hint });
                question.push(']');
            } else {
                // Inside a deletion the question is text until that one closes.
                question.push_str("}}");
            }
            rest = r;
        } else {
            let first = rest.chars().next().map_or(1, char::len_utf8);
            let next = rest[first..].find(['{', '}']).map_or(rest.len(), |i| i + first);
            question.push_str(&rest[..next]);
            answer.push_str(&rest[..next]);
            rest = &rest[next..];
        }
    }
    (question, answer)
}

const KEY_POINTS: &str = "Key points:";

/// An answer that ends with a "Key points:" line and bulleted lines (as our export writes the back
/// of a card) gives those lines as key points.
fn key_points_of(answer: &str) -> (String, Vec<String>) {
    // (A forward search: a reverse one would bring its own searcher into the bundle.)
    if let Some((at, _)) = answer.match_indices(KEY_POINTS).filter(|&(at, _)| at == 0 || answer[..at].ends_with('\n')).last() {
        let lines: Vec<&str> = answer[at + KEY_POINTS.len()..].lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        if !lines.is_empty() && lines.iter().all(|l| l.starts_with("• ")) {
            return (answer[..at].trim().to_string(), lines.iter().map(|l| l.trim_start_matches("• ").trim().to_string()).collect());
        }
    }
    (answer.to_string(), vec![])
}

/// The file "Download for Anki" writes, which Anki's importer takes with its default mapping: a
/// Basic note per card, the question on the Front, the answer and its key points on the Back, the
/// card's id as the note's GUID (so importing a later export updates those notes instead of adding
/// them twice), the tags (and the theme as `theme::KEY`). Every field is quoted, so a question may
/// start with `#` or hold a tab, a quote or a line break.
pub fn write_anki(cards: &[Card]) -> String {
    let mut out =
        String::from("#separator:tab\n#html:false\n#notetype:Basic\n#guid column:1\n#tags column:4\n#columns:GUID\tFront\tBack\tTags\n");
    // Every field in double quotes (quotes inside doubled), as Anki and CSV readers expect. (csv's
    // writer would do the same, but brings float parsing into the browser bundle.)
    let quote = |field: &str| format!("\"{}\"", field.replace('"', "\"\""));
    for c in cards {
        let mut tags = c.tags.iter().map(|t| t.replace(' ', "_")).collect::<Vec<_>>();
        if c.theme != Theme::Own {
            tags.push(format!("theme::{}", c.theme.key()));
        }
        let mut back = c.answer.clone();
        if !c.key_points.is_empty() {
            back.push_str("\n\n");
            back.push_str(KEY_POINTS);
            for p in &c.key_points {
                back.push_str("\n• ");
                back.push_str(p);
            }
        }
        let fields = [quote(&c.id), quote(&c.question), quote(&back), quote(&tags.join(" "))];
        out.push_str(&fields.join("\t"));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::studied;
    use super::super::own_id;
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_an_anki_plain_text_export() {
        let text = "#separator:tab\n#html:true\n#guid column:1\n#tags column:4\n\
            abc123\tWhy <b>this</b> role?\tBecause it fits.<br>It grows me.\tmotivation own\n\
            def456\t\"A question with a\ttab\"\t\"An answer over\ntwo lines &amp; a quote \"\"here\"\"\"\t\n\
            ghi789\t\tNo question here\t\n";
        let p = read_anki(text);
        assert_eq!(p.cards.len(), 2, "{:?}", p.errors);
        let c = &p.cards[0].card;
        assert_eq!(c.question, "Why this role?");
        assert_eq!(c.answer, "Because it fits.\nIt grows me.");
        assert_eq!(c.tags, vec!["motivation", "own"]);
        assert_eq!(c.theme, Theme::Own);
        assert_eq!(p.cards[0].id.as_deref(), Some("abc123"));
        assert_eq!(p.cards[0].line, 5);
        assert_eq!(p.cards[1].card.question, "A question with a\ttab");
        assert_eq!(p.cards[1].card.answer, "An answer over\ntwo lines & a quote \"here\"");
        assert_eq!(p.errors, vec![LineError { line: 8, message: "the question is empty".into() }]);
    }

    #[test]
    fn cloze_deletions_become_blanks_and_the_answer_the_full_text() {
        let (q, a) = cloze("I cut costs by {{c1::20%}} in {{c2::six months::how long}}, {{c1::twice}}.");
        assert_eq!(q, "I cut costs by [\u{2026}] in [how long], [\u{2026}].");
        assert_eq!(a, "I cut costs by 20% in six months, twice.");
        let (q, a) = cloze("Nested {{c1::outer {{c2::inner::hint}} part::whole}} end");
        assert_eq!((q.as_str(), a.as_str()), ("Nested [whole] end", "Nested outer inner part end"));
        let (q, a) = cloze("Open {{c1::never closed {{c2::x}} and {{c12::y}} end }}");
        assert_eq!(
            (q.as_str(), a.as_str()),
            ("Open [\u{2026}]", "Open never closed x and y end "),
            "the last closing closes the first opening"
        );
        let (q, a) = cloze("Open {{c1::never closed {{c2::x}}");
        assert_eq!(
            (q.as_str(), a.as_str()),
            ("Open {{c1::never closed {{c2::x}}", "Open {{c1::never closed x"),
            "an unclosed deletion stays text"
        );
        assert_eq!(cloze("{{c::no number}} {{cx::}}").0, "{{c::no number}} {{cx::}}");
        assert_eq!(cloze(&"{{c1::".repeat(10_000)).0.len(), 60_000, "an unclosed run is text, read in linear time");
        let deep = format!("{}x{}", "{{c1::".repeat(50_000), "}}".repeat(50_000));
        assert!(cloze(&deep).0.starts_with("[\u{2026}]"), "deep nesting is bounded");
    }

    #[test]
    fn notetypes_decks_media_and_key_points() {
        let text = "#separator:tab\n#html:true\n#notetype column:1\n#deck column:2\n#tags column:6\n\
            Cloze\tDefault\t{{c1::Friday}} is the day.<img src=\"a.png\">\tSay it early.[sound:x.mp3]\t\tyour-questions theme::questions\n\
            Basic\tJobs::Round two\tWhy us?\tYou build what I use.<br><br>Key points:<br>\u{2022} a product<br>\u{2022} a reason\t\t\n\
            MyType\tJobs\tQ three\tA three\tmore\tx\n";
        let p = read_anki(text);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        let c = &p.cards[0].card;
        assert_eq!((c.question.as_str(), c.answer.as_str()), ("[\u{2026}] is the day.", "Friday is the day.\nSay it early."));
        assert_eq!(
            (c.theme, c.tags.clone()),
            (Theme::YourQuestions, vec!["your-questions".to_string()]),
            "the Default deck is no tag; theme:: sets the theme"
        );
        let c = &p.cards[1].card;
        assert_eq!(
            (c.answer.as_str(), c.key_points.clone(), c.tags.clone()),
            ("You build what I use.", vec!["a product".to_string(), "a reason".to_string()], vec!["jobs::round two".to_string()])
        );
        assert_eq!(p.cards[2].card.answer, "A three\nmore", "a notetype's further fields follow the answer");
        assert_eq!((p.media.pictures, p.media.sounds), (1, 1));
        let p = read_anki(
            "#separator:comma\n#html:false\n#notetype:Cloze\n#deck:Jobs\nThe {{c1::STAR}} method,Situation first.,[sound:y.mp3]\n",
        );
        assert_eq!(
            (p.cards[0].card.question.as_str(), p.cards[0].card.answer.as_str()),
            ("The [\u{2026}] method", "The STAR method\nSituation first.")
        );
        assert_eq!((p.cards[0].card.tags.clone(), p.media.sounds), (vec!["jobs".to_string()], 1));
    }

    #[test]
    fn reads_other_separators_and_plain_text() {
        let p = read_anki("#separator:semicolon\n#html:false\nQ <i>one</i>;A one\nQ two;A two;ignored\n");
        assert_eq!(p.cards.len(), 2);
        assert_eq!(p.cards[0].card.question, "Q <i>one</i>", "html:false keeps the text as it is");
        assert_eq!(p.cards[0].line, 3);
        let p = read_anki("#separator:Pipe\nQ|A\n");
        assert_eq!(p.cards[0].card.answer, "A");
        let p = read_anki("Just a question\tand an answer\n");
        assert_eq!(p.cards.len(), 1, "no headers: tab-separated");
        // As in Anki, a quote that is never closed runs to the end of the file.
        let p = read_anki("q\t\"never closed\n");
        assert_eq!(p.cards[0].card.answer, "never closed");
    }

    #[test]
    fn the_anki_export_reads_back() {
        let col = studied();
        let text = write_anki(&col.cards);
        assert!(text.starts_with("#separator:tab\n#html:false\n"));
        let p = read_anki(&text);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.cards.len(), col.cards.len());
        for (a, b) in p.cards.iter().zip(&col.cards) {
            assert_eq!((&a.card.question, &a.card.answer, &a.card.key_points), (&b.question, &b.answer, &b.key_points));
        }
    }

    fn field() -> impl Strategy<Value = String> {
        "[ -~\t\né“”<>&\"]{1,40}".prop_filter("some text", |s| !s.trim().is_empty())
    }

    proptest! {
        #[test]
        fn never_panics(text in any::<String>()) {
            let _ = read_anki(&text);
        }

        #[test]
        fn cloze_text_never_panics(text in "(\\{\\{c[0-9]{0,2}::|\\}\\}|::|[a-z{}: é\\[\\]]){0,40}") {
            let (q, a) = cloze(&text);
            prop_assert!(!has_deletion(&a) || a.contains("{{c"), "closed deletions leave no opening behind");
            let _ = read_anki(&format!("#notetype:Cloze\n{text}\tback [sound:{text}]\n"));
            let _ = q;
        }

        #[test]
        fn headed_and_quoted_text_never_panics(text in "(#separator:[a-z|;,]{0,6}\n|#html:(true|false)\n|#tags column:[0-9]\n|#guid column:[0-9]\n|#columns:[a-z \t]{0,12}\n){0,4}[\"\t,;a-z<>&#\n ]{0,60}") {
            let _ = read_anki(&text);
            let _ = super::super::read_csv(&text);
        }

        #[test]
        fn anki_text_round_trips(q in field(), a in field(), points in prop::collection::vec("[a-z ]{1,12}", 0..3)) {
            let points: Vec<String> = points.into_iter().map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect();
            let card = Card { id: own_id(&q), theme: Theme::Own, tags: vec![], question: q.trim().to_string(), answer: a.trim().to_string(), key_points: points, synonyms: vec![], ..Default::default() };
            let p = read_anki(&write_anki(std::slice::from_ref(&card)));
            prop_assert!(p.errors.is_empty(), "{:?}", p.errors);
            prop_assert_eq!(&p.cards[0].card.question, &card.question);
            prop_assert_eq!(&p.cards[0].card.answer, &card.answer.replace("\r\n", "\n"));
            prop_assert_eq!(&p.cards[0].card.key_points, &card.key_points);
        }
    }
}
