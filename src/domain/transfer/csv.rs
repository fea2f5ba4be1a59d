//! Spreadsheets: CSV with a header row naming the columns.

use super::{for_rows, new_card, set_coaching, split_list, theme_or_tag, Incoming, LineError, Parsed};
use crate::domain::card::Card;

/// The cards as a spreadsheet (CSV with a header row), which `read_csv` reads back: question,
/// answer, key points and probes one per line within their cells, tags separated by commas, the
/// theme's key, why and avoid. Every field is quoted.
pub fn write_csv(cards: &[Card]) -> String {
    let quote = |field: &str| format!("\"{}\"", field.replace('"', "\"\""));
    let mut out = String::from("question,answer,key points,tags,theme,why,avoid,probes\r\n");
    for c in cards {
        let fields = [
            &c.question,
            &c.answer,
            &c.key_points.join("\n"),
            &c.tags.join(", "),
            &c.theme.key().to_string(),
            &c.why,
            &c.avoid,
            &c.probes.join("\n"),
        ];
        out.push_str(&fields.map(|f| quote(f)).join(","));
        out.push_str("\r\n");
    }
    out
}

/// Where question, answer, key points, tags, theme, why, avoid and probes are.
type Columns = [Option<usize>; 8];

/// The columns a header row names, when it names at least question and answer.
fn columns<'a>(names: impl Iterator<Item = &'a str>) -> Option<Columns> {
    let names: Vec<String> = names.map(|n| n.trim().trim_matches('"').to_ascii_lowercase().replace(['_', '-'], " ")).collect();
    let col = |wanted: &[&str]| names.iter().position(|n| wanted.contains(&n.as_str()));
    let found = [
        col(&["question", "front", "q"]),
        col(&["answer", "back", "a", "model answer"]),
        col(&["key points", "keypoints", "points"]),
        col(&["tags", "tag"]),
        col(&["theme"]),
        col(&["why"]),
        col(&["avoid"]),
        col(&["probes", "probe"]),
    ];
    (found[0].is_some() && found[1].is_some()).then_some(found)
}

/// A spreadsheet's separator: whichever of comma, semicolon (Excel and LibreOffice in many
/// languages) and tab the first row holds most often outside quotes; a comma on a tie.
pub fn delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.bytes() {
        match c {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' | b';' | b'\t' if !quoted => counts[(c == b';') as usize + 2 * (c == b'\t') as usize] += 1,
            _ => {}
        }
    }
    let most = (0..3).fold(0, |best, i| if counts[i] > counts[best] { i } else { best });
    [b',', b';', b'\t'][most]
}

/// Whether the text's first row names its columns (question and answer at least).
pub fn has_header(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    columns(first.split(delimiter(text) as char)).is_some()
}

