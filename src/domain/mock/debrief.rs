//! After the mock: each question's figures (time against the guidance, words, fillers, key points
//! hit, STAR and a number on stories, "I" against "we") from the same analysis rehearse mode uses,
//! a suggested grade, a summary, the grades saved as ordinary FSRS reviews at the time of each
//! answer, and the record the history keeps.

use super::order::Segment;
use super::run::{Answer, Mock};
use crate::domain::card::{Card, Rating};
use crate::domain::collection::{Collection, LogEntry};
use crate::domain::insights::{self, KeyPointHit, Kind, Star};
use crate::domain::merge;
use crate::domain::Clock;

/// One question's debrief.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionDebrief {
    pub step: usize,
    pub card_id: String,
    pub segment: Segment,
    pub question: String,
    /// The main answer (none: the mock ended before it).
    pub answer: Option<Answer>,
    /// The follow-up asked, and its answer.
    pub follow_up: Option<(String, Option<Answer>)>,
    /// The time its kind of question wants, in seconds.
    pub guidance: (u32, u32),
    pub seconds: u32,
    /// Words of the answer and its follow-up.
    pub words: usize,
    pub fillers: usize,
    /// Key points, hit or not by the answer and its follow-up together.
    pub key_points: Vec<KeyPointHit>,
    /// Story cards only.
    pub star: Option<Star>,
    pub i_count: usize,
    pub we_count: usize,
    pub we_hint: bool,
    pub length_hint: Option<&'static str>,
    /// None when nothing was typed or transcribed: the grade is the person's own call.
    pub suggested: Option<Rating>,
}

impl QuestionDebrief {
    pub fn hits(&self) -> usize {
        self.key_points.iter().filter(|k| k.hit).count()
    }

    /// How well it went, 0–100: the share of key points hit, less a tenth for running over time.
    pub fn score(&self) -> u32 {
        if self.answer.is_none() || self.key_points.is_empty() {
            return 0;
        }
        let share = (self.hits() * 100 / self.key_points.len()) as u32;
        if self.seconds > self.guidance.1 {
            share.saturating_sub(10)
        } else {
            share
        }
    }

    /// Seconds of the answer and its follow-up.
    pub fn total_seconds(&self) -> u32 {
        self.seconds + self.follow_up.as_ref().and_then(|(_, a)| a.as_ref()).map_or(0, |a| a.seconds)
    }
}

/// The debrief of every question asked.
#[derive(Debug, Clone, PartialEq)]
pub struct Debrief {
    pub questions: Vec<QuestionDebrief>,
    pub summary: Summary,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Questions answered (follow-ups not counted).
    pub answered: usize,
    pub asked: usize,
    /// Answer time in all, follow-ups included, pauses left out.
    pub seconds: u32,
    /// The step it went best and worst on (none when every answer scored the same).
    pub best: Option<usize>,
    pub worst: Option<usize>,
    /// Up to three cards to drill next, the weakest first.
    pub drill: Vec<String>,
}

/// One question's figures.
pub fn question(
    card: &Card,
    step: usize,
    segment: Segment,
    answer: Option<&Answer>,
    follow_up: Option<(String, Option<Answer>)>,
) -> QuestionDebrief {
    let kind = Kind::of(card);
    let r = kind.ideal_seconds();
    let guidance = (*r.start() as u32, *r.end() as u32);
    let main = answer.map_or("", |a| a.text.as_str());
    let follow_text = follow_up.as_ref().and_then(|(_, a)| a.as_ref()).map_or("", |a| a.text.as_str());
    let both = format!("{main}\n{follow_text}");
    let seconds = answer.map_or(0, |a| a.seconds);
    let ins = insights::analyse(card, main, seconds as usize, guidance.1 as usize);
    let all = insights::analyse(card, &both, seconds as usize, guidance.1 as usize);
    let words = all.words;
    QuestionDebrief {
        step,
        card_id: card.id.clone(),
        segment,
        question: card.question.clone(),
        answer: answer.cloned(),
        follow_up,
        guidance,
        seconds,
        words,
        fillers: all.fillers.iter().map(|(_, n)| n).sum(),
        suggested: (answer.is_some() && words > 0).then_some(all.suggested),
        key_points: all.key_points,
        star: all.star,
        i_count: all.i_count,
        we_count: all.we_count,
        we_hint: all.we_hint,
        length_hint: ins.length_hint,
    }
}

