//! Moving a collection in and out, one file per format: Anki's plain text ([`anki`]), spreadsheets
//! ([`csv`]), Quizlet ([`quizlet`]), the app's own backup ([`backup`]), HTML reduced to text
//! ([`html`]); [`read`] tells them apart, and [`preview`] says what an import would add, update and
//! skip before anything changes.

pub mod anki;
pub mod backup;
pub mod csv;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod html;
pub mod preview;
pub mod quizlet;
mod rows;

pub use anki::{read_anki, write_anki};
pub use backup::{read_backup, write_backup, write_backup_with, Backup, BACKUP_VERSION};
pub use csv::{read_csv, write_csv};
pub use html::html_to_text;
pub use preview::{apply, apply_backup, backup_cards, backup_collection, preview, restore, Preview};
pub use quizlet::{read_quizlet, Separators};
pub(crate) use rows::for_rows;

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
    /// For Quizlet's export: the separators it was read with (guessed; the person may choose).
    pub separators: Option<Separators>,
}

/// The kinds of file an import tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Backup,
    Csv,
    Anki,
    Quizlet,
}

/// Which reader a file needs, from its name and its first characters: a JSON object is a backup;
/// `#` headers are Anki's (every export of Anki 2.1.55 and later has them); a `.csv` or `.tsv`
/// file, or a first row naming question and answer columns, is a spreadsheet; text with HTML line
/// breaks or fields in quotes is an older Anki export; anything else Quizlet's export (or text
/// written like it: a question and its answer on each line, apart).
pub fn detect(name: &str, text: &str) -> Format {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    let name = name.to_ascii_lowercase();
    if trimmed.starts_with('{') {
        Format::Backup
    } else if trimmed.starts_with('#') {
        Format::Anki
    } else if name.ends_with(".csv") || name.ends_with(".tsv") || csv::has_header(trimmed) {
        Format::Csv
    } else if trimmed.contains("<br") || trimmed.contains("<div") || trimmed.lines().any(|l| l.starts_with('"')) {
        Format::Anki
    } else {
        Format::Quizlet
    }
}

/// Why a file is not text the importer can read, and what to export instead; None for text. The
/// browser decodes every file as UTF-8, so a zip (an .xlsx, .ods or Anki package) starts with
/// "PK", UTF-16 text is half NULs, and other bytes become U+FFFD.
pub fn not_text(name: &str, text: &str) -> Option<String> {
    let zip = text.starts_with("PK\u{3}\u{4}");
    let nuls = text.chars().take(200).filter(|&c| c == '\0').count();
    if !zip && nuls == 0 && !text.contains('\u{fffd}') {
        return None;
    }
    let lower = name.to_ascii_lowercase();
    let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
    let what = match ext {
        "xlsx" | "xlsm" | "xls" => "an Excel workbook",
        "ods" => "a LibreOffice spreadsheet",
        "numbers" => "a Numbers spreadsheet",
        "apkg" | "colpkg" => "an Anki package",
        _ if nuls * 3 > text.chars().take(200).count() => "UTF-16 text (Excel's \u{201c}Unicode Text\u{201d})",
        _ if zip => "a compressed (zip) file",
        _ if nuls == 0 => "text in an encoding other than UTF-8",
        _ => "not a text file",
    };
    let instead = if what == "an Anki package" {
        "In Anki, choose File \u{2192} Export \u{2192} \u{201c}Notes in Plain Text\u{201d} and import that file."
    } else {
        "Save it as CSV and import that file: in Excel, File \u{2192} Save As \u{2192} \u{201c}CSV UTF-8 (Comma delimited)\u{201d}; in LibreOffice, \u{201c}Text CSV\u{201d} with the UTF-8 character set; in Google Sheets, File \u{2192} Download \u{2192} \u{201c}Comma-separated values\u{201d}. From Anki, export \u{201c}Notes in Plain Text\u{201d}."
    };
    Some(format!("{name} is {what}, which Second Round cannot read. {instead} Nothing was changed."))
}

/// Reads a file (or pasted text) named `name` with the reader its content needs. A file that is
/// not text, or a backup that cannot be read, is refused whole, with a sentence saying why.
pub fn read(name: &str, text: &str) -> Result<Read, String> {
    if let Some(why) = not_text(name, text) {
        return Err(why);
    }
    let format = detect(name, text);
    let mut separators = None;
    let (parsed, backup) = match format {
        Format::Backup => match read_backup(text) {
            Ok(b) => (backup_cards(&b), Some(b)),
            Err(e) => return Err(format!("{name} could not be read as a Second Round backup: {e}. Nothing was changed.")),
        },
        Format::Csv => (read_csv(text), None),
        Format::Anki => (read_anki(text), None),
        Format::Quizlet => {
            let s = quizlet::guess(text);
            let parsed = read_quizlet(text, &s);
            separators = Some(s);
            (parsed, None)
        }
    };
    Ok(Read { format, parsed, backup, separators })
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
    let found =
        Theme::from_key(&v.to_ascii_lowercase()).or_else(|| Theme::WITH_OWN.into_iter().find(|t| t.label().eq_ignore_ascii_case(v)));
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

pub(crate) fn new_card(
    line: usize,
    question: String,
    answer: String,
    key_points: Vec<String>,
    tags: Vec<String>,
    theme: Theme,
) -> Result<Card, LineError> {
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
        None => Ok(Card {
            id: own_id(&question),
            theme,
            tags,
            question: question.trim().to_string(),
            answer: answer.trim().to_string(),
            key_points,
            synonyms: vec![],
            ..Default::default()
        }),
    }
}

