//! Spreadsheets: CSV with a header row naming the columns.

use super::{for_rows, new_card, split_list, theme_or_tag, Incoming, LineError, Parsed};

/// CSV with a header row naming the columns (any order, any case): question, answer, key points
/// (separated by `;`), tags (separated by `,` or spaces), theme (a theme's key or name; anything
/// else becomes a tag). Spreadsheet text is plain text: kept as written (and shown as text).
pub fn read_csv(text: &str) -> Parsed {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut parsed = Parsed::default();
    // Column positions from the first row: question, answer, key points, tags, theme.
    let mut columns: Option<Option<[Option<usize>; 5]>> = None;
    for_rows(text, b',', 1, &mut parsed, |line, record, parsed| {
        let Some(cols) = columns else {
            let names: Vec<String> = record.iter().map(|n| n.trim().to_ascii_lowercase().replace(['_', '-'], " ")).collect();
            let col = |wanted: &[&str]| names.iter().position(|n| wanted.contains(&n.as_str()));
            let found = [col(&["question", "front", "q"]), col(&["answer", "back", "a", "model answer"]), col(&["key points", "keypoints", "points"]), col(&["tags", "tag"]), col(&["theme"])];
            let ok = found[0].is_some() && found[1].is_some();
            if !ok {
                parsed.errors.push(LineError { line, message: "the first row must name the columns, with at least question and answer".into() });
            }
            columns = Some(ok.then_some(found));
            return;
        };
        let Some([qc, ac, pc, tc, thc]) = cols else { return };
        let field = |c: Option<usize>| c.and_then(|c| record.get(c)).map_or("", String::as_str);
        let mut tags = split_list(&crate::domain::fold(field(tc)), &[',', ' ']);
        let theme = theme_or_tag(field(thc), &mut tags);
        let points = split_list(field(pc), &[';']);
        let plain = |t: &str| t.replace("\r\n", "\n");
        match new_card(line, plain(field(qc)), plain(field(ac)), points, tags, theme) {
            Ok(card) => parsed.cards.push(Incoming { line, id: None, card }),
            Err(e) => parsed.errors.push(e),
        }
    });
    if columns.is_none() && parsed.errors.is_empty() {
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

    proptest::proptest! {
        #[test]
        fn never_panics(text in proptest::prelude::any::<String>()) {
            let _ = read_csv(&text);
        }
    }
}
