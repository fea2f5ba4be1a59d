//! Moving a collection in and out, one file per format: Anki's plain text ([`anki`]), spreadsheets
//! ([`csv`]), Quizlet ([`quizlet`]), the app's own backup ([`backup`]), HTML reduced to text
//! ([`html`]); [`read`] tells them apart, and [`preview`] says what an import would add, update and
//! skip before anything changes.

pub mod anki;
pub mod backup;
pub mod csv;
pub mod html;
pub mod preview;
pub mod quizlet;

pub use anki::{read_anki, write_anki};
pub use backup::{read_backup, write_backup, Backup, BACKUP_VERSION};
pub use csv::read_csv;
pub use html::html_to_text;
pub use preview::{apply, apply_backup, backup_cards, preview, restore, Preview};

use super::card::{Card, Theme};

/// A problem on one line of an imported file.
#[derive(Debug, Clone, PartialEq)]
pub struct LineError {
    pub line: usize,
    pub message: String,
}

/// A card read from a file, with the line it started on and the id it carries, if any (an
/// Anki GUID or a backup's card id).
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    pub line: usize,
    pub id: Option<String>,
    pub card: Card,
}

/// Pictures and sounds an import left out (the app shows text only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Media {
    pub pictures: usize,
    pub sounds: usize,
}

impl Media {
    /// "2 pictures and 1 sound were left out: Second Round shows text only", or None.
    pub fn sentence(&self) -> Option<String> {
        let part = |n: usize, one: &str| match n {
            0 => None,
            1 => Some(format!("1 {one}")),
            n => Some(format!("{n} {one}s")),
        };
        let parts: Vec<String> = [part(self.pictures, "picture"), part(self.sounds, "sound")].into_iter().flatten().collect();
        let verb = if self.pictures + self.sounds == 1 { "was" } else { "were" };
        (!parts.is_empty()).then(|| format!("{} {verb} left out: Second Round shows text only.", parts.join(" and ")))
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parsed {
    pub cards: Vec<Incoming>,
    pub errors: Vec<LineError>,
    pub media: Media,
    /// The file carries only a card's text, key points, tags and theme (not a backup's whole card).
    pub text_only: bool,
}


/// What a file holds, read but not yet applied: its cards (and problems), and the backup itself
/// when it is one.
#[derive(Debug, Clone, PartialEq)]
pub struct Read {
    pub format: Format,
    pub parsed: Parsed,
    pub backup: Option<Backup>,
}

/// The kinds of file an import tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Backup,
    Csv,
    Anki,
}

/// Which reader a file needs, from its name and its first characters: a JSON object is a backup, a
/// `.csv` file or text with no `#` header and no tab on its first line is CSV, anything else Anki's
/// plain text.
pub fn detect(name: &str, text: &str) -> Format {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') {
        Format::Backup
    } else if name.to_ascii_lowercase().ends_with(".csv") || (!trimmed.starts_with('#') && !trimmed.lines().next().unwrap_or("").contains('\t')) {
        Format::Csv
    } else {
        Format::Anki
    }
}

/// Reads a file (or pasted text) named `name` with the reader its content needs. A backup that
/// cannot be read is refused whole, with a sentence saying why.
pub fn read(name: &str, text: &str) -> Result<Read, String> {
    let format = detect(name, text);
    let (parsed, backup) = match format {
        Format::Backup => match read_backup(text) {
            Ok(b) => (backup_cards(&b), Some(b)),
            Err(e) => return Err(format!("{name} could not be read as a Second Round backup: {e}. Nothing was changed.")),
        },
        Format::Csv => (read_csv(text), None),
        Format::Anki => (read_anki(text), None),
    };
    Ok(Read { format, parsed, backup })
}

/// A stable id for a card of the person's own, from its question ("own-" and 12 hex digits).
pub fn own_id(question: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in normalise(question).bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("own-{:012x}", h & 0xffff_ffff_ffff)
}

