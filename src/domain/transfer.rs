//! Moving a collection in and out: Anki's "Notes in Plain Text", CSV with a header row, and the
//! app's own backup file (JSON); what an import would add, update and skip before anything changes.
//!
//! Groundwork for importing and exporting (pure and tested here; the screens come next).

use super::card::{Card, Phase, Progress, Rating, Theme};
use super::collection::{Collection, LogEntry, Settings};
use super::interview::{self, Interview};
use super::json::{self, Json};
use super::sort_by_key;
use std::collections::HashMap;

/// The backup file's format version (the storage schema it was written from).
pub const BACKUP_VERSION: i64 = 1;

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

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parsed {
    pub cards: Vec<Incoming>,
    pub errors: Vec<LineError>,
}

/// Imported text is never markup in the app: tags are dropped, line breaks, paragraphs and list
/// items become new lines ("• " before an item), and the common entities are decoded. The result
/// is shown as text, so nothing in it can run.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..open]));
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else {
            // A lone "<" is text.
            out.push_str(&decode_entities(&rest[open..]));
            rest = "";
            break;
        };
        let tag = after[..close].trim().trim_start_matches('/').to_ascii_lowercase();
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        match name.as_str() {
            "br" | "p" | "div" | "ul" | "ol" | "tr" | "h1" | "h2" | "h3" | "h4" => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
            }
            "li" if !after.starts_with('/') => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str("• ");
            }
            _ => {}
        }
        // The text of <script> and <style> is not content.
        rest = &after[close + 1..];
        if (name == "script" || name == "style") && !after.starts_with('/') {
            let end = format!("</{name}");
            rest = match rest.to_ascii_lowercase().find(&end) {
                Some(i) => &rest[i..],
                None => "",
            };
        }
    }
    out.push_str(&decode_entities(rest));
    out.lines().map(str::trim_end).collect::<Vec<_>>().join("\n").trim().to_string()
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" | "#39" => Some('\''),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
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
    for word in question.split(|c: char| !super::is_letter(c)).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&super::fold(word));
    }
    out
}

fn theme_or_tag(value: &str, tags: &mut Vec<String>) -> Theme {
    let v = value.trim();
    if v.is_empty() {
        return Theme::Own;
    }
    let found = Theme::from_key(&v.to_ascii_lowercase())
        .or_else(|| Theme::EVERY.into_iter().find(|t| t.label().eq_ignore_ascii_case(v)));
    found.unwrap_or_else(|| {
        let tag = super::fold(v);
        if !tags.contains(&tag) {
            tags.push(tag);
        }
        Theme::Own
    })
}

fn split_list(value: &str, separators: &[char]) -> Vec<String> {
    value.split(separators).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

/// The longest question or answer taken from a file; longer text is an error on its line.
pub const MAX_FIELD_CHARS: usize = 5_000;

fn new_card(line: usize, question: String, answer: String, key_points: Vec<String>, tags: Vec<String>, theme: Theme) -> Result<Card, LineError> {
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
        None => Ok(Card { id: own_id(&question), theme, tags, question: question.trim().to_string(), answer: answer.trim().to_string(), key_points, synonyms: vec![] }),
    }
}

/// Reads the rows of a delimited text (quoted fields may hold separators and line breaks), giving
/// each non-blank row with the line it starts on (`first_line` for the first) to `each`, whose
/// problems are collected. A row that cannot be read (an unclosed quote, text that is not UTF-8)
/// ends the reading with an error on its line.
fn for_rows(text: &str, delimiter: u8, first_line: usize, parsed: &mut Parsed, mut each: impl FnMut(usize, &csv::StringRecord, &mut Parsed)) {
    let mut rows = csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).comment(None).from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    loop {
        let line = first_line - 1 + rows.position().line() as usize;
        match rows.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let why = if matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) { "the text is not UTF-8" } else { "a quoted field is not closed" };
                parsed.errors.push(LineError { line, message: format!("unreadable row: {why}") });
                break;
            }
        }
        if !record.iter().all(|f| f.trim().is_empty()) {
            each(line, &record, parsed);
        }
    }
}

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
        let tags = tags_col.map(|c| split_list(&super::fold(field(c)), &[' '])).unwrap_or_default();
        let points = points_col.map(|c| split_list(&clean(field(c)), &[';', '\n'])).unwrap_or_default();
        match new_card(line, clean(q), clean(a), points, tags, Theme::Own) {
            Ok(card) => parsed.cards.push(Incoming { line, id: guid_col.map(|c| field(c).to_string()).filter(|g| !g.is_empty()), card }),
            Err(e) => parsed.errors.push(e),
        }
    });
    parsed
}

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
        let field = |c: Option<usize>| c.and_then(|c| record.get(c)).unwrap_or("");
        let mut tags = split_list(&super::fold(field(tc)), &[',', ' ']);
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