/// The debrief of a mock: each card as the person's track sees it.
pub fn debrief(mock: &Mock, col: &Collection) -> Debrief {
    let mut questions = Vec::new();
    for (i, step) in mock.steps.iter().enumerate() {
        let Some(card) = col.card(&step.card_id) else { continue };
        let (main, follow) = &mock.answers[i];
        if main.is_none() && i >= mock.at {
            // Not reached: the mock ended early.
            continue;
        }
        let card = card.for_track(mock.track);
        let follow_up = step.probe.and_then(|p| card.probes.get(p)).filter(|_| main.is_some()).map(|q| (q.clone(), follow.clone()));
        questions.push(question(&card, i, step.segment, main.as_ref(), follow_up));
    }
    let summary = summarise(&questions, mock.steps.len());
    Debrief { questions, summary }
}

fn summarise(questions: &[QuestionDebrief], asked: usize) -> Summary {
    let answered: Vec<&QuestionDebrief> = questions.iter().filter(|q| q.answer.is_some()).collect();
    let seconds = questions.iter().map(|q| q.total_seconds()).sum();
    // Best: the highest score (the earlier on a tie); worst: the lowest (the later on a tie).
    let best = answered.iter().fold(None::<&&QuestionDebrief>, |b, q| if b.is_none_or(|b| q.score() > b.score()) { Some(q) } else { b });
    let worst = answered.iter().fold(None::<&&QuestionDebrief>, |w, q| if w.is_none_or(|w| q.score() <= w.score()) { Some(q) } else { w });
    let mut by_score: Vec<&QuestionDebrief> = questions.iter().collect();
    crate::domain::sort_by_key(&mut by_score, |q| q.score());
    let drill = by_score.iter().take(3).map(|q| q.card_id.clone()).collect();
    Summary {
        answered: answered.len(),
        asked,
        seconds,
        // Named only when one answer went better than another.
        best: best.filter(|b| worst.is_some_and(|w| b.score() > w.score())).map(|q| q.step),
        worst: worst.filter(|w| best.is_some_and(|b| b.score() > w.score())).map(|q| q.step),
        drill,
    }
}

