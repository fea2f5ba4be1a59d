//! The card browser: search, filters, the list (a page at a time), a focused session of what is
//! listed, and the way to the editor and to import and export.

use super::form::Form;
use super::state::{Action, AppState, BrowseChange, Screen};
use super::text_value as value;
use crate::domain::clock::short_interval;
use crate::domain::library::{self, CardState, Filter};
use crate::domain::Theme;
use yew::prelude::*;

fn themes() -> impl Iterator<Item = Theme> {
    Theme::EVERY.into_iter()
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
    let tags = library::tags(&col);
    let change = |make: fn(String) -> BrowseChange, id: &'static str| {
        let d = dispatch.clone();
        Callback::from(move |_: Event| d.dispatch(Action::Browse(make(value(id)))))
    };
    let on_query = {
        let d = dispatch.clone();
        Callback::from(move |_: InputEvent| d.dispatch(Action::Browse(BrowseChange::Query(value("f-query")))))
    };
    let go = |a: Action| {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(a.clone()))
    };
    let form = Form::new(state, &dispatch);
    let now = state.clock.now_ms;
    let shown = found.len().min(state.browse.shown);
    html! {
        <section class="cards" aria-labelledby="cards-title">
            <h1 id="cards-title">{ "Cards" }</h1>
            <div class="row">
                <button class="primary" onclick={go(Action::Edit(None))}>{ "Add a card" }</button>
                <button class="secondary" onclick={go(Action::Show(Screen::Transfer))}>{ "Import and export" }</button>
            </div>
            <div class="filters" role="search">
                <label for="f-query">{ "Search questions and answers" }</label>
                <input id="f-query" type="search" value={f.query.clone()} oninput={on_query} />
                <label for="f-theme">{ "Theme" }</label>
                <select id="f-theme" onchange={change(|v| BrowseChange::Theme(Theme::from_key(&v)), "f-theme")}>
                    <option value="" selected={f.theme.is_none()}>{ "All themes" }</option>
                    { for themes().map(|t| html! { <option value={t.key()} selected={f.theme == Some(t)}>{ t.label() }</option> }) }
                </select>
                <label for="f-tag">{ "Tag" }</label>
                <select id="f-tag" onchange={change(BrowseChange::Tag, "f-tag")}>
                    <option value="" selected={f.tag.is_empty()}>{ "Any tag" }</option>
                    { for tags.iter().map(|t| html! { <option value={t.clone()} selected={f.tag == *t}>{ t }</option> }) }
                </select>
                <label for="f-state">{ "State" }</label>
                <select id="f-state" onchange={change(|v| BrowseChange::State(CardState::ALL.into_iter().find(|s| s.key() == v).unwrap_or_default()), "f-state")}>
                    { for CardState::ALL.iter().map(|s| html! { <option value={s.key()} selected={f.state == *s}>{ s.label() }</option> }) }
                </select>
                <label for="f-sort">{ "Order" }</label>
                <select id="f-sort" onchange={change(|v| BrowseChange::SortByDue(v == "due"), "f-sort")}>
                    <option value="deck" selected={!f.sort_by_due}>{ "Deck order" }</option>
                    <option value="due" selected={f.sort_by_due}>{ "Soonest due first" }</option>
                </select>
            </div>
            <p data-testid="match-count" role="status">{ format!("{} of {listed} cards", found.len()) }</p>
            <details class="focus-start" open={f.theme.is_some() || !f.tag.is_empty()}>
                <summary>{ "Focused session" }</summary>
                <fieldset>
                    <legend>{ "Only these themes (none ticked: all)" }</legend>
                    { for themes().map(|t| html! {
                        <label class="check"><input id={format!("fs-{}", t.key())} type="checkbox" checked={form.checked(&format!("fs-{}", t.key()))} onchange={form.change(format!("fs-{}", t.key()))} />{ t.label() }</label>
                    }) }
                </fieldset>
                if !f.tag.is_empty() {
                    <p>{ format!("Only cards tagged {}.", f.tag) }</p>
                }
                <label class="check"><input id="f-ahead" type="checkbox" checked={form.checked("f-ahead")} onchange={form.change("f-ahead")} />{ "Include cards not due yet" }</label>
                <button class="secondary" onclick={go(Action::Submit)}>{ "Start focused session" }</button>
                <p class="help">{ "Like Anki's filtered decks: its grades are ordinary reviews, so the main schedule stays right." }</p>
            </details>
            <ul class="card-list" data-testid="card-list">
                { for found[..shown].iter().map(|&i| {
                    let c = &col.cards[i];
                    let p = col.progress_of(&c.id);
                    let when = if col.is_suspended(&c.id) {
                        "suspended".to_string()
                    } else if p.is_new() {
                        "new".to_string()
                    } else if p.due_ms <= now {
                        format!("due now · stability {} d", p.stability.round() as u32)
                    } else {
                        format!("due in {} · stability {} d", short_interval(p.due_ms - now), p.stability.round() as u32)
                    };
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
                }) }
            </ul>
            if shown < found.len() {
                <button class="secondary" onclick={go(Action::Browse(BrowseChange::More))}>{ format!("Show more ({} left)", found.len() - shown) }</button>
            }
        </section>
    }
}