// ---------------------------------------------------------------- the backup file

/// Everything a backup holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    pub exported_at_ms: i64,
    pub cards: Vec<Card>,
    pub progress: HashMap<String, Progress>,
    pub log: Vec<LogEntry>,
    pub settings: Settings,
    pub interviews: Vec<Interview>,
    pub suspended: Vec<String>,
    /// Built-in cards the person had deleted.
    pub deleted: Vec<String>,
}

fn s(text: &str) -> Json {
    Json::Str(text.to_string())
}

fn list(items: &[String]) -> Json {
    Json::Arr(items.iter().map(|i| s(i)).collect())
}

fn bits(x: f32) -> Json {
    Json::Str(format!("{:08x}", x.to_bits()))
}

/// The whole collection as the backup file's JSON: the schema version, every card with its text
/// (edits included), its memory state (stability and difficulty as exact f32 bit patterns, so a
/// restore is identical), the complete review log and the settings.
pub fn write_backup(col: &Collection, built_in: &[Card], now_ms: i64) -> String {
    let cards = col
        .cards
        .iter()
        .map(|c| {
            let mut m = vec![
                ("id".to_string(), s(&c.id)),
                ("theme".to_string(), s(c.theme.key())),
                ("tags".to_string(), list(&c.tags)),
                ("question".to_string(), s(&c.question)),
                ("answer".to_string(), s(&c.answer)),
                ("keyPoints".to_string(), list(&c.key_points)),
            ];
            if !c.synonyms.is_empty() {
                m.push(("synonyms".into(), Json::Arr(c.synonyms.iter().map(|(a, b)| Json::Arr(vec![s(a), s(b)])).collect())));
            }
            if let Some(p) = col.progress.get(&c.id) {
                m.push((
                    "progress".into(),
                    Json::Obj(vec![
                        ("phase".into(), s(p.phase.code())),
                        ("step".into(), Json::Int(p.step as i64)),
                        ("stabilityBits".into(), bits(p.stability)),
                        ("difficultyBits".into(), bits(p.difficulty)),
                        ("due".into(), Json::Int(p.due_ms)),
                        ("lastReview".into(), p.last_review_ms.map_or(Json::Null, Json::Int)),
                        ("reps".into(), Json::Int(p.reps as i64)),
                        ("lapses".into(), Json::Int(p.lapses as i64)),
                    ]),
                ));
            }
            Json::Obj(m)
        })
        .collect();
    let log = col
        .log
        .iter()
        .map(|e| {
            Json::Obj(vec![
                ("card".into(), s(&e.card_id)),
                ("at".into(), Json::Int(e.at_ms)),
                ("rating".into(), Json::Int(e.rating as i64)),
                ("phaseBefore".into(), s(e.phase_before.code())),
                ("durationMs".into(), Json::Int(e.duration_ms as i64)),
            ])
        })
        .collect();
    let st = &col.settings;
    let pct = |x: f32| Json::Int((x * 100.0).round() as i64);
    let settings = Json::Obj(vec![
        ("desiredRetentionPercent".into(), pct(st.desired_retention)),
        ("newPerDay".into(), Json::Int(st.new_per_day as i64)),
        ("maxReviewsPerDay".into(), Json::Int(st.max_reviews_per_day as i64)),
        ("maxIntervalDays".into(), Json::Int(st.max_interval_days as i64)),
        ("readinessTargetPercent".into(), pct(st.readiness_target)),
        ("rehearse".into(), Json::Bool(st.rehearse)),
        ("answerSeconds".into(), Json::Int(st.answer_seconds as i64)),
        ("speechToText".into(), Json::Bool(st.speech)),
    ]);
    Json::Obj(vec![
        ("app".into(), s("Second Round")),
        ("backupVersion".into(), Json::Int(BACKUP_VERSION)),
        ("exportedAt".into(), Json::Int(now_ms)),
        ("settings".into(), settings),
        ("interviews".into(), s(&interview::encode(&col.interviews))),
        ("suspended".into(), list(&col.suspended)),
        ("deletedBuiltIn".into(), Json::Arr(built_in.iter().filter(|b| col.card(&b.id).is_none()).map(|b| s(&b.id)).collect())),
        ("cards".into(), Json::Arr(cards)),
        ("log".into(), Json::Arr(log)),
    ])
    .to_text()
}

