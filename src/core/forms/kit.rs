//! The interview kit's forms: their draft ids, starting values and reading (stories, round-one
//! notes, questions to ask, the plan sheet, the thank-you notes).

use super::Draft;
use crate::domain::kit::{thanks, Competency, Person, Round, Story, Thanks};

/// Draft ids.
pub mod ids {
    pub const TITLE: &str = "st-title";
    pub const SITUATION: &str = "st-situation";
    pub const TASK: &str = "st-task";
    pub const ACTION: &str = "st-action";
    pub const RESULT: &str = "st-result";
    pub const OWN: &str = "st-own";
    pub fn shows(key: &str) -> String {
        format!("st-c-{key}")
    }
    pub fn person(part: &str, i: usize) -> String {
        format!("p-{part}-{i}")
    }
    pub const WELL: &str = "n-well";
    pub const ADD: &str = "n-add";
    pub fn answer(i: usize) -> String {
        format!("q-answer-{i}")
    }
    pub const NEW_QUESTION: &str = "q-new";
    pub fn remember(i: usize) -> String {
        format!("pl-r-{i}")
    }
    pub const PLACE: &str = "pl-place";
    pub const MEET: &str = "pl-meet";
    pub fn story(id: &str) -> String {
        format!("pl-s-{id}")
    }
    pub fn body(i: usize) -> String {
        format!("th-body-{i}")
    }
    pub fn email(i: usize) -> String {
        format!("th-email-{i}")
    }
}

fn lines(text: &str) -> Vec<String> {
    text.lines().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect()
}

/// The story form's starting values.
pub fn story_draft(s: Option<&Story>) -> Draft {
    let s = s.cloned().unwrap_or_default();
    let mut d = Draft::default()
        .with(ids::TITLE, s.title.clone())
        .with(ids::SITUATION, s.situation.clone())
        .with(ids::TASK, s.task.clone())
        .with(ids::ACTION, s.action.clone())
        .with(ids::RESULT, s.result.clone())
        .with(ids::OWN, s.own.join(", "));
    for c in Competency::ALL {
        d.tick(&ids::shows(c.key()), s.shows_competency(c));
    }
    d
}

/// Reads the story form into a story (`before`: the story edited, whose competency keys this
/// version does not know are kept), or says what is missing.
pub fn read_story(form: &Draft, id: String, before: Option<&Story>, now_ms: i64) -> Result<Story, Vec<String>> {
    let text = |k: &str| form.get(k).trim().to_string();
    if text(ids::TITLE).is_empty() {
        return Err(vec!["Give the story a title: a few words you will know it by.".into()]);
    }
    let mut shows: Vec<String> =
        Competency::ALL.into_iter().filter(|c| form.on(&ids::shows(c.key()))).map(|c| c.key().to_string()).collect();
    if let Some(b) = before {
        shows.extend(b.shows.iter().filter(|k| Competency::from_key(k).is_none()).cloned());
    }
    let mut own: Vec<String> = Vec::new();
    for o in form.get(ids::OWN).split([',', '\n']).map(str::trim).filter(|o| !o.is_empty()) {
        if !own.iter().any(|x| crate::domain::fold(x) == crate::domain::fold(o)) {
            own.push(o.to_string());
        }
    }
    Ok(Story {
        id,
        title: text(ids::TITLE),
        situation: text(ids::SITUATION),
        task: text(ids::TASK),
        action: text(ids::ACTION),
        result: text(ids::RESULT),
        shows,
        own,
        edited: now_ms,
        deleted: false,
    })
}

/// The round-one notes form's starting values (empty rows start empty).
pub fn notes_draft(r: &Round) -> Draft {
    let mut d = Draft::default().with(ids::WELL, r.went_well.clone()).with(ids::ADD, r.add.clone());
    for (i, p) in r.people.iter().enumerate() {
        d.set(&ids::person("name", i), p.name.clone());
        d.set(&ids::person("role", i), p.role.clone());
        d.set(&ids::person("said", i), p.said.clone());
    }
    d
}

/// How many person rows the notes form shows: one per person noted (one at least), and the
/// empty ones asked for.
pub fn people_rows(r: &Round, extra: usize) -> usize {
    r.people.len().max(1) + extra
}

