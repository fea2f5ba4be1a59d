//! The card browser: search, filters, the list (a page at a time), a focused session of what is
//! listed, and the way to the editor and to import and export.

use super::form::Form;
use super::state::{Action, AppState, BrowseChange, Screen};
use super::text_value as value;
use crate::domain::library::{self, CardState, Filter};
use crate::domain::{session, words, Clock, Collection, Phase, Theme};
use yew::prelude::*;

fn themes() -> impl Iterator<Item = Theme> {
    Theme::WITH_OWN.into_iter()
}

/// A card's row status in plain words: "new", "learning · due in 10 minutes", "due today ·
/// weak", "due in 3 days · strong", "suspended"; a review the session brings forward for the
/// interview (`forward`) "due today · brought forward for your interview".
fn status(col: &Collection, id: &str, clock: Clock, forward: &[&str]) -> String {
    if col.is_suspended(id) {
        return "suspended".into();
    }
    let p = col.progress_of(id);
    match p.phase {
        Phase::New => "new".into(),
        Phase::Learning | Phase::Relearning => format!("learning · {}", words::due(p.due_ms, clock)),
        Phase::Review if clock.day_of(p.due_ms) <= clock.today() => format!("due today · {}", words::strength(p.stability)),
        Phase::Review if forward.contains(&id) => "due today · brought forward for your interview".into(),
        Phase::Review => format!("{} · {}", words::due(p.due_ms, clock), words::strength(p.stability)),
    }
}

/// The search box and the filter chips (each a select: the phone shows its choices as a sheet),
/// with the count of what matches and the way to clear the filters.
fn browse_bar(f: &Filter, found: usize, listed: usize, forward: usize, tags: &[String], dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let change = |make: fn(String) -> BrowseChange, id: &'static str| {
        let d = dispatch.clone();
        Callback::from(move |_: Event| d.dispatch(Action::Browse(make(value(id)))))
    };
    let on_query = {
        let d = dispatch.clone();
        Callback::from(move |_: InputEvent| d.dispatch(Action::Browse(BrowseChange::Query(value("f-query")))))
    };
    let on_filter = !f.query.is_empty() || f.theme.is_some() || !f.tag.is_empty() || f.state != CardState::Any;
    let clear = {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            for change in [
                BrowseChange::Query(String::new()),
                BrowseChange::Theme(None),
                BrowseChange::Tag(String::new()),
                BrowseChange::State(CardState::Any),
            ] {
                d.dispatch(Action::Browse(change));
            }
        })
    };
    html! {
        <div class="browse-bar" role="search">
            <label for="f-query" class="sr-only">{ "Search questions and answers" }</label>
            <input id="f-query" type="search" placeholder="Search questions and answers" value={f.query.clone()} oninput={on_query} />
            <div class="chips">
                <select id="f-state" aria-label="State" class={classes!("chip", (f.state != CardState::Any).then_some("on"))}
                    onchange={change(|v| BrowseChange::State(CardState::ALL.into_iter().find(|s| s.key() == v).unwrap_or_default()), "f-state")}>
                    { for CardState::ALL.iter().map(|s| html! { <option value={s.key()} selected={f.state == *s}>{ s.label() }</option> }) }
                </select>
                <select id="f-theme" aria-label="Theme" class={classes!("chip", f.theme.is_some().then_some("on"))}
                    onchange={change(|v| BrowseChange::Theme(Theme::from_key(&v)), "f-theme")}>
                    <option value="" selected={f.theme.is_none()}>{ "All themes" }</option>
                    { for themes().map(|t| html! { <option value={t.key()} selected={f.theme == Some(t)}>{ t.label() }</option> }) }
                </select>
                <select id="f-tag" aria-label="Tag" class={classes!("chip", (!f.tag.is_empty()).then_some("on"))} onchange={change(BrowseChange::Tag, "f-tag")}>
                    <option value="" selected={f.tag.is_empty()}>{ "Any tag" }</option>
                    { for tags.iter().map(|t| html! { <option value={t.clone()} selected={f.tag == *t}>{ t }</option> }) }
                </select>
                <select id="f-sort" aria-label="Order" class="chip" onchange={change(|v| BrowseChange::SortByDue(v == "due"), "f-sort")}>
                    <option value="deck" selected={!f.sort_by_due}>{ "Deck order" }</option>
                    <option value="due" selected={f.sort_by_due}>{ "Soonest due first" }</option>
                </select>
            </div>
            <div class="count-row">
                <p data-testid="match-count" role="status">{ format!("{found} of {listed} cards") }
                    if forward > 0 {
                        <span data-testid="advanced-cards">{ format!(" ({forward} brought forward for your interview)") }</span>
                    }
                </p>
                if on_filter {
                    <button class="link" onclick={clear}>{ "Clear filters" }</button>
                }
            </div>
        </div>
    }
}

