//! Thank-you notes: one draft per interviewer, composed from a template that never leaves a
//! blank — a part the person has not given is left out with its sentence, never shown as a gap
//! or a placeholder — and the `mailto:` link that opens it in the mail app.

use super::round::{Round, Thanks};

/// The parts of one note.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parts<'a> {
    /// The interviewer's name.
    pub name: &'a str,
    pub company: &'a str,
    pub role: &'a str,
    /// One specific point discussed with them.
    pub point: &'a str,
    /// What the person would bring.
    pub bring: &'a str,
    /// The next step they mentioned.
    pub next: &'a str,
}

/// A composed note.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub subject: String,
    pub body: String,
}

/// Text as a part of a sentence: spaces joined, the end's full stop dropped (the sentence adds
/// its own).
fn clause(text: &str) -> String {
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    t.trim_end_matches(['.', ';', ',', ':']).trim().to_string()
}

/// A clause going inside a sentence: its first word in lower case when it is an ordinary
/// capitalised word ("Safe staffing" → "safe staffing", "The rota" → "the rota"); "I", acronyms
/// ("ICU") and words in capitals further on ("Month-end at Northwind" stays… "month-end at
/// Northwind") keep theirs; a first word followed by another capitalised one ("Canal Street") is
/// taken for a name and kept.
fn inside(text: &str) -> String {
    let mut words = text.split(' ');
    let first = words.next().unwrap_or("");
    let second = words.next().unwrap_or("");
    let mut chars = first.chars();
    let ordinary = match (chars.next(), chars.next()) {
        (Some(c), Some(d)) => c.is_ascii_uppercase() && !d.is_ascii_uppercase() && d.is_alphabetic(),
        _ => false,
    };
    let name_follows = second.chars().next().is_some_and(|c| c.is_ascii_uppercase());
    if ordinary && !name_follows {
        let mut out = first[..1].to_ascii_lowercase();
        out.push_str(&text[1..]);
        out
    } else {
        text.to_string()
    }
}

/// The note from its parts. Every sentence is whole whatever is missing.
pub fn compose(p: &Parts) -> Note {
    let name = clause(p.name);
    let (company, role, point, bring, next) = (clause(p.company), clause(p.role), clause(p.point), clause(p.bring), clause(p.next));
    let what = match (role.is_empty(), company.is_empty()) {
        (false, false) => format!("the {role} role at {company}"),
        (false, true) => format!("the {role} role"),
        (true, false) => format!("the role at {company}"),
        (true, true) => "the role".to_string(),
    };
    let subject = match (role.is_empty(), company.is_empty()) {
        (false, _) => format!("Thank you: {role} interview"),
        (true, false) => format!("Thank you: interview at {company}"),
        (true, true) => "Thank you for the interview".to_string(),
    };
    let mut paragraphs: Vec<String> = Vec::new();
    paragraphs.push(if name.is_empty() { "Hello,".to_string() } else { format!("Dear {name},") });
    let mut first = format!("Thank you for taking the time to meet me about {what}.");
    if !point.is_empty() {
        first.push_str(&format!(" I particularly valued what we discussed: {}.", inside(&point)));
    }
    paragraphs.push(first);
    let keen = if company.is_empty() {
        "I am even more interested in the role now".to_string()
    } else {
        format!("I am even more interested in joining {company} now")
    };
    paragraphs.push(if bring.is_empty() {
        format!("{keen}.")
    } else {
        format!("{keen}, and I am confident I would bring {}.", inside(&bring))
    });
    paragraphs.push(if next.is_empty() {
        "I look forward to hearing from you about the next step.".to_string()
    } else {
        format!("You mentioned that {}. I look forward to hearing from you.", inside(&next))
    });
    paragraphs.push("Best wishes".to_string());
    Note { subject, body: paragraphs.join("\n\n") }
}

