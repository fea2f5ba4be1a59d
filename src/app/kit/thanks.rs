//! Thank-you notes: one draft per interviewer named in the notes or the plan, composed with no
//! blank, edited here, then copied, shared or opened in the mail app (a `mailto:` link: the app
//! makes no request), and marked sent.

use super::super::form::{restored_view, Form};
use super::super::state::{Action, AppState};
use super::sheet::{copy_button, share_button};
use super::{interview_line, no_interview_screen, show};
use crate::core::kit::{ids, KitAction, KitScreen};
use crate::domain::kit::thanks::{self, Note};
use yew::prelude::*;

pub fn view(state: &AppState, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let (Some(iv), Some(round)) = (state.kit_interview(), state.kit_round()) else {
        return no_interview_screen(dispatch, "Thank-you notes");
    };
    let f = Form::new(state, dispatch);
    let people = round.interviewers();
    let decide = state.kit_decision(&round);
    let sent = |name: String, on: bool| {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Kit(KitAction::Sent(name.clone(), on))))
    };
    html! {
        <section class="kit thanks" aria-labelledby="thanks-title">
            <h1 id="thanks-title">{ "Thank-you notes" }</h1>
            <p class="help">{ interview_line(state, &iv) }</p>
            { restored_view(state, dispatch) }
            <p class="help">{ "One note to each interviewer, the same day: their name, a point you discussed with them, why you want the job and what you would bring, and the next step they mentioned. Edit it until it sounds like you." }</p>
            if people.is_empty() {
                <p data-testid="thanks-nobody">{ "Name the people you met first: in the round-one notes, or under who you will meet on the plan sheet." }</p>
                <div class="form-actions">
                    <button class="secondary" onclick={show(dispatch, KitScreen::Notes)}>{ "Round-one notes" }</button>
                    <button class="secondary" onclick={show(dispatch, KitScreen::Plan)}>{ "Edit the plan" }</button>
                </div>
            } else {
                <form onsubmit={f.submit()} novalidate=true>
                    { for people.iter().enumerate().map(|(i, (name, role))| {
                        let t = thanks::draft(&round, name, decide.as_deref());
                        let note = thanks::note(&round, &t);
                        let body_id = ids::body(i);
                        let email_id = ids::email(i);
                        let body = f.value(&body_id).to_string();
                        let written = Note { subject: note.subject.clone(), body: body.clone() };
                        let href = thanks::mailto(&f.value(&email_id), &written);
                        let text = format!("{}\n\n{}", written.subject, written.body);
                        let is_sent = t.sent.is_some();
                        html! {
                            <article class="thanks-note" data-testid="thanks-note" aria-labelledby={format!("th-name-{i}")}>
                                <h2 id={format!("th-name-{i}")}>{ if role.is_empty() { name.clone() } else { format!("{name} ({role})") } }</h2>
                                <p class="field"><label for={email_id.clone()}>{ "Their email (optional)" }</label>
                                    <input id={email_id.clone()} type="email" autocomplete="off" value={f.value(&email_id)} oninput={f.live(email_id.clone())} /></p>
                                <p class="field"><label for={body_id.clone()}>{ format!("Your note to {name}") }</label>
                                    <textarea id={body_id.clone()} rows="12" value={f.value(&body_id)} oninput={f.live(body_id.clone())} /></p>
                                <p class="help">{ format!("Subject: {}", note.subject) }</p>
                                <div class="form-actions">
                                    <a class="button secondary" href={href} data-testid="mailto">{ "Open in mail" }</a>
                                    { share_button(dispatch, note.subject.clone(), text.clone(), "Share") }
                                    { copy_button(dispatch, text, "Copy") }
                                    if is_sent {
                                        <span class="badge" data-testid="thanks-sent">{ "Sent ✓" }</span>
                                        <button type="button" class="link" onclick={sent(name.clone(), false)}>{ "Mark as not sent" }</button>
                                    } else {
                                        <button type="button" class="secondary" onclick={sent(name.clone(), true)}>{ "Mark as sent" }</button>
                                    }
                                </div>
                            </article>
                        }
                    }) }
                    <div class="form-actions">
                        <button type="submit" class="primary">{ "Save notes" }</button>
                    </div>
                </form>
            }
            <button class="link" onclick={show(dispatch, KitScreen::Hub)}>{ "Back to the interview kit" }</button>
        </section>
    }
}