/// One row per card listed: its question, theme and where it stands; a tap opens the editor.
fn card_row(state: &AppState, col: &Collection, i: usize, forward: &[&str], dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let c = &col.cards[i];
    let when = status(col, &c.id, state.clock, forward);
    let d = dispatch.clone();
    let id = c.id.clone();
    html! {
        <li>
            <button class="card-row" onclick={Callback::from(move |_: MouseEvent| d.dispatch(Action::Edit(Some(id.clone()))))}>
                <span class="q">{ &c.question }</span>
                <span class="meta">{ format!("{}{} · {when}", c.theme.label(), if c.is_retired() { " · Retired" } else { "" }) }</span>
            </button>
        </li>
    }
}

/// A focused session of some themes (and the tag filtered by), optionally ahead of schedule.
fn focus_start(state: &AppState, f: &Filter, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let form = Form::new(state, dispatch);
    let d = dispatch.clone();
    html! {
        <div class="focus-start">
            <h2>{ "Practise only some cards" }</h2>
            <p class="help">{ "A focused session drills the themes you tick (none ticked: all) and the tag you filter by. Its grades count as ordinary reviews, so your schedule stays right." }</p>
            if !f.tag.is_empty() {
                <p>{ format!("Only cards tagged {}.", f.tag) }</p>
            }
            <details>
                <summary>{ "Choose themes" }</summary>
                <fieldset>
                    <legend>{ "Only these themes (none ticked: all)" }</legend>
                    { for themes().map(|t| html! {
                        <label class="check"><input id={format!("fs-{}", t.key())} type="checkbox" checked={form.checked(&format!("fs-{}", t.key()))} onchange={form.change(format!("fs-{}", t.key()))} />{ t.label() }</label>
                    }) }
                </fieldset>
            </details>
            <label class="check"><input id="f-ahead" type="checkbox" checked={form.checked("f-ahead")} onchange={form.change("f-ahead")} />{ "Include cards not due yet" }</label>
            <button class="secondary" onclick={Callback::from(move |_: MouseEvent| d.dispatch(Action::Submit))}>{ "Start focused session" }</button>
        </div>
    }
}

pub fn view(state: &AppState, dispatch: UseReducerDispatcher<AppState>) -> Html {
    let col = state.col();
    // Retired cards show when studied or edited.
    let f = &Filter {
        edited_retired: col.cards.iter().filter(|c| c.is_retired() && !state.is_unedited(c)).map(|c| c.id.clone()).collect(),
        ..state.browse.filter.clone()
    };
    let found = library::find(&col, state.clock, f);
    let listed = library::find(&col, state.clock, &Filter { edited_retired: f.edited_retired.clone(), ..Filter::default() }).len();
    // Reviews a session brings forward for the interview: due today here too, and said so.
    let forward = session::brought_forward(&col, state.clock);
    let forward_found = found.iter().filter(|&&i| forward.contains(&col.cards[i].id.as_str())).count();
    let go = |a: Action| {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(a.clone()))
    };
    let shown = found.len().min(state.browse.shown);
    html! {
        <section class="cards" aria-labelledby="cards-title">
            <div class="title-row">
                <h1 id="cards-title">{ "Cards" }</h1>
                <button class="primary" onclick={go(Action::Edit(None))}>{ "Add a card" }</button>
            </div>
            // The search and the filters stay at the top while the list scrolls under them.
            { browse_bar(f, found.len(), listed, if f.state == CardState::Due { forward_found } else { 0 }, &library::tags(&col), &dispatch) }
            <ul class="card-list" data-testid="card-list">
                { for found[..shown].iter().map(|&i| card_row(state, &col, i, &forward, &dispatch)) }
            </ul>
            if found.is_empty() {
                <p class="help" data-testid="no-match">{ "No card matches. Try fewer words, or clear the filters." }</p>
            }
            if shown < found.len() {
                <button class="secondary" onclick={go(Action::Browse(BrowseChange::More))}>{ format!("Show more ({} left)", found.len() - shown) }</button>
            }
            { focus_start(state, f, &dispatch) }
            <button class="secondary" onclick={go(Action::Show(Screen::Transfer))}>{ "Import and export" }</button>
        </section>
    }
}