/// A backup problem, named with where it is. (One shared function: a format! per message would
/// cost the bundle more than the messages.)
#[inline(never)]
fn bad(what: &str, problem: &str) -> String {
    format!("{what}: {problem}")
}

#[inline(never)]
fn bad_key(what: &str, key: &str, problem: &str) -> String {
    format!("{what}: \"{key}\" {problem}")
}

fn need<'a>(v: &'a Json, key: &str, what: &str) -> Result<&'a Json, String> {
    v.get(key).ok_or_else(|| bad_key(what, key, "is missing"))
}

fn text(v: &Json, key: &str, what: &str) -> Result<String, String> {
    need(v, key, what)?.as_str().map(str::to_string).ok_or_else(|| bad_key(&what, key, "must be text"))
}

fn int(v: &Json, key: &str, what: &str) -> Result<i64, String> {
    need(v, key, what)?.as_i64().ok_or_else(|| bad_key(&what, key, "must be a whole number"))
}

fn strings(v: &Json, key: &str, what: &str) -> Result<Vec<String>, String> {
    match v.get(key) {
        None => Ok(vec![]),
        Some(j) => j
            .as_array()
            .and_then(|items| items.iter().map(|i| i.as_str().map(str::to_string)).collect())
            .ok_or_else(|| bad_key(&what, key, "must be a list of texts")),
    }
}

fn float_bits(v: &Json, key: &str, what: &str) -> Result<f32, String> {
    let t = text(v, key, what)?;
    u32::from_str_radix(&t, 16)
        .ok()
        .filter(|_| t.len() <= 8)
        .map(f32::from_bits)
        .filter(|x| x.is_finite() && *x >= 0.0)
        .ok_or_else(|| bad_key(&what, key, "is not a valid number"))
}