/// The parts of a note to `name` for this interview: the point from what that person said in the
/// round-one notes, what the person would bring from the plan sheet's three things, the next step
/// from the decision date (`decide`: "Fri 11 Dec") — each as kept in the draft when it was edited.
pub fn draft(round: &Round, name: &str, decide: Option<&str>) -> Thanks {
    let key = crate::domain::fold(name.trim());
    if let Some(t) = round.thanks.iter().find(|t| crate::domain::fold(t.name.trim()) == key) {
        return t.clone();
    }
    let said = round.people.iter().find(|p| crate::domain::fold(p.name.trim()) == key).map(|p| clause(&p.said)).unwrap_or_default();
    let things: Vec<String> = round.remember.iter().map(|r| inside(&clause(r))).filter(|r| !r.is_empty()).collect();
    let bring = match things.len() {
        0 => String::new(),
        1 => things[0].clone(),
        n => format!("{} and {}", things[..n - 1].join(", "), things[n - 1]),
    };
    let next = decide.map(|d| format!("you plan to decide by {d}")).unwrap_or_default();
    Thanks { name: name.trim().to_string(), point: said, bring, next, ..Thanks::default() }
}

/// The note a draft stands for: as the person edited it, or composed from its parts.
pub fn note(round: &Round, t: &Thanks) -> Note {
    let composed =
        compose(&Parts { name: &t.name, company: &round.company, role: &round.role, point: &t.point, bring: &t.bring, next: &t.next });
    if t.body.trim().is_empty() {
        composed
    } else {
        Note { body: t.body.clone(), ..composed }
    }
}

/// Percent-encodes for a `mailto:` URL (RFC 6068): everything but unreserved characters; line
/// breaks as CRLF.
fn encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.replace("\r\n", "\n").replace('\n', "\r\n").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `mailto:<address>?subject=…&body=…`, for the mail app to open with the note written.
pub fn mailto(email: &str, note: &Note) -> String {
    let to: String = email.trim().chars().filter(|c| !c.is_whitespace() && !matches!(c, '?' | '&' | '#' | '<' | '>' | '"')).collect();
    format!("mailto:{}?subject={}&body={}", encode(&to).replace("%40", "@"), encode(&note.subject), encode(&note.body))
}

#[cfg(test)]
mod tests {
    use super::super::round::Person;
    use super::*;
    use proptest::prelude::*;

    /// What a blank or a placeholder left in a note looks like.
    fn blanks(note: &Note) -> Vec<String> {
        let mut found = Vec::new();
        for text in [&note.subject, &note.body] {
            for bad in [
                "{",
                "}",
                "[",
                "]",
                "<",
                ">",
                "__",
                "  ",
                " ,",
                " .",
                "..",
                ",.",
                "Dear ,",
                "about .",
                "bring .",
                "that .",
                ": role",
                "the  role",
                "at .",
                "\n\n\n",
            ] {
                if text.contains(bad) {
                    found.push(format!("{bad:?} in {text:?}"));
                }
            }
            for line in text.lines() {
                if line != line.trim() {
                    found.push(format!("untrimmed line {line:?}"));
                }
            }
        }
        found
    }

    #[test]
    fn a_note_with_every_part_reads_whole() {
        let n = compose(&Parts {
            name: "Priya",
            company: "Northwind",
            role: "Analyst",
            point: "The month-end close taking nine days.",
            bring: "ten years of reconciliations and a fix that cut errors by 80%",
            next: "you plan to decide by Fri 11 Dec",
        });
        assert_eq!(n.subject, "Thank you: Analyst interview");
        assert_eq!(
            n.body,
            "Dear Priya,\n\nThank you for taking the time to meet me about the Analyst role at Northwind. I particularly valued what we discussed: the month-end close taking nine days.\n\nI am even more interested in joining Northwind now, and I am confident I would bring ten years of reconciliations and a fix that cut errors by 80%.\n\nYou mentioned that you plan to decide by Fri 11 Dec. I look forward to hearing from you.\n\nBest wishes"
        );
        assert!(blanks(&n).is_empty(), "{:?}", blanks(&n));
    }

