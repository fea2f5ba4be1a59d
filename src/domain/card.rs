//! What a card is (its content) and where it stands in its schedule (its progress).

use std::borrow::Cow;

/// The nine themes of a second interview, in the order a candidate meets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Theme {
    Plan,
    SellYourself,
    Attributes,
    Interviewers,
    Tricky,
    YourQuestions,
    CulturalFit,
    FollowUp,
    /// Money, notice, start date, counter-offers, references, the decision.
    Offer,
    /// A card of the person's own (an imported or written card without one of the nine themes).
    #[default]
    Own,
}

impl Theme {
    /// The nine themes of the built-in deck (every theme but "Your own").
    pub const DECK: [Theme; 9] = {
        let mut all = [Theme::Plan; 9];
        let mut i = 0;
        while i < 9 {
            all[i] = Theme::WITH_OWN[i];
            i += 1;
        }
        all
    };

    /// The short key used in the deck file.
    pub fn key(self) -> &'static str {
        match self {
            Theme::Plan => "plan",
            Theme::SellYourself => "sell",
            Theme::Attributes => "attributes",
            Theme::Interviewers => "interviewers",
            Theme::Tricky => "tricky",
            Theme::YourQuestions => "questions",
            Theme::CulturalFit => "fit",
            Theme::FollowUp => "follow-up",
            Theme::Offer => "offer",
            Theme::Own => "own",
        }
    }

    /// Every theme a card can have: the nine, in the order a candidate meets them, then "Your own".
    pub const WITH_OWN: [Theme; 10] = [
        Theme::Plan,
        Theme::SellYourself,
        Theme::Attributes,
        Theme::Interviewers,
        Theme::Tricky,
        Theme::YourQuestions,
        Theme::CulturalFit,
        Theme::FollowUp,
        Theme::Offer,
        Theme::Own,
    ];

    pub fn from_key(key: &str) -> Option<Theme> {
        Theme::WITH_OWN.into_iter().find(|t| t.key() == key)
    }

    /// The name a person reads.
    pub fn label(self) -> &'static str {
        match self {
            Theme::Plan => "Have a plan",
            Theme::SellYourself => "Sell yourself",
            Theme::Attributes => "Your attributes",
            Theme::Interviewers => "All kinds of interviewers",
            Theme::Tricky => "Tricky questions",
            Theme::YourQuestions => "Your questions for them",
            Theme::CulturalFit => "Cultural fit",
            Theme::FollowUp => "Follow-up",
            Theme::Offer => "The offer",
            Theme::Own => "Your own",
        }
    }
}

/// The role tracks: whose model answers a person drills. `Office` is the general one (a card's
/// plain answer and key points); the others have their own on the cards that need them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Track {
    #[default]
    Office,
    Graduate,
    Frontline,
    Technical,
    Manager,
}

impl Track {
    pub const ALL: [Track; 5] = [Track::Office, Track::Graduate, Track::Frontline, Track::Technical, Track::Manager];

    /// The key used in the deck (`a.graduate:`) and in settings.
    pub fn key(self) -> &'static str {
        match self {
            Track::Office => "office",
            Track::Graduate => "graduate",
            Track::Frontline => "frontline",
            Track::Technical => "technical",
            Track::Manager => "manager",
        }
    }

    pub fn from_key(key: &str) -> Option<Track> {
        Track::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// A track's own model answer and key points for a card (`a.<track>:` and `k.<track>:`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Variant {
    pub track: Track,
    pub answer: String,
    pub key_points: Vec<String>,
}

/// One flashcard's content.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Card {
    pub id: String,
    pub theme: Theme,
    pub tags: Vec<String>,
    pub question: String,
    /// The model answer of the general (office) track.
    pub answer: String,
    pub key_points: Vec<String>,
    /// Words a rehearsed answer may use for a key point's words (`syn: said = point` in the deck).
    pub synonyms: Vec<(String, String)>,
    /// What the interviewer is really assessing (one line).
    pub why: String,
    /// The common mistake (one line).
    pub avoid: String,
    /// Follow-up questions a second-round interviewer asks next.
    pub probes: Vec<String>,
    /// Other tracks' model answers and key points.
    pub variants: Vec<Variant>,
    /// Why a built-in card left the deck: it stays out of sessions, and a person's progress and
    /// edits on it are kept.
    pub retired: Option<String>,
}

impl Card {
    /// The card as a person on `track` sees it: that track's answer and key points where the card
    /// has them, the general ones otherwise.
    pub fn for_track(&self, track: Track) -> Cow<'_, Card> {
        match self.variants.iter().find(|v| v.track == track && track != Track::Office) {
            Some(v) => Cow::Owned(Card { answer: v.answer.clone(), key_points: v.key_points.clone(), variants: vec![], ..self.clone() }),
            None => Cow::Borrowed(self),
        }
    }

    pub fn variant(&self, track: Track) -> Option<&Variant> {
        self.variants.iter().find(|v| v.track == track)
    }

    pub fn is_retired(&self) -> bool {
        self.retired.is_some()
    }
}

/// The four grades, as Anki names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rating {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Rating {
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    pub fn from_u8(n: u8) -> Option<Rating> {
        match n {
            1 => Some(Rating::Again),
            2 => Some(Rating::Hard),
            3 => Some(Rating::Good),
            4 => Some(Rating::Easy),
            _ => None,
        }
    }

    /// The CSS class of the grade's button.
    pub fn class(self) -> &'static str {
        match self {
            Rating::Again => "again",
            Rating::Hard => "hard",
            Rating::Good => "good",
            Rating::Easy => "easy",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Rating::Again => "Again",
            Rating::Hard => "Hard",
            Rating::Good => "Good",
            Rating::Easy => "Easy",
        }
    }
}

/// Where a card is in its life, as in FSRS and Anki.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Phase {
    #[default]
    New,
    Learning,
    Review,
    Relearning,
}

/// A card's schedule. A card that was never graded has `Progress::default()` and is not stored.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Progress {
    pub phase: Phase,
    /// Index into the learning or relearning steps.
    pub step: u8,
    /// FSRS memory stability, in days (0 while new).
    pub stability: f32,
    /// FSRS difficulty, 1–10 (0 while new).
    pub difficulty: f32,
    /// When the card is next due, milliseconds since the Unix epoch.
    pub due_ms: i64,
    /// When the card was last graded.
    pub last_review_ms: Option<i64>,
    pub reps: u32,
    pub lapses: u32,
}

impl Phase {
    /// The short code used in stored records and the review log.
    pub fn code(self) -> &'static str {
        match self {
            Phase::New => "n",
            Phase::Learning => "l",
            Phase::Review => "r",
            Phase::Relearning => "rl",
        }
    }

    pub fn from_code(code: &str) -> Option<Phase> {
        [Phase::New, Phase::Learning, Phase::Review, Phase::Relearning].into_iter().find(|p| p.code() == code)
    }
}

impl Progress {
    pub fn is_new(&self) -> bool {
        self.phase == Phase::New
    }
    pub fn in_learning(&self) -> bool {
        matches!(self.phase, Phase::Learning | Phase::Relearning)
    }
}