/// Reads a backup file. Any problem is a message naming the card or entry; nothing is partly read.
pub fn read_backup(file: &str) -> Result<Backup, String> {
    let root = json::parse(file).map_err(|e| format!("line {}: {}", e.line, e.message))?;
    if root.get("app").and_then(Json::as_str) != Some("Second Round") {
        return Err("this is not a Second Round backup".into());
    }
    let version = int(&root, "backupVersion", "the backup")?;
    if version > BACKUP_VERSION {
        return Err(format!("this backup was made by a newer version of Second Round (format {version}); update the app to read it"));
    }
    let mut b = Backup {
        exported_at_ms: int(&root, "exportedAt", "the backup")?,
        cards: vec![],
        progress: HashMap::new(),
        log: vec![],
        settings: Settings::default(),
        interviews: vec![],
        suspended: strings(&root, "suspended", "the backup")?,
        deleted: strings(&root, "deletedBuiltIn", "the backup")?,
    };
    sort_by_key(&mut b.suspended, |s| s.clone());
    if let Some(st) = root.get("settings") {
        let w = "the settings";
        let d = Settings::default();
        let opt_int = |k: &str, default: i64| st.get(k).map_or(Ok(default), |_| int(st, k, w));
        let opt_bool = |k: &str, default: bool| st.get(k).map_or(Ok(default), |j| j.as_bool().ok_or_else(|| bad_key(&w, k, "must be true or false")));
        let u = |n: i64| u32::try_from(n).map_err(|_| bad(&w, "a value is out of range"));
        b.settings = Settings {
            desired_retention: opt_int("desiredRetentionPercent", 90)? as f32 / 100.0,
            new_per_day: u(opt_int("newPerDay", d.new_per_day as i64)?)?,
            max_reviews_per_day: u(opt_int("maxReviewsPerDay", d.max_reviews_per_day as i64)?)?,
            max_interval_days: u(opt_int("maxIntervalDays", d.max_interval_days as i64)?)?,
            readiness_target: opt_int("readinessTargetPercent", 90)? as f32 / 100.0,
            rehearse: opt_bool("rehearse", d.rehearse)?,
            answer_seconds: u(opt_int("answerSeconds", d.answer_seconds as i64)?)?,
            speech: opt_bool("speechToText", d.speech)?,
        }
        .sanitised();
    }
    if let Some(iv) = root.get("interviews") {
        let t = iv.as_str().ok_or("\"interviews\" must be text")?;
        b.interviews = interview::decode(t).map_err(|e| format!("the interviews: {e}"))?;
    }
    let cards = need(&root, "cards", "the backup")?.as_array().ok_or("\"cards\" must be a list")?;
    // (Maps keyed by text with a number, as the collection's own index is: one kind of map in the
    // bundle rather than several.)
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, c) in cards.iter().enumerate() {
        let what = format!("card {}", i + 1);
        let id = text(c, "id", &what)?;
        if id.is_empty() || id.len() > 64 || seen.insert(id.clone(), i).is_some() {
            return Err(bad(&what, "the id is empty, too long or used twice"));
        }
        let what = format!("card {id}");
        let theme_key = text(c, "theme", &what)?;
        let theme = Theme::from_key(&theme_key).ok_or_else(|| format!("{what}: unknown theme \"{theme_key}\""))?;
        let synonyms = match c.get("synonyms") {
            None => vec![],
            Some(j) => j
                .as_array()
                .and_then(|pairs| {
                    pairs
                        .iter()
                        .map(|p| match p.as_array() {
                            Some([a, b]) => Some((a.as_str()?.to_string(), b.as_str()?.to_string())),
                            _ => None,
                        })
                        .collect()
                })
                .ok_or_else(|| bad_key(&what, "synonyms", "must be pairs of texts"))?,
        };
        let card = Card {
            id: id.clone(),
            theme,
            tags: strings(c, "tags", &what)?,
            question: text(c, "question", &what)?,
            answer: text(c, "answer", &what)?,
            key_points: strings(c, "keyPoints", &what)?,
            synonyms,
        };
        if card.question.trim().is_empty() {
            return Err(bad(&what, "the question is empty"));
        }
        if let Some(p) = c.get("progress") {
            let w = format!("{what}'s progress");
            let phase = Phase::from_code(&text(p, "phase", &w)?).ok_or_else(|| bad(&w, "unknown phase"))?;
            let small = |k: &str| int(p, k, &w).and_then(|n| u32::try_from(n).map_err(|_| bad_key(&w, k, "is out of range")));
            let progress = Progress {
                phase,
                step: u8::try_from(int(p, "step", &w)?).map_err(|_| bad_key(&w, "step", "is out of range"))?,
                stability: float_bits(p, "stabilityBits", &w)?,
                difficulty: float_bits(p, "difficultyBits", &w)?,
                due_ms: int(p, "due", &w)?,
                last_review_ms: match p.get("lastReview") {
                    None | Some(Json::Null) => None,
                    Some(_) => Some(int(p, "lastReview", &w)?),
                },
                reps: small("reps")?,
                lapses: small("lapses")?,
            };
            b.progress.insert(id, progress);
        }
        b.cards.push(card);
    }
    let log = need(&root, "log", "the backup")?.as_array().ok_or("\"log\" must be a list")?;
    for (i, e) in log.iter().enumerate() {
        let w = format!("review {}", i + 1);
        let card_id = text(e, "card", &w)?;
        if !seen.contains_key(&card_id) {
            return Err(bad(&w, "names a card the backup does not hold"));
        }
        let rating = u8::try_from(int(e, "rating", &w)?).ok().and_then(Rating::from_u8).ok_or_else(|| bad(&w, "the rating must be 1 to 4"))?;
        b.log.push(LogEntry {
            card_id,
            at_ms: int(e, "at", &w)?,
            rating,
            phase_before: Phase::from_code(&text(e, "phaseBefore", &w)?).ok_or_else(|| bad(&w, "unknown phase"))?,
            duration_ms: u32::try_from(int(e, "durationMs", &w)?).map_err(|_| bad(&w, "the duration is out of range"))?.min(LogEntry::MAX_DURATION_MS),
        });
    }
    Ok(b)
}