/// A question compared for duplicates: letters and digits only, lower case, single spaces.
pub fn normalise(question: &str) -> String {
    let mut out = String::new();
    for word in question.split(|c: char| !crate::domain::is_letter(c)).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&crate::domain::fold(word));
    }
    out
}

pub(crate) fn theme_or_tag(value: &str, tags: &mut Vec<String>) -> Theme {
    let v = value.trim();
    if v.is_empty() {
        return Theme::Own;
    }
    let found = Theme::from_key(&v.to_ascii_lowercase())
        .or_else(|| Theme::EVERY.into_iter().find(|t| t.label().eq_ignore_ascii_case(v)));
    found.unwrap_or_else(|| {
        let tag = crate::domain::fold(v);
        if !tags.contains(&tag) {
            tags.push(tag);
        }
        Theme::Own
    })
}

pub(crate) fn split_list(value: &str, separators: &[char]) -> Vec<String> {
    value.split(separators).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

/// The longest question or answer taken from a file; longer text is an error on its line.
pub const MAX_FIELD_CHARS: usize = 5_000;

pub(crate) fn new_card(line: usize, question: String, answer: String, key_points: Vec<String>, tags: Vec<String>, theme: Theme) -> Result<Card, LineError> {
    let problem = if question.trim().is_empty() {
        Some("the question is empty")
    } else if answer.trim().is_empty() {
        Some("the answer is empty")
    } else if question.chars().count() > MAX_FIELD_CHARS || answer.chars().count() > MAX_FIELD_CHARS {
        Some("a field is longer than 5,000 characters")
    } else {
        None
    };
    match problem {
        Some(p) => Err(LineError { line, message: p.to_string() }),
        None => Ok(Card { id: own_id(&question), theme, tags, question: question.trim().to_string(), answer: answer.trim().to_string(), key_points, synonyms: vec![], ..Default::default() }),
    }
}

/// Reads the rows of a delimited text as Anki and spreadsheets write it: a field in double quotes
/// may hold separators, line breaks and doubled quotes; CRLF or LF ends a row. Each row that is not
/// blank goes to `each` with the line it starts on (`first_line` for the first), and `each` collects
/// its problems. A quote never closed that runs past its line is an error on the line it opens
/// (the rest of the file would be one field); on the last line it is read to the end, as Anki does.
/// (Written here rather than with the `csv` crate: a third of its size in the bundle.)
pub(crate) fn for_rows(text: &str, delimiter: u8, first_line: usize, parsed: &mut Parsed, mut each: impl FnMut(usize, &[String], &mut Parsed)) {
    let b = text.as_bytes();
    let (mut i, mut line) = (0, first_line);
    let mut record: Vec<String> = vec![];
    let mut row_line = line;
    while i < b.len() {
        let mut field = String::new();
        if b[i] == b'"' {
            i += 1;
            loop {
                let Some(j) = text[i..].find('"') else {
                    let rest = text[i..].trim_end_matches(['\r', '\n']);
                    if rest.contains('\n') {
                        parsed.errors.push(LineError { line, message: "a quote opened on this line is never closed".into() });
                        return;
                    }
                    field.push_str(rest);
                    i = b.len();
                    break;
                };
                field.push_str(&text[i..i + j]);
                line += text[i..i + j].matches('\n').count();
                i += j + 1;
                if b.get(i) != Some(&b'"') {
                    break;
                }
                field.push('"');
                i += 1;
            }
        }
        let end = b[i..].iter().position(|&c| c == delimiter || c == b'\n').map_or(b.len(), |j| i + j);
        field.push_str(text[i..end].strip_suffix('\r').unwrap_or(&text[i..end]));
        record.push(field);
        i = end + 1;
        if b.get(end) == Some(&delimiter) && delimiter != b'\n' {
            if i == b.len() {
                record.push(String::new());
            }
            continue;
        }
        if !record.iter().all(|f| f.trim().is_empty()) {
            each(row_line, &record, parsed);
        }
        record.clear();
        line += 1;
        row_line = line;
    }
    // A last row ended by a separator rather than a line break.
    if !record.iter().all(|f| f.trim().is_empty()) {
        each(row_line, &record, parsed);
    }
}

#[cfg(test)]
pub(crate) mod fixtures {
    use crate::domain::card::{Card, Rating, Theme};
    use crate::domain::clock::Clock;
    use crate::domain::collection::{Collection, Settings};
    use crate::domain::deck;
    use std::collections::HashMap;

    pub fn studied() -> Collection {
        let mut col = Collection::new(deck::built_in(), HashMap::new(), vec![], Settings { new_per_day: 7, rehearse: true, ..Settings::default() });
        let ids: Vec<String> = col.cards.iter().take(6).map(|c| c.id.clone()).collect();
        let mut t = 1_795_600_000_000;
        for (k, id) in ids.iter().enumerate() {
            for r in [Rating::Again, Rating::Good, Rating::Hard, Rating::Easy].iter().take(k % 4 + 1) {
                col.grade(id, *r, Clock::new(t, 60), 12_345).unwrap();
                t += 86_400_000;
            }
        }
        col.cards.push(Card { id: super::own_id("My story?"), theme: Theme::Own, tags: vec!["mine".into()], question: "My story?".into(), answer: "Line one\n\"two\"\t<b>".into(), key_points: vec![], synonyms: vec![], ..Default::default() });
        col
    }

}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, delimiter: u8) -> (Vec<(usize, Vec<String>)>, Vec<LineError>) {
        let mut parsed = Parsed::default();
        let mut rows = vec![];
        for_rows(text, delimiter, 1, &mut parsed, |line, r, _| rows.push((line, r.to_vec())));
        (rows, parsed.errors)
    }

    #[test]
    fn rows_as_anki_and_spreadsheets_write_them() {
        let r = |line: usize, f: &[&str]| (line, f.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(rows("a,b\r\n\"c\r\nd\",\"say \"\"hi\"\"\"\r\n\r\n,\ne,f,", b','), (vec![r(1, &["a", "b"]), r(2, &["c\r\nd", "say \"hi\""]), r(6, &["e", "f", ""])], vec![]));
        assert_eq!(rows("x\t\"ab\"cd\t\"\"\n", b'\t').0, vec![r(1, &["x", "abcd", ""])], "text after a closing quote is kept");
        assert_eq!(rows("q\t\"never closed\n", b'\t').0, vec![r(1, &["q", "never closed"])], "on the last line, to the end");
        let (found, errors) = rows("a\tb\nq\t\"opened\nand more\nrows\n", b'\t');
        assert_eq!((found, errors), (vec![r(1, &["a", "b"])], vec![LineError { line: 2, message: "a quote opened on this line is never closed".into() }]));
        assert_eq!(rows("", b',').0, vec![]);
        assert_eq!(rows("\"", b',').0, vec![]);
        assert_eq!(rows("é;\"ü\";", b';').0, vec![r(1, &["é", "ü", ""])]);
    }

    #[test]
    fn each_file_goes_to_its_reader() {
        assert_eq!(detect("x.json", "\u{feff} {\"app\":1}"), Format::Backup);
        assert_eq!(detect("x.csv", "#separator:tab\nq\ta\n"), Format::Csv);
        assert_eq!(detect("x.txt", "question,answer\nq,a\n"), Format::Csv);
        assert_eq!(detect("x.txt", "#separator:tab\nq\ta\n"), Format::Anki);
        assert_eq!(detect("x.txt", "q\ta\n"), Format::Anki);
        assert!(read("b.json", "{\"app\":\"Other\"}").unwrap_err().starts_with("b.json could not be read as a Second Round backup: this is not"));
        assert_eq!(read("x.txt", "q\ta\n").unwrap().parsed.cards.len(), 1);
    }
}