/// CSV from a spreadsheet (Excel, LibreOffice, Google Sheets, Numbers): comma, semicolon or tab
/// between cells, a byte-order mark or not, CRLF or LF, cells in quotes over several lines. The
/// first row names the columns (any order, any case): question, answer, key points (separated by
/// `;` or one per line), tags (separated by `,` or spaces), theme (a theme's key or name; anything else becomes a
/// tag), and the coaching: why, avoid, probes (one per line). Spreadsheet text is plain text: kept as written (and shown as text).
pub fn read_csv(text: &str) -> Parsed {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut parsed = Parsed::default();
    let mut header: Option<Option<Columns>> = None;
    for_rows(text, delimiter(text), 1, &mut parsed, |line, record, parsed| {
        let Some(cols) = header else {
            let found = columns(record.iter().map(String::as_str));
            if found.is_none() {
                parsed
                    .errors
                    .push(LineError { line, message: "the first row must name the columns, with at least question and answer".into() });
            }
            header = Some(found);
            return;
        };
        let Some([qc, ac, pc, tc, thc, wc, avc, prc]) = cols else { return };
        let field = |c: Option<usize>| c.and_then(|c| record.get(c)).map_or("", String::as_str);
        let mut tags = split_list(&crate::domain::fold(field(tc)), &[',', ' ']);
        let theme = theme_or_tag(field(thc), &mut tags);
        let points = split_list(field(pc), &[';', '\n']);
        let plain = |t: &str| t.replace("\r\n", "\n");
        match new_card(line, plain(field(qc)), plain(field(ac)), points, tags, theme) {
            Ok(mut card) => {
                set_coaching(&mut card, plain(field(wc)), plain(field(avc)), &plain(field(prc)));
                parsed.cards.push(Incoming { line, id: None, card });
            }
            Err(e) => parsed.errors.push(e),
        }
    });
    if header.is_none() && parsed.errors.is_empty() {
        parsed.errors.push(LineError { line: 1, message: "the file is empty".into() });
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::card::Theme;

    #[test]
    fn reads_csv_with_a_header_row() {
        let text = "Theme,Question,Answer,Key points,Tags\n\
            sell,Tell me about a win.,\"I cut costs, by 20%.\",Give a number; Say what you did,\"star, numbers\"\n\
            My stories,What did you build?,A tool.,,\n\
            ,,No question,,\n";
        let p = read_csv(text);
        assert_eq!(p.cards.len(), 2);
        let c = &p.cards[0].card;
        assert_eq!((c.theme, c.answer.as_str()), (Theme::SellYourself, "I cut costs, by 20%."));
        assert_eq!(c.key_points, vec!["Give a number", "Say what you did"]);
        assert_eq!(c.tags, vec!["star", "numbers"]);
        assert_eq!(p.cards[1].card.theme, Theme::Own);
        assert_eq!(p.cards[1].card.tags, vec!["my stories"], "an unknown theme becomes a tag");
        assert_eq!(p.errors, vec![LineError { line: 4, message: "the question is empty".into() }]);
        assert_eq!(read_csv("front,back\nQ,A\n").cards.len(), 1);
        assert_eq!(read_csv("name,notes\nx,y\n").errors[0].line, 1);
        assert_eq!(read_csv("").errors[0].message, "the file is empty");
    }

    #[test]
    fn spreadsheets_as_excel_libreoffice_and_google_sheets_write_them() {
        // Excel's "CSV UTF-8": a byte-order mark, CRLF, a cell over two lines in quotes.
        let excel =
            "\u{feff}Question,Answer,Key points\r\nWhy us?,\"You build what I use.\r\nAnd I want to help.\",Name the product;Say why\r\n";
        // Excel or LibreOffice in a language where the comma is the decimal mark: semicolons.
        let semicolons = "question;answer;tags\nWhat did it save?;\"12,5 % of the costs; in a year\";numbers, star\n";
        // Google Sheets: LF, quotes only where needed, a doubled quote.
        let sheets = "front,back\nWhat did they say?,\"\"\"Well done\"\", with a number\"\n";
        let p = read_csv(excel);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(
            (p.cards[0].card.answer.as_str(), p.cards[0].card.key_points.clone()),
            ("You build what I use.\nAnd I want to help.", vec!["Name the product".to_string(), "Say why".to_string()])
        );
        let p = read_csv(semicolons);
        assert_eq!(delimiter(semicolons), b';');
        assert_eq!(
            (p.cards[0].card.answer.as_str(), p.cards[0].card.tags.clone()),
            ("12,5 % of the costs; in a year", vec!["numbers".to_string(), "star".to_string()])
        );
        assert_eq!(read_csv(sheets).cards[0].card.answer, "\"Well done\", with a number");
        assert_eq!(delimiter("question\tanswer\nq,1\ta\n"), b'\t');
        assert_eq!(delimiter("\"a;b;c\",x\n"), b',', "separators in quotes do not count");
        assert!(has_header(excel) && has_header(semicolons) && has_header(sheets));
        assert!(!has_header("Why us?,Because.\n"));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in proptest::prelude::any::<String>()) {
            let _ = read_csv(&text);
        }
    }
}