// ---------------------------------------------------------------- what an import would do

/// What an import would do, shown before the person confirms.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Preview {
    /// New cards, in file order.
    pub add: Vec<Card>,
    /// Cards whose id (a backup's id or an Anki GUID seen before) is already in the collection.
    pub update: Vec<Card>,
    /// Duplicates by question text (of a card already there, or earlier in the file).
    pub skipped: usize,
    pub errors: Vec<LineError>,
}

/// Compares what a file holds with the collection. Nothing changes until `apply`.
pub fn preview(col: &Collection, parsed: Parsed) -> Preview {
    let mut out = Preview { errors: parsed.errors, ..Preview::default() };
    let mut questions: HashMap<String, usize> = col.cards.iter().map(|c| (normalise(&c.question), 0)).collect();
    for incoming in parsed.cards {
        let mut card = incoming.card;
        if let Some(id) = incoming.id.filter(|id| col.card(id).is_some()) {
            card.id = id;
            if col.card(&card.id) != Some(&card) {
                out.update.push(card);
            } else {
                out.skipped += 1;
            }
            continue;
        }
        if questions.insert(normalise(&card.question), 0).is_some() {
            out.skipped += 1;
            continue;
        }
        while col.card(&card.id).is_some() || out.add.iter().any(|c| c.id == card.id) {
            card.id = format!("{}x", card.id);
        }
        out.add.push(card);
    }
    out
}

/// Applies a confirmed preview: updated cards keep their progress, new cards start new.
pub fn apply(col: &mut Collection, preview: &Preview) {
    let mut cards = col.cards.clone();
    for u in &preview.update {
        if let Some(c) = cards.iter_mut().find(|c| c.id == u.id) {
            *c = u.clone();
        }
    }
    cards.extend(preview.add.iter().cloned());
    let rebuilt = Collection::new(cards, std::mem::take(&mut col.progress), std::mem::take(&mut col.log), col.settings);
    let interviews = std::mem::take(&mut col.interviews);
    *col = rebuilt;
    col.interviews = interviews;
}

/// The cards of a backup, as an import reads them (matched by id).
pub fn backup_cards(backup: &Backup) -> Parsed {
    Parsed { cards: backup.cards.iter().enumerate().map(|(i, c)| Incoming { line: i + 1, id: Some(c.id.clone()), card: c.clone() }).collect(), errors: vec![] }
}

/// Applies a confirmed backup import. Cards are added and updated as the preview says, built-in
/// cards deleted in the backup are deleted; each card takes the backup's schedule where it is newer
/// (or the only one); review logs are merged (an entry of the same card at the same moment once).
/// Into a collection with no reviews yet (a new device, or after a wipe) the backup's settings,
/// interviews and suspensions come too, so the result is the collection that was exported.
pub fn apply_backup(col: &mut Collection, backup: &Backup, preview: &Preview) {
    let fresh = col.log.is_empty() && col.progress.is_empty();
    apply(col, preview);
    for id in &backup.deleted {
        col.remove_card(id);
    }
    for (id, p) in &backup.progress {
        if col.card(id).is_none() {
            continue;
        }
        let newer = col.progress.get(id).is_none_or(|mine| p.last_review_ms > mine.last_review_ms);
        if newer {
            col.progress.insert(id.clone(), *p);
        }
    }
    let review = |e: &LogEntry| format!("{}\t{}", e.card_id, e.at_ms);
    let known: HashMap<String, usize> = col.log.iter().map(|e| (review(e), 0)).collect();
    let extra: Vec<LogEntry> = backup.log.iter().filter(|e| !known.contains_key(&review(e))).cloned().collect();
    col.log.extend(extra);
    sort_by_key(&mut col.log, |e| e.at_ms);
    if fresh {
        col.settings = backup.settings;
        col.interviews = backup.interviews.clone();
        col.suspended = backup.suspended.clone();
    } else {
        for id in &backup.suspended {
            col.set_suspended(id, true);
        }
    }
}