    #[test]
    fn any_part_missing_leaves_no_blank() {
        let full = ["Priya", "Northwind", "Analyst", "the rota", "calm under pressure", "a second round next week"];
        for mask in 0..64u32 {
            let v: Vec<&str> = (0..6).map(|i| if mask & (1 << i) != 0 { full[i] } else { "" }).collect();
            let n = compose(&Parts { name: v[0], company: v[1], role: v[2], point: v[3], bring: v[4], next: v[5] });
            assert!(blanks(&n).is_empty(), "{mask:06b}: {:?}", blanks(&n));
            for (i, part) in v.iter().enumerate() {
                if !part.is_empty() {
                    assert!(n.body.contains(part) || n.subject.contains(part), "{mask:06b}: part {i} {part:?} missing");
                }
            }
        }
        let empty = compose(&Parts::default());
        assert!(empty.body.starts_with("Hello,\n\nThank you for taking the time to meet me about the role."));
    }

    proptest! {
        #[test]
        fn notes_from_any_words_leave_no_blank(parts in prop::collection::vec("[a-zA-Z0-9'%]{0,12}( [a-zA-Z0-9'%]{1,12}){0,3}[.]?", 6)) {
            let n = compose(&Parts { name: &parts[0], company: &parts[1], role: &parts[2], point: &parts[3], bring: &parts[4], next: &parts[5] });
            prop_assert!(blanks(&n).is_empty(), "{:?}", blanks(&n));
        }
    }

    #[test]
    fn drafts_take_their_parts_from_the_notes_and_the_plan() {
        let round = Round {
            company: "Northwind".into(),
            role: "Analyst".into(),
            people: vec![Person { name: "Priya Shah".into(), role: "Head of Finance".into(), said: "Month-end takes nine days.".into() }],
            remember: vec!["ten years of reconciliations".into(), "".into(), "calm at month-end.".into()],
            ..Round::default()
        };
        let d = draft(&round, " priya shah ", Some("Fri 11 Dec"));
        assert_eq!(
            (d.point.as_str(), d.bring.as_str(), d.next.as_str()),
            ("Month-end takes nine days", "ten years of reconciliations and calm at month-end", "you plan to decide by Fri 11 Dec")
        );
        let n = note(&round, &d);
        assert!(n.body.contains("what we discussed: month-end takes nine days."), "{}", n.body);
        let tom = draft(&round, "Tom", None);
        assert!(blanks(&note(&round, &tom)).is_empty());
        // An edited draft is kept as edited.
        let edited =
            Round { thanks: vec![Thanks { name: "Tom".into(), body: "Dear Tom, thanks!".into(), ..Thanks::default() }], ..round.clone() };
        assert_eq!(note(&edited, &draft(&edited, "tom", None)).body, "Dear Tom, thanks!");
    }

    #[test]
    fn notes_are_lower_cased_into_the_sentence_but_names_and_acronyms_are_kept() {
        assert_eq!(inside("Safe staffing on nights"), "safe staffing on nights");
        assert_eq!(inside("Five years on an acute ward"), "five years on an acute ward");
        assert_eq!(inside("ICU staffing"), "ICU staffing");
        assert_eq!(inside("I fixed it"), "I fixed it");
        assert_eq!(inside("Canal Street moves"), "Canal Street moves");
        assert_eq!(inside("Month-end at Northwind"), "month-end at Northwind");
        assert_eq!(inside(""), "");
    }

    #[test]
    fn the_mail_link_carries_subject_and_body_encoded() {
        let n = Note { subject: "Thank you: Analyst interview".into(), body: "Dear Priya,\n\nCut 80% & more?".into() };
        assert_eq!(mailto("priya@northwind.example", &n), "mailto:priya@northwind.example?subject=Thank%20you%3A%20Analyst%20interview&body=Dear%20Priya%2C%0D%0A%0D%0ACut%2080%25%20%26%20more%3F");
        assert!(mailto("", &n).starts_with("mailto:?subject="));
        assert!(mailto("a@b.c?cc=x", &n).starts_with("mailto:a@b.ccc%3Dx?"), "no header smuggled in: {}", mailto("a@b.c?cc=x", &n));
    }
}