pub fn read_notes(form: &Draft, rows: usize, round: &mut Round) -> Result<(), Vec<String>> {
    let mut people = Vec::new();
    let mut errors = Vec::new();
    for i in 0..rows {
        let get = |part: &str| form.get(&ids::person(part, i)).trim().to_string();
        let p = Person { name: get("name"), role: get("role"), said: get("said") };
        if p.name.is_empty() && !(p.role.is_empty() && p.said.is_empty()) {
            errors.push(format!("Person {}: add their name.", i + 1));
        }
        if !p.name.is_empty() {
            people.push(p);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    round.people = people;
    round.went_well = form.get(ids::WELL).trim().to_string();
    round.add = form.get(ids::ADD).trim().to_string();
    Ok(())
}

pub fn questions_draft(r: &Round) -> Draft {
    let mut d = Draft::default();
    for (i, q) in r.questions.iter().enumerate() {
        d.set(&ids::answer(i), q.answer.clone());
    }
    d
}

pub fn plan_draft(r: &Round, stories: &[Story]) -> Draft {
    let mut d = Draft::default().with(ids::PLACE, r.place.clone());
    let meet = if r.meet.is_empty() {
        r.people.iter().map(|p| if p.role.is_empty() { p.name.clone() } else { format!("{}, {}", p.name, p.role) }).collect()
    } else {
        r.meet.clone()
    };
    d.set(ids::MEET, meet.join("\n"));
    for i in 0..3 {
        d.set(&ids::remember(i), r.remember.get(i).cloned().unwrap_or_default());
    }
    for s in stories.iter().filter(|s| !s.deleted) {
        d.tick(&ids::story(&s.id), r.stories.contains(&s.id));
    }
    d
}

pub fn read_plan(form: &Draft, stories: &[Story], round: &mut Round) {
    round.remember = (0..3).map(|i| form.get(&ids::remember(i)).trim().to_string()).collect();
    while round.remember.last().is_some_and(|r| r.is_empty()) {
        round.remember.pop();
    }
    round.place = form.get(ids::PLACE).trim().to_string();
    round.meet = lines(form.get(ids::MEET));
    round.stories = stories.iter().filter(|s| !s.deleted && form.on(&ids::story(&s.id))).map(|s| s.id.clone()).collect();
}

/// The thank-you notes form: each interviewer's note as it stands (edited, or composed) and
/// their address.
pub fn thanks_draft(r: &Round, decide: Option<&str>) -> Draft {
    let mut d = Draft::default();
    for (i, (name, _)) in r.interviewers().iter().enumerate() {
        let t = thanks::draft(r, name, decide);
        d.set(&ids::body(i), thanks::note(r, &t).body);
        d.set(&ids::email(i), t.email.clone());
    }
    d
}

/// Keeps each interviewer's note: its parts, the text when it differs from the composed one,
/// the address.
pub fn read_thanks(form: &Draft, decide: Option<&str>, round: &mut Round) {
    let mut kept: Vec<Thanks> = Vec::new();
    for (i, (name, _)) in round.interviewers().iter().enumerate() {
        let mut t = thanks::draft(round, name, decide);
        let composed = thanks::note(round, &Thanks { body: String::new(), ..t.clone() }).body;
        let body = form.get(&ids::body(i)).trim().to_string();
        t.body = if body == composed.trim() || body.is_empty() { String::new() } else { body };
        t.email = form.get(&ids::email(i)).trim().to_string();
        kept.push(t);
    }
    // Notes to people no longer named stay (one sent is history).
    for old in &round.thanks {
        if !kept.iter().any(|t| crate::domain::fold(&t.name) == crate::domain::fold(&old.name)) {
            kept.push(old.clone());
        }
    }
    round.thanks = kept;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_story_form_reads_back_what_it_was_filled_with() {
        let s = Story {
            id: "s1".into(),
            title: "Fix".into(),
            situation: "S".into(),
            task: "T".into(),
            action: "A".into(),
            result: "R 80%".into(),
            shows: vec!["accuracy".into(), "later".into()],
            own: vec!["Excel".into(), "SQL".into()],
            edited: 1,
            deleted: false,
        };
        let back = read_story(&story_draft(Some(&s)), "s1".into(), Some(&s), 9).unwrap();
        assert_eq!(back, Story { edited: 9, ..s });
        assert!(read_story(&Draft::default(), "x".into(), None, 1).is_err(), "a title is needed");
        let d = Draft::default().with(ids::TITLE, " T ").with(ids::OWN, "excel, Excel,\nSQL ,");
        assert_eq!(read_story(&d, "x".into(), None, 1).unwrap().own, vec!["excel", "SQL"]);
    }

    #[test]
    fn the_notes_form_keeps_named_people_and_asks_for_missing_names() {
        let mut r = Round::default();
        assert_eq!((people_rows(&r, 0), people_rows(&r, 2)), (1, 3));
        let d = Draft::default().with(&ids::person("name", 0), "Priya").with(&ids::person("said", 0), "Speed").with(ids::WELL, "Rapport");
        read_notes(&d, 2, &mut r).unwrap();
        assert_eq!((r.people.len(), r.went_well.as_str()), (1, "Rapport"));
        assert_eq!(notes_draft(&r).get(&ids::person("said", 0)), "Speed");
        let bad = Draft::default().with(&ids::person("role", 1), "Director");
        assert_eq!(read_notes(&bad, 2, &mut r).unwrap_err(), vec!["Person 2: add their name."]);
    }

    #[test]
    fn the_plan_and_thanks_forms_round_trip() {
        let stories = vec![
            Story { id: "a".into(), title: "A".into(), ..Story::default() },
            Story { id: "b".into(), title: "B".into(), ..Story::default() },
        ];
        let mut r = Round { people: vec![Person { name: "Priya".into(), role: "Head".into(), said: "Speed".into() }], ..Round::default() };
        let d = plan_draft(&r, &stories).with(&ids::remember(0), "One").with(&ids::story("b"), "1");
        assert_eq!(d.get(ids::MEET), "Priya, Head", "who to meet starts from the round-one notes");
        read_plan(&d, &stories, &mut r);
        assert_eq!(
            (r.remember.clone(), r.stories.clone(), r.meet.clone()),
            (vec!["One".to_string()], vec!["b".to_string()], vec!["Priya, Head".to_string()])
        );
        let t = thanks_draft(&r, Some("Fri 11 Dec"));
        assert!(t.get(&ids::body(0)).starts_with("Dear Priya,"));
        read_thanks(&t, Some("Fri 11 Dec"), &mut r);
        assert_eq!(r.thanks.len(), 1);
        assert!(r.thanks[0].body.is_empty(), "unchanged: stays the composed note");
        let edited = t.clone().with(&ids::body(0), "Dear Priya, thank you!").with(&ids::email(0), "p@x.example");
        read_thanks(&edited, None, &mut r);
        assert_eq!((r.thanks[0].body.as_str(), r.thanks[0].email.as_str()), ("Dear Priya, thank you!", "p@x.example"));
    }
}