/// A read card's coaching: why and avoid as written, probes one per line (a probe may hold `;`).
pub(crate) fn set_coaching(card: &mut Card, why: String, avoid: String, probes: &str) {
    card.why = why.trim().to_string();
    card.avoid = avoid.trim().to_string();
    card.probes = split_list(probes, &['\n']);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_file_goes_to_its_reader() {
        assert_eq!(detect("x.json", "\u{feff} {\"app\":1}"), Format::Backup);
        assert_eq!(detect("x.csv", "#separator:comma\nq,a\n"), Format::Anki, "Anki's headers, whatever the name");
        assert_eq!(detect("x.csv", "q,a\n"), Format::Csv);
        assert_eq!(detect("x.txt", "question,answer\nq,a\n"), Format::Csv);
        assert_eq!(detect("the pasted text", "\u{feff}Question;Answer\r\nq;a\r\n"), Format::Csv);
        assert_eq!(detect("x.txt", "#separator:tab\nq\ta\n"), Format::Anki);
        assert_eq!(detect("x.txt", "q\ta<br>b\n"), Format::Anki, "an older Anki export: HTML");
        assert_eq!(detect("x.txt", "\"Why \"\"us\"\"?\"\tBecause.\n"), Format::Anki, "an older Anki export: quotes");
        assert_eq!(detect("the pasted text", "Why us?\tBecause.\n"), Format::Quizlet);
        assert_eq!(detect("x.txt", "Why us?,Because.;When?,Friday."), Format::Quizlet);
        let r = read("the pasted text", "Why us?,Because.;When?,Friday.").unwrap();
        assert_eq!((r.parsed.cards.len(), r.separators), (2, Some(Separators::new(",", ";"))));
        assert!(read("b.json", "{\"app\":\"Other\"}")
            .unwrap_err()
            .starts_with("b.json could not be read as a Second Round backup: this is not"));
        assert_eq!(read("x.txt", "Why us?\tBecause.\n").unwrap().parsed.cards.len(), 1);
    }

    proptest::proptest! {
        #[test]
        fn reading_any_text_never_panics(name in "[a-z]{0,6}(\\.(txt|csv|xlsx|json))?", text in proptest::prelude::any::<String>()) {
            let _ = read(&name, &text);
        }

        #[test]
        fn reading_text_shaped_like_a_card_file_never_panics(text in "(PK\u{3}\u{4}|\u{feff}|#separator:[a-z;,]{0,6}\n|question[,;\t]answer\r?\n|\\{)?[\"\t,;\n\r a-z<>{}:\u{0}\u{fffd}é]{0,80}") {
            let _ = read("x.txt", &text);
            let _ = read("the pasted text", &text);
        }
    }

    #[test]
    fn a_file_that_is_not_text_says_what_to_export_instead() {
        let xlsx = "PK\u{3}\u{4}\u{14}\0\u{6}\0[Content_Types].xml";
        let why = read("Interview.xlsx", xlsx).unwrap_err();
        assert!(why.starts_with("Interview.xlsx is an Excel workbook, which Second Round cannot read. Save it as CSV"), "{why}");
        assert!(why.contains("CSV UTF-8 (Comma delimited)") && why.ends_with("Nothing was changed."));
        assert!(read("deck.apkg", xlsx).unwrap_err().contains("an Anki package, which Second Round cannot read. In Anki, choose File"));
        assert!(read("sheet.ods", xlsx).unwrap_err().contains("a LibreOffice spreadsheet"));
        assert!(read("x.zip", xlsx).unwrap_err().contains("a compressed (zip) file"));
        // UTF-16 with its byte-order mark (FF FE), decoded by the browser as UTF-8.
        let utf16 = "\u{fffd}\u{fffd}Q\0u\0e\0s\0t\0i\0o\0n\0\t\0A\0\r\0\n\0";
        assert!(read("cards.txt", utf16).unwrap_err().contains("is UTF-16 text (Excel"));
        assert!(read("cards.csv", "question,answer\nCaf\u{fffd},ok\n").unwrap_err().contains("text in an encoding other than UTF-8"));
        assert!(read("photo.jpg", "\u{fffd}\u{fffd}\u{fffd}\0\u{10}JFIF\0\u{1}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}").unwrap_err().contains("not a text file"));
        assert_eq!(not_text("x.txt", "plain text, caf\u{e9}"), None);
    }
}
