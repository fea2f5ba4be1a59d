// How `build.rs` compacts the deck files for the bundle, shared with the tests through
// `include!` (so no `//!` docs here): the files joined in the order given, comments and blank
// lines dropped, continuation lines joined to the line above, exactly as the parser reads them.
// A block never runs on into the next file.

pub fn compact(files: &[(String, String)]) -> String {
    let mut lines: Vec<String> = Vec::new();
    for (_, text) in files {
        let mut previous_blank = true;
        for line in text.lines() {
            let trimmed = line.trim();
            if trimmed.starts_with('#') {
                continue;
            }
            if trimmed.is_empty() {
                previous_blank = true;
                continue;
            }
            let continues = (line.starts_with(' ') || line.starts_with('\t')) && !previous_blank;
            previous_blank = false;
            match lines.last_mut() {
                Some(last) if continues => {
                    last.push(' ');
                    last.push_str(trimmed);
                }
                _ => lines.push(trimmed.to_string()),
            }
        }
    }
    lines.join("\n")
}