/// Saves the confirmed grades (step, grade) as ordinary FSRS reviews, each at the moment its answer
/// ended (its follow-up's when it had one) with the time it took. A review after every other in
/// the log goes through `Collection::grade`; one older than a review made meanwhile (the mock was
/// left for a session and finished later) is merged into the log in time order and the card's
/// schedule replayed, as another tab's review is. Once only: a saved mock saves nothing again.
/// Returns the reviews written, in the order given.
pub fn save_grades(mock: &mut Mock, col: &mut Collection, grades: &[(usize, Rating)], utc_offset_min: i32) -> Vec<LogEntry> {
    if mock.saved {
        return Vec::new();
    }
    let mut written = Vec::new();
    let mut ordered: Vec<(i64, u32, &str, Rating)> = grades
        .iter()
        .filter_map(|&(i, rating)| {
            let step = mock.steps.get(i)?;
            let (main, follow) = mock.answers.get(i)?;
            let main = main.as_ref()?;
            let at = follow.as_ref().map_or(main.at_ms, |f| f.at_ms);
            let ms = (main.seconds + follow.as_ref().map_or(0, |f| f.seconds)) * 1000;
            Some((at, ms, step.card_id.as_str(), rating))
        })
        .collect();
    crate::domain::sort_by_key(&mut ordered, |e| e.0);
    for (at_ms, ms, id, rating) in ordered {
        if col.card(id).is_none() {
            continue;
        }
        let latest = col.log.last().map_or(i64::MIN, |e| e.at_ms);
        if at_ms >= latest {
            if col.grade(id, rating, Clock::new(at_ms, utc_offset_min), ms).is_some() {
                written.extend(col.log.last().cloned());
            }
        } else {
            let before: Vec<&LogEntry> = col.log.iter().filter(|e| e.card_id == id && e.at_ms < at_ms).collect();
            let phase_before = merge::card_state(&col.settings.scheduler(), &before, &[]).unwrap_or_default().phase;
            let entry = LogEntry { card_id: id.to_string(), at_ms, rating, phase_before, duration_ms: ms.min(LogEntry::MAX_DURATION_MS) };
            if col.merge_log(vec![entry.clone()]).0 == 1 {
                written.push(entry);
            }
        }
    }
    mock.saved = true;
    written
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::domain::card::{Phase, Track};
    use crate::domain::collection::Settings;
    use crate::domain::deck;
    use crate::domain::mock::order::{build, Length};
    use std::collections::HashMap;

    pub(in crate::domain::mock) const T0: i64 = 1_795_564_800_000 + 9 * 3_600_000;

    pub(in crate::domain::mock) fn col() -> Collection {
        Collection::new(deck::built_in(), HashMap::new(), vec![], Settings::default())
    }

    const STORY: &str = "At the time our four depots sent orders by email and one in twenty went out wrong. I was asked to fix it, \
        so I mapped how an order travelled and I proposed one shared system. I trained twelve colleagues myself. As a result \
        errors fell by 80% within six months.";

    /// A mock of ten minutes, answered: the story with a good answer over time, the rest short.
    pub(in crate::domain::mock) fn answered(c: &Collection) -> Mock {
        let steps = build(c, Clock::new(T0, 0), None, Length::Ten, 3, 50);
        let mut m = Mock::new(steps, 3, T0, Length::Ten, Some("Acme".into()), Track::Office);
        let mut t = T0;
        while let Some(step) = m.step().cloned() {
            t += if step.segment == Segment::Stories { 150_000 } else { 30_000 };
            let text = if step.segment == Segment::Stories { STORY } else { "Um, like, we basically did it." };
            m.answer(t, text, false);
        }
        m
    }

    #[test]
    fn each_question_has_its_figures_and_the_summary_names_best_worst_and_what_to_drill() {
        let c = col();
        let m = answered(&c);
        let d = debrief(&m, &c);
        assert_eq!(d.questions.len(), 8);
        let story = d.questions.iter().find(|q| q.segment == Segment::Stories).unwrap();
        let card = c.card(&story.card_id).unwrap();
        assert_eq!(story.guidance, (60, 120));
        assert_eq!(story.seconds, 150, "the main answer's time; its follow-up's counts in the total");
        let star = story.star.clone().expect("STAR on a story card");
        assert!(star.situation && star.task && star.action && star.result && star.measurable, "{star:?}");
        assert_eq!(
            story.words,
            insights::analyse(
                card,
                &format!("{STORY}\n{}", story.follow_up.as_ref().and_then(|f| f.1.as_ref()).map_or("", |a| a.text.as_str())),
                0,
                120
            )
            .words
        );
        assert!(story.i_count >= 4 && !story.we_hint);
        let short = d.questions.iter().find(|q| q.segment == Segment::Money).unwrap();
        assert_eq!(short.guidance, (20, 60));
        assert!(short.star.is_none());
        assert!(short.fillers >= 3, "um, like, basically: {}", short.fillers);
        assert_eq!(short.words, 6 + short.follow_up.as_ref().map_or(0, |_| 6));
        assert_eq!(short.we_count, if short.follow_up.is_some() { 2 } else { 1 });
        assert_eq!(short.suggested, Some(insights::suggest(short.hits(), short.key_points.len(), 30, 60)));
        let total: u32 = d.questions.iter().map(|q| q.total_seconds()).sum();
        assert_eq!(d.summary.seconds, total);
        assert_eq!((d.summary.answered, d.summary.asked), (8, 8));
        let best = d.summary.best.unwrap();
        let worst = d.summary.worst.unwrap();
        assert!(d.questions.iter().all(|q| q.score() <= d.questions.iter().find(|x| x.step == best).unwrap().score()));
        assert!(d.questions.iter().all(|q| q.score() >= d.questions.iter().find(|x| x.step == worst).unwrap().score()));
        assert_eq!(d.summary.drill.len(), 3);
        assert!(!d.summary.drill.contains(&d.questions.iter().find(|q| q.step == best).unwrap().card_id));
    }

    #[test]
    fn a_question_not_typed_has_no_suggestion_and_an_early_end_leaves_the_rest_out() {
        let c = col();
        let steps = build(&c, Clock::new(T0, 0), None, Length::Ten, 3, 0);
        let mut m = Mock::new(steps, 3, T0, Length::Ten, None, Track::Office);
        m.answer(T0 + 20_000, "", true);
        m.answer(T0 + 50_000, "I did it.", false);
        m.finish(T0 + 60_000);
        let d = debrief(&m, &c);
        assert_eq!(d.questions.len(), 2);
        assert_eq!(d.questions[0].suggested, None);
        assert!(d.questions[1].suggested.is_some());
        assert_eq!((d.summary.answered, d.summary.asked), (2, 8));
        let (a, b) = (d.questions[0].score(), d.questions[1].score());
        assert_eq!(d.summary.best.is_some(), a != b, "best and worst only when one went better: {a} {b}");
    }

    #[test]
    fn saved_grades_are_ordinary_reviews_at_the_time_of_each_answer_once() {
        let mut c = col();
        let mut m = answered(&c);
        let before = c.clone();
        let grades: Vec<(usize, Rating)> =
            (0..m.steps.len()).map(|i| (i, [Rating::Good, Rating::Hard, Rating::Again, Rating::Easy][i % 4])).collect();
        let written = save_grades(&mut m, &mut c, &grades, 60);
        assert_eq!(written.len(), 8);
        for (i, step) in m.steps.iter().enumerate() {
            let (main, follow) = &m.answers[i];
            let at = follow.as_ref().map_or(main.as_ref().unwrap().at_ms, |f| f.at_ms);
            let e = c.log.iter().find(|e| e.card_id == step.card_id).unwrap();
            assert_eq!((e.at_ms, e.rating, e.phase_before), (at, grades[i].1, Phase::New));
            let secs = main.as_ref().unwrap().seconds + follow.as_ref().map_or(0, |f| f.seconds);
            assert_eq!(e.duration_ms, secs * 1000);
            let expected = before.settings.scheduler().grade(&before.progress_of(&step.card_id), grades[i].1, at);
            assert_eq!(c.progress_of(&step.card_id), expected, "one FSRS review at the answer's time");
        }
        assert!(c.log.windows(2).all(|w| w[0].at_ms <= w[1].at_ms), "the log stays in time order");
        assert!(save_grades(&mut m, &mut c, &grades, 60).is_empty(), "saved once");
        assert_eq!(c.log.len(), 8);
    }

    #[test]
    fn a_grade_older_than_a_review_made_meanwhile_is_merged_in_time_order() {
        let mut c = col();
        let mut m = answered(&c);
        let id = m.steps[0].card_id.clone();
        let at = m.answers[0].1.as_ref().map_or(m.answers[0].0.as_ref().unwrap().at_ms, |f| f.at_ms);
        // The mock was left before its debrief; the same card was drilled an hour later.
        let later = at + 3_600_000;
        c.grade(&id, Rating::Good, Clock::new(later, 0), 1000).unwrap();
        let written = save_grades(&mut m, &mut c, &[(0, Rating::Again)], 0);
        assert_eq!(written.len(), 1);
        let mine: Vec<(i64, Rating)> = c.log.iter().filter(|e| e.card_id == id).map(|e| (e.at_ms, e.rating)).collect();
        assert_eq!(mine, vec![(at, Rating::Again), (later, Rating::Good)]);
        let s = c.settings.scheduler();
        let replayed = s.grade(&s.grade(&Default::default(), Rating::Again, at), Rating::Good, later);
        assert_eq!(c.progress_of(&id), replayed);
        assert_eq!(written[0].phase_before, Phase::New);
    }
}
