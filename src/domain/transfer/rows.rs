//! Delimited text as Anki and spreadsheets write it, read row by row.

use super::{LineError, Parsed};

/// Reads the rows of a delimited text as Anki and spreadsheets write it: a field in double quotes
/// may hold separators, line breaks and doubled quotes; CRLF or LF ends a row. Each row that is not
/// blank goes to `each` with the line it starts on (`first_line` for the first), and `each` collects
/// its problems. A quote never closed that runs past its line is an error on the line it opens
/// (the rest of the file would be one field); on the last line it is read to the end, as Anki does.
/// (Written here rather than with the `csv` crate: a third of its size in the bundle.)
pub(crate) fn for_rows(
    text: &str,
    delimiter: u8,
    first_line: usize,
    parsed: &mut Parsed,
    mut each: impl FnMut(usize, &[String], &mut Parsed),
) {
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
        assert_eq!(
            rows("a,b\r\n\"c\r\nd\",\"say \"\"hi\"\"\"\r\n\r\n,\ne,f,", b','),
            (vec![r(1, &["a", "b"]), r(2, &["c\r\nd", "say \"hi\""]), r(6, &["e", "f", ""])], vec![])
        );
        assert_eq!(rows("x\t\"ab\"cd\t\"\"\n", b'\t').0, vec![r(1, &["x", "abcd", ""])], "text after a closing quote is kept");
        assert_eq!(rows("q\t\"never closed\n", b'\t').0, vec![r(1, &["q", "never closed"])], "on the last line, to the end");
        let (found, errors) = rows("a\tb\nq\t\"opened\nand more\nrows\n", b'\t');
        assert_eq!(
            (found, errors),
            (vec![r(1, &["a", "b"])], vec![LineError { line: 2, message: "a quote opened on this line is never closed".into() }])
        );
        assert_eq!(rows("", b',').0, vec![]);
        assert_eq!(rows("\"", b',').0, vec![]);
        assert_eq!(rows("é;\"ü\";", b';').0, vec![r(1, &["é", "ü", ""])]);
    }
}