/// The collection a backup restores: its cards, schedule, log, settings and interviews, exactly.
pub fn restore(backup: Backup) -> Collection {
    let mut col = Collection::new(backup.cards, backup.progress, backup.log, backup.settings);
    col.interviews = backup.interviews;
    col.suspended = backup.suspended;
    col
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::clock::Clock;
    use crate::domain::deck;
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
    fn html_is_reduced_to_text_and_never_kept_as_markup() {
        assert_eq!(html_to_text("<ul><li>one</li><li>two</li></ul>"), "• one\n• two");
        assert_eq!(html_to_text("a<script>alert(1)</script>b<style>p{}</style>c"), "abc");
        assert_eq!(html_to_text("<img src=x onerror=alert(1)>x &lt;b&gt; &#65;&#x42; &bogus; 3 < 4"), "x <b> AB &bogus; 3 < 4");
        assert_eq!(html_to_text("<p>para</p><p>two</p>"), "para\ntwo");
    }

    #[test]
    fn the_import_preview_adds_updates_and_skips() {
        let mut col = Collection::new(deck::built_in(), HashMap::new(), vec![], Settings::default());
        let first = col.cards[0].clone();
        let mut edited = first.clone();
        edited.answer = "My own version.".into();
        let parsed = Parsed {
            cards: vec![
                Incoming { line: 1, id: Some(first.id.clone()), card: edited.clone() },
                Incoming { line: 2, id: None, card: Card { question: first.question.to_uppercase(), ..first.clone() } },
                Incoming { line: 3, id: None, card: Card { id: own_id("New one?"), question: "New one?".into(), ..first.clone() } },
                Incoming { line: 4, id: None, card: Card { id: own_id("new ONE"), question: "new ONE".into(), ..first.clone() } },
            ],
            errors: vec![LineError { line: 5, message: "x".into() }],
        };
        let p = preview(&col, parsed);
        assert_eq!((p.add.len(), p.update.len(), p.skipped, p.errors.len()), (1, 1, 2, 1));
        let before = col.cards.len();
        col.progress.insert(first.id.clone(), Progress { reps: 3, ..Progress::default() });
        apply(&mut col, &p);
        assert_eq!(col.cards.len(), before + 1);
        assert_eq!(col.card(&first.id).unwrap().answer, "My own version.");
        assert_eq!(col.progress_of(&first.id).reps, 3, "an update keeps the schedule");
        assert!(col.card(&own_id("New one?")).is_some());
    }

    fn studied() -> Collection {
        let mut col = Collection::new(deck::built_in(), HashMap::new(), vec![], Settings { new_per_day: 7, rehearse: true, ..Settings::default() });
        let ids: Vec<String> = col.cards.iter().take(6).map(|c| c.id.clone()).collect();
        let mut t = 1_795_600_000_000;
        for (k, id) in ids.iter().enumerate() {
            for r in [Rating::Again, Rating::Good, Rating::Hard, Rating::Easy].iter().take(k % 4 + 1) {
                col.grade(id, *r, Clock::new(t, 60), 12_345).unwrap();
                t += 86_400_000;
            }
        }
        col.cards.push(Card { id: own_id("My story?"), theme: Theme::Own, tags: vec!["mine".into()], question: "My story?".into(), answer: "Line one\n\"two\"\t<b>".into(), key_points: vec![], synonyms: vec![] });
        col
    }

    #[test]
    fn backup_export_wipe_import_restores_an_identical_collection() {
        let col = studied();
        let text = write_backup(&col, &deck::built_in(), 1_795_700_000_000);
        let back = restore(read_backup(&text).unwrap());
        assert_eq!(back.cards, col.cards);
        assert_eq!(back.progress, col.progress, "memory states bit for bit");
        assert_eq!(back.log, col.log);
        assert_eq!(back.settings, col.settings);
        assert_eq!(back.interviews, col.interviews);
        let clock = Clock::new(1_795_900_000_000, 60);
        assert_eq!(crate::domain::session::build(&back, clock).next, crate::domain::session::build(&col, clock).next, "the same schedule");
    }

    #[test]
    fn importing_a_backup_into_a_wiped_app_gives_back_the_same_collection() {
        let mut col = studied();
        let deck = deck::built_in();
        let gone = col.cards[10].id.clone();
        col.remove_card(&gone);
        col.set_suspended(&col.cards[2].id.clone(), true);
        col.settings.answer_seconds = 75;
        let mut edited = col.cards[0].clone();
        edited.question = "My own wording of it?".into();
        col.put_card(edited);
        let file = write_backup(&col, &deck, 42);
        let mut wiped = Collection::new(deck.clone(), HashMap::new(), vec![], Settings::default());
        let backup = read_backup(&file).unwrap();
        let p = preview(&wiped, backup_cards(&backup));
        assert_eq!((p.add.len(), p.update.len(), p.skipped), (1, 1, col.cards.len() - 2));
        apply_backup(&mut wiped, &backup, &p);
        assert_eq!(wiped.cards, col.cards);
        assert_eq!(wiped.progress, col.progress);
        assert_eq!(wiped.log, col.log);
        assert_eq!((wiped.settings, &wiped.suspended), (col.settings, &col.suspended));
        // Importing it again changes nothing.
        let again = preview(&wiped, backup_cards(&backup));
        assert_eq!((again.add.len(), again.update.len()), (0, 0));
        let before = wiped.log.len();
        apply_backup(&mut wiped, &backup, &again);
        assert_eq!(wiped.log.len(), before, "the same reviews are not added twice");
    }

    #[test]
    fn a_damaged_or_foreign_backup_is_refused_with_a_reason() {
        let text = write_backup(&studied(), &deck::built_in(), 1);
        assert!(read_backup(&text.replace("Second Round", "Other")).unwrap_err().contains("not a Second Round backup"));
        assert!(read_backup(&text.replace("\"backupVersion\":1", "\"backupVersion\":9")).unwrap_err().contains("newer version"));
        assert!(read_backup(&text.replace("\"rating\":1", "\"rating\":7")).unwrap_err().contains("rating must be 1 to 4"));
        assert!(read_backup(&text[..text.len() / 2]).unwrap_err().starts_with("line 1"));
        assert!(read_backup("{\"app\":\"Second Round\",\"backupVersion\":1,\"exportedAt\":0,\"cards\":[{\"id\":\"a\"}],\"log\":[]}").unwrap_err().contains("card a: \"theme\" is missing"));
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
        fn the_readers_never_panic(text in any::<String>()) {
            let _ = read_anki(&text);
            let _ = read_csv(&text);
            let _ = read_backup(&text);
            let _ = html_to_text(&text);
        }

        #[test]
        fn headed_and_quoted_text_never_panics(text in "(#separator:[a-z|;,]{0,6}\n|#html:(true|false)\n|#tags column:[0-9]\n|#guid column:[0-9]\n|#columns:[a-z \t]{0,12}\n){0,4}[\"\t,;a-z<>&#\n ]{0,60}") {
            let _ = read_anki(&text);
            let _ = read_csv(&text);
        }

        #[test]
        fn anki_text_round_trips(q in field(), a in field(), points in prop::collection::vec("[a-z ]{1,12}", 0..3)) {
            let points: Vec<String> = points.into_iter().map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect();
            let card = Card { id: own_id(&q), theme: Theme::Own, tags: vec![], question: q.trim().to_string(), answer: a.trim().to_string(), key_points: points, synonyms: vec![] };
            let p = read_anki(&write_anki(std::slice::from_ref(&card)));
            prop_assert!(p.errors.is_empty(), "{:?}", p.errors);
            prop_assert_eq!(&p.cards[0].card.question, &card.question);
            prop_assert_eq!(&p.cards[0].card.answer, &card.answer.replace("\r\n", "\n"));
            prop_assert_eq!(&p.cards[0].card.key_points, &card.key_points);
        }

        #[test]
        fn backups_round_trip(q in field(), a in field(), tags in prop::collection::vec("[a-z]{1,8}", 0..3)) {
            let mut col = studied();
            col.cards.push(Card { id: "own-x".into(), theme: Theme::Own, tags, question: q, answer: a, key_points: vec![], synonyms: vec![] });
            let back = restore(read_backup(&write_backup(&col, &[], 5)).unwrap());
            prop_assert_eq!(back.cards, col.cards);
        }
    }
}
