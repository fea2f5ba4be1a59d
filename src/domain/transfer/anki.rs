//! Anki's plain text: the "Notes in Plain Text" reader, and the file our "Download for Anki" writes.

use super::html::html_to_text;
use super::{for_rows, new_card, split_list, Incoming, LineError, Parsed};
use crate::domain::card::{Card, Theme};

/// Anki's "Notes in Plain Text" export: `#separator:`, `#html:`, `#tags column:`, `#guid column:`,
/// `#columns:` (a column named like "key points" is read as key points) and other `#` header lines,
/// then one note per row: the first field the question, the second the answer.
pub fn read_anki(text: &str) -> Parsed {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut delimiter = b'\t';
    let mut html = true;
    let mut tags_col: Option<usize> = None;
    let mut guid_col: Option<usize> = None;
    let mut points_col: Option<usize> = None;
    let mut body_start = 0;
    let mut header_lines = 0;
    let mut parsed = Parsed::default();
    for line in text.split_inclusive('\n') {
        let Some(header) = line.strip_prefix('#') else { break };
        body_start += line.len();
        header_lines += 1;
        let Some((name, value)) = header.trim_end_matches(['\r', '\n']).split_once(':') else { continue };
        let value = value.trim();
        let column = || value.parse::<usize>().ok().filter(|n| *n >= 1).map(|n| n - 1);
        match name.trim().to_ascii_lowercase().as_str() {
            "separator" => {
                delimiter = match value.to_ascii_lowercase().as_str() {
                    "tab" | "\\t" => b'\t',
                    "comma" | "," => b',',
                    "semicolon" | ";" => b';',
                    "pipe" | "|" => b'|',
                    "space" | " " => b' ',
                    "colon" | ":" => b':',
                    other if other.len() == 1 => other.as_bytes()[0],
                    _ => {
                        parsed.errors.push(LineError { line: header_lines, message: format!("unknown separator \"{value}\"") });
                        b'\t'
                    }
                }
            }
            "html" => html = value.eq_ignore_ascii_case("true"),
            "tags column" => tags_col = column(),
            "guid column" => guid_col = column(),
            "columns" => {
                let names: Vec<String> = value.split(['\t', ',', ';', '|']).map(|n| n.trim().to_ascii_lowercase()).collect();
                points_col = names.iter().position(|n| n == "key points" || n == "keypoints" || n == "points");
            }
            _ => {}
        }
    }
    let clean = |s: &str| if html { html_to_text(s) } else { s.replace("\r\n", "\n") };
    for_rows(&text[body_start..], delimiter, header_lines + 1, &mut parsed, |line, record, parsed| {
        let field = |i: usize| record.get(i).unwrap_or("");
        // The first two fields that are neither tags, GUID nor key points are question and answer.
        let mut content = (0..record.len()).filter(|i| Some(*i) != tags_col && Some(*i) != guid_col && Some(*i) != points_col);
        let (q, a) = (content.next().map(field).unwrap_or(""), content.next().map(field).unwrap_or(""));
        let tags = tags_col.map(|c| split_list(&crate::domain::fold(field(c)), &[' '])).unwrap_or_default();
        let points = points_col.map(|c| split_list(&clean(field(c)), &[';', '\n'])).unwrap_or_default();
        match new_card(line, clean(q), clean(a), points, tags, Theme::Own) {
            Ok(card) => parsed.cards.push(Incoming { line, id: guid_col.map(|c| field(c).to_string()).filter(|g| !g.is_empty()), card }),
            Err(e) => parsed.errors.push(e),
        }
    });
    parsed
}

/// Anki's plain-text format, which Anki imports: question, answer, key points (one per line) and
/// tags, tab-separated, every field quoted (so a question may start with `#` or hold a tab, a quote
/// or a line break).
pub fn write_anki(cards: &[Card]) -> String {
    let mut out = String::from("#separator:tab\n#html:false\n#columns:Question\tAnswer\tKey points\tTags\n#tags column:4\n");
    // Every field in double quotes (quotes inside doubled), as Anki and CSV readers expect. (csv's
    // writer would do the same, but brings float parsing into the browser bundle.)
    let quote = |field: &str| format!("\"{}\"", field.replace('"', "\"\""));
    for c in cards {
        let mut tags = c.tags.iter().map(|t| t.replace(' ', "_")).collect::<Vec<_>>();
        if c.theme != Theme::Own {
            tags.push(format!("theme::{}", c.theme.key()));
        }
        let fields = [quote(&c.question), quote(&c.answer), quote(&c.key_points.join("\n")), quote(&tags.join(" "))];
        out.push_str(&fields.join("\t"));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::fixtures::studied;
    use super::super::own_id;
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
