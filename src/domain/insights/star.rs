//! STAR signals in a story answer: words that set the situation, name the task, tell what I did
//! and give the result, and whether the result is measurable.

use super::Star;

const SITUATION: &[&str] = &["situation", "when i was", "at the time", "in my last", "in my previous", "we had", "there was", "our team"];
const TASK: &[&str] = &["task", "my job was", "i was asked", "i needed to", "i had to", "responsible", "goal was", "my role"];
const ACTION: &[&str] = &[
    "action",
    "so i ",
    "i decided",
    "i started",
    "i set up",
    "i built",
    "i wrote",
    "i organised",
    "i organized",
    "i led",
    "i spoke",
    "i called",
    "i changed",
    "i proposed",
];
const RESULT: &[&str] =
    &["result", "as a result", "outcome", "which meant", "in the end", "led to", "saved", "cut", "reduced", "increased", "improved"];
/// Words that measure, besides numbers and percentages.
const AMOUNTS: &[&str] = &["percent", "half", "double", "doubled", "third", "quarter"];

/// The signals in an answer (`lower`: folded to lower case; `words`: its words).
pub fn signals(lower: &str, words: &[String]) -> Star {
    let any = |phrases: &[&str]| phrases.iter().any(|p| lower.contains(p));
    Star {
        situation: any(SITUATION),
        task: any(TASK),
        action: any(ACTION),
        result: any(RESULT),
        measurable: words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()) || w.ends_with('%') || AMOUNTS.contains(&w.as_str())),
    }
}
