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

// The compacted deck split in two: what the app holds from the start (every card with its
// general answer and coaching, and the tracks' labels and personas) and, per role track, a file
// of that track's answers and key points (`[id]` then its `a.<track>:` and `k.<track>:` lines),
// fetched when a person chooses the track. Returns (general, [(track key, text)]) with the four
// tracks in deck order; `a.office:`/`k.office:` stay in the general part.
pub fn split(compacted: &str) -> (String, Vec<(String, String)>) {
    const TRACKS: [&str; 4] = ["graduate", "frontline", "technical", "manager"];
    let mut general: Vec<&str> = Vec::new();
    let mut tracks: Vec<(String, Vec<String>)> = TRACKS.iter().map(|t| (t.to_string(), Vec::new())).collect();
    let mut header = "";
    let mut written: Vec<bool> = vec![false; TRACKS.len()];
    for line in compacted.lines() {
        if line.starts_with('[') {
            header = line;
            written = vec![false; TRACKS.len()];
            general.push(line);
            continue;
        }
        let field = line.split(':').next().unwrap_or("");
        let track = field.strip_prefix("a.").or_else(|| field.strip_prefix("k.")).and_then(|t| TRACKS.iter().position(|x| *x == t.trim()));
        match track {
            Some(i) => {
                if !written[i] {
                    tracks[i].1.push(header.to_string());
                    written[i] = true;
                }
                tracks[i].1.push(line.to_string());
            }
            None => general.push(line),
        }
    }
    (general.join("\n"), tracks.into_iter().map(|(t, lines)| (t, lines.join("\n"))).collect())
}
