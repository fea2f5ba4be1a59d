//! Quizlet's export: the text Quizlet's "Export" box gives to copy, one card per row, its term and
//! its definition apart. Quizlet lets the person choose both separators (between term and
//! definition: a tab, a comma or any text; between rows: a new line, a semicolon or any text) and
//! quotes nothing, so a row is split at the first separator. The separators are guessed from the
//! text and can be chosen in the import screen.

use super::{new_card, Incoming, LineError, Parsed};
use crate::domain::card::Theme;

/// What separates a term from its definition, and one card from the next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Separators {
    pub term: String,
    pub row: String,
}

impl Separators {
    pub fn new(term: &str, row: &str) -> Separators {
        Separators { term: term.to_string(), row: row.to_string() }
    }
}

/// The separators Quizlet offers by name: a tab or a comma between term and definition, a new
/// line or a semicolon between rows.
const GUESSES: [(&str, &str); 4] = [("\t", "\n"), ("\t", ";"), (",", "\n"), (",", ";")];

/// The rows of the text, with the line each starts on.
fn rows<'a>(text: &'a str, s: &'a Separators) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    let mut line = 1;
    text.split(s.row.as_str()).map(move |row| {
        let trimmed = row.trim_start_matches(['\r', '\n']);
        let start = line + row[..row.len() - trimmed.len()].matches('\n').count();
        line += row.matches('\n').count() + s.row.matches('\n').count();
        (start, trimmed.trim_end_matches(['\r', '\n']))
    })
}

/// The separators that read the text best: every row split in two with both halves filled, then
/// the most rows with exactly one separator; on a tie, a tab before a comma and a new line before
/// a semicolon.
pub fn guess(text: &str) -> Separators {
    let mut best = (Separators::new("\t", "\n"), (false, 0, 0));
    let body = text.trim();
    for (i, (term, row)) in GUESSES.iter().enumerate() {
        // A separator the text does not hold is no guess (one row of everything reads "well").
        if i > 0 && !(body.contains(row) && body.contains(term)) {
            continue;
        }
        let s = Separators::new(term, row);
        let (mut all, mut exact, mut good) = (true, 0, 0);
        for (_, r) in rows(text, &s).filter(|(_, r)| !r.trim().is_empty()) {
            let split = r.split_once(term).is_some_and(|(a, b)| !a.trim().is_empty() && !b.trim().is_empty());
            all &= split;
            good += split as usize;
            exact += (r.matches(term).count() == 1) as usize;
        }
        let score = (all && good > 0, exact, good);
        if i == 0 || score > best.1 {
            best = (s, score);
        }
    }
    best.0
}

/// Reads Quizlet's export with the given separators: the term is the question, the definition the
/// answer. A row without the separator is named on its line.
pub fn read_quizlet(text: &str, s: &Separators) -> Parsed {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut parsed = Parsed::default();
    if s.term.is_empty() || s.row.is_empty() {
        parsed
            .errors
            .push(LineError { line: 1, message: "choose what separates a term from its definition, and one card from the next".into() });
        return parsed;
    }
    for (line, row) in rows(text, s).filter(|(_, r)| !r.trim().is_empty()) {
        let Some((term, definition)) = row.split_once(s.term.as_str()) else {
            parsed.errors.push(LineError { line, message: "no separator between term and definition".into() });
            continue;
        };
        match new_card(line, term.replace("\r\n", "\n"), definition.replace("\r\n", "\n"), vec![], vec![], Theme::Own) {
            Ok(card) => parsed.cards.push(Incoming { line, id: None, card }),
            Err(e) => parsed.errors.push(e),
        }
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn pairs(p: &Parsed) -> Vec<(usize, &str, &str)> {
        p.cards.iter().map(|c| (c.line, c.card.question.as_str(), c.card.answer.as_str())).collect()
    }

    #[test]
    fn every_separator_quizlet_offers_is_guessed() {
        let tab_lines = "Why this role?\tIt fits what I do best.\r\nYour weakness?\tI over-prepare, so I time-box it.\r\n";
        assert_eq!(guess(tab_lines), Separators::new("\t", "\n"));
        assert_eq!(
            pairs(&read_quizlet(tab_lines, &guess(tab_lines))),
            vec![(1, "Why this role?", "It fits what I do best."), (2, "Your weakness?", "I over-prepare, so I time-box it.")]
        );
        let tab_semi = "Why this role?\tIt fits.;Your weakness?\tI over-prepare,\nthen time-box it.;";
        assert_eq!(guess(tab_semi), Separators::new("\t", ";"));
        assert_eq!(
            pairs(&read_quizlet(tab_semi, &guess(tab_semi))),
            vec![(1, "Why this role?", "It fits."), (1, "Your weakness?", "I over-prepare,\nthen time-box it.")]
        );
        let comma_lines = "Why this role?,It fits, and it grows me.\nYour weakness?,Over-preparing; I time-box it.\n";
        assert_eq!(guess(comma_lines), Separators::new(",", "\n"));
        assert_eq!(
            pairs(&read_quizlet(comma_lines, &guess(comma_lines)))[0],
            (1, "Why this role?", "It fits, and it grows me."),
            "split at the first comma"
        );
        let comma_semi = "Why this role?,It fits.;Your weakness?,Over-preparing.";
        assert_eq!(guess(comma_semi), Separators::new(",", ";"));
        assert_eq!(read_quizlet(comma_semi, &guess(comma_semi)).cards.len(), 2);
        let semicolons_inside = "Q one\tA; with a semicolon\nQ two\tA two\n";
        assert_eq!(guess(semicolons_inside), Separators::new("\t", "\n"), "new lines win a tie");
        assert_eq!(
            guess("Why us? - You build it.\nWhen? - Friday, at the latest."),
            Separators::new(",", "\n"),
            "one row of everything is no guess"
        );
    }

    #[test]
    fn custom_separators_and_problems_on_their_line() {
        let s = Separators::new(" - ", "\n\n");
        let text = "Why us? - You build what I use.\n\nNo separator here\n\nWhen? - By Friday\nat the latest.";
        let p = read_quizlet(text, &s);
        assert_eq!(pairs(&p), vec![(1, "Why us?", "You build what I use."), (5, "When?", "By Friday\nat the latest.")]);
        assert_eq!(p.errors, vec![LineError { line: 3, message: "no separator between term and definition".into() }]);
        assert_eq!(read_quizlet("x", &Separators::new("", "\n")).errors.len(), 1);
        assert_eq!(read_quizlet("Q\t\n", &Separators::new("\t", "\n")).errors[0].message, "the answer is empty");
    }

    proptest! {
        #[test]
        fn never_panics(text in any::<String>(), term in "[\t,;: -]{0,3}", row in "[\n;|]{0,2}") {
            let _ = read_quizlet(&text, &guess(&text));
            let _ = read_quizlet(&text, &Separators::new(&term, &row));
        }
    }
}
