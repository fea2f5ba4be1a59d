//! Import (file picker, drag and drop, or pasted text; a preview, then the person confirms) and
//! export (a full backup, and a file Anki imports; downloaded, or shared where the phone can).

use super::files;
use super::form::Form;
use super::state::{Action, AppState, BackupImport, Export, Pending, Screen};
use crate::domain::merge::Choices;
use crate::domain::words;
use wasm_bindgen::JsCast;
use yew::prelude::*;

pub fn view(state: &AppState, dispatch: UseReducerDispatcher<AppState>) -> Html {
    let send = |a: Action| {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(a.clone()))
    };
    let on_file = {
        let d = dispatch.clone();
        Callback::from(move |_: Event| {
            let d = d.clone();
            wasm_bindgen_futures::spawn_local(async move { d.dispatch(Action::ImportText(files::read_input("import-file").await)) });
        })
    };
    let on_drop = {
        let d = dispatch.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let d = d.clone();
            let event: wasm_bindgen::JsValue = e.unchecked_into();
            wasm_bindgen_futures::spawn_local(async move { d.dispatch(Action::ImportText(files::read_drop(event).await)) });
        })
    };
    let f = Form::new(state, &dispatch);
    let empty = {
        let col = state.col();
        col.log.is_empty() && col.edited.is_empty() && col.interviews.is_empty()
    };
    let preview = state.import.as_ref().map(|p| preview_view(p, &f, &dispatch, empty));
    html! {
        <section class="transfer" aria-labelledby="transfer-title">
            <h1 id="transfer-title">{ "Import and export" }</h1>
            <h2>{ "Import" }</h2>
            <p class="help">{ "Anki's \u{201c}Notes in Plain Text\u{201d} or \u{201c}Cards in Plain Text\u{201d} export (.txt), Quizlet's export (paste it), a spreadsheet saved as CSV whose first row names the columns (question, answer, key points separated by ;, tags, theme), or a Second Round backup (.json)." }</p>
            <div class="drop" ondragover={Callback::from(|e: DragEvent| e.prevent_default())} ondrop={on_drop}>
                // The browser's own file control ("Choose File · No file chosen") is hidden, and its
                // label is the button; dropping a file is offered where there is a mouse to drop with.
                <label class="file-button">{ "Choose a file" }
                    <input id="import-file" class="file-input" type="file" accept=".txt,.tsv,.csv,.json,text/plain,text/csv,application/json" onchange={on_file} /></label>
                <p class="help drop-tip">{ "or drop it here" }</p>
            </div>
            <label for="import-paste">{ "Or paste the text" }</label>
            <textarea id="import-paste" rows="4" value={f.value("import-paste")} oninput={f.input("import-paste")} />
            <button class="secondary" onclick={send(Action::Submit)}>{ "Read the pasted text" }</button>
            if let Some(e) = &state.import_error {
                <p class="error" role="alert" data-testid="import-error">{ e }</p>
            }
            { for preview }
            <h2>{ "Export" }</h2>
            <p class="help">{ "The backup holds every card with your edits, every schedule, your whole review log and your settings: import it on another device, or after clearing this browser, to carry on where you were." }</p>
            <div class="form-actions">
                <button class="primary" onclick={send(Action::Export(Export::Backup))}>{ "Download backup (.json)" }</button>
                if files::can_share() {
                    <button class="secondary" onclick={send(Action::Export(Export::ShareBackup))}>{ "Share backup…" }</button>
                }
                <button class="secondary" onclick={send(Action::Export(Export::Anki))}>{ "Download for Anki (.txt)" }</button>
                <button class="secondary" onclick={send(Action::Export(Export::Csv))}>{ "Download as a spreadsheet (.csv)" }</button>
            </div>
            <button class="link" onclick={send(Action::Show(Screen::Cards))}>{ "Back to cards" }</button>
        </section>
    }
}

/// What an import would do, the first cards as read (and Quizlet's separators), and the buttons.
fn preview_view(p: &Pending, f: &Form, dispatch: &UseReducerDispatcher<AppState>, empty: bool) -> Html {
    let send = |a: Action| {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(a.clone()))
    };
    if let Some(b) = &p.backup {
        return backup_preview(&p.name, b, dispatch, empty);
    }
    let v = &p.preview;
    let total = v.add.len() + v.update.len();
    let errors = v.errors.len();
    html! {
        <div class="preview" role="status" data-testid="import-preview">
            <h2>{ format!("From {}", p.name) }</h2>
            <p data-testid="import-counts">{ format!(
                "{} card{} will be added, {} updated and {} skipped (the same question as a card you have, or twice in the file).",
                v.add.len(), if v.add.len() == 1 { "" } else { "s" }, v.update.len(), v.skipped
            ) }</p>
            if let Some(media) = v.media.sentence() {
                <p data-testid="import-media">{ media }</p>
            }
            if p.quizlet.is_some() {
                { separators_view(f) }
            }
            if !v.first.is_empty() {
                <p class="as-read" data-testid="import-first">{ as_read(&v.first) }</p>
            }
            if errors > 0 {
                <p>{ format!("{errors} line{} could not be read:", if errors == 1 { "" } else { "s" }) }</p>
                <ul class="errors" data-testid="import-errors">
                    { for v.errors.iter().take(5).map(|e| html! { <li>{ format!("Line {}: {}", e.line, e.message) }</li> }) }
                    if errors > 5 { <li>{ format!("…and {} more.", errors - 5) }</li> }
                </ul>
            }
            <div class="form-actions">
                if total > 0 {
                    <button class="primary" onclick={send(Action::ConfirmImport)}>{ format!("Import {total} card{}", if total == 1 { "" } else { "s" }) }</button>
                }
                <button class="secondary" onclick={send(Action::CancelImport)}>{ "Cancel" }</button>
            </div>
            <p class="help">{ "Nothing changes until you import." }</p>
        </div>
    }
}

/// Quizlet's two separators, chosen (the file is read again at once).
fn separators_view(f: &Form) -> Html {
    let choice = |id: &'static str, label: &'static str, options: [(&'static str, &'static str); 3]| {
        let other = format!("{id}-other");
        html! { <>
            <label for={id}>{ label }</label>
            <select {id} onchange={f.change(id)}>
                { for options.iter().map(|(v, name)| html! { <option value={*v} selected={f.value(id) == *v}>{ *name }</option> }) }
            </select>
            if f.value(id) == "other" {
                <label for={other.clone()}>{ "The text between them" }</label>
                <input id={other.clone()} type="text" value={f.value(&other)} oninput={f.live(other)} />
            }
        </> }
    };
    html! {
        <fieldset class="separators" data-testid="quizlet-choice">
            <legend>{ "Read as Quizlet's export:" }</legend>
            { choice("q-term", "Between a term and its definition", [("tab", "Tab"), ("comma", "Comma"), ("other", "Other text")]) }
            { choice("q-row", "Between cards", [("newline", "New line"), ("semicolon", "Semicolon"), ("other", "Other text")]) }
        </fieldset>
    }
}

/// What importing a backup does: its reviews and cards merged into this device's, and its settings
/// and interviews where the person ticks them.
/// Into an app with nothing of its own yet (no reviews, no edits, no interviews), a backup is
/// restored, and the preview says so: what comes back, as a whole.
fn restore_sentence(b: &BackupImport) -> String {
    let t = &b.theirs;
    let mut parts = vec![
        words::count(t.cards.iter().filter(|c| !c.is_retired()).count(), "card", "cards"),
        words::count(t.log.len(), "review", "reviews"),
    ];
    if b.choices.settings && b.offers.0 {
        parts.push("your settings".into());
    }
    if b.choices.interviews && b.offers.1 > 0 {
        parts.push(words::count(b.offers.1, "interview", "interviews"));
    }
    let last = parts.pop().unwrap_or_default();
    format!("Restore {} and {last}.", parts.join(", "))
}

fn backup_preview(name: &str, b: &BackupImport, dispatch: &UseReducerDispatcher<AppState>, empty: bool) -> Html {
    let d = dispatch.clone();
    let send = move |a: Action| {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(a.clone()))
    };
    let c = b.choices;
    let (settings, interviews) = b.offers;
    let nothing = b.outcome.changes_nothing() && !b.kit_merged.any();
    let restore = empty && !nothing;
    let said = if restore {
        restore_sentence(b)
    } else if !nothing {
        b.outcome.sentences().into_iter().chain(b.kit_merged.sentence()).collect::<Vec<_>>().join("\n")
    } else if settings || interviews > 0 {
        "This device already has every review and card of this backup.".into()
    } else {
        "Nothing to import: this device already has everything in this backup.".into()
    };
    let check = |id: &'static str, on: bool, label: String, choices: Choices| {
        let d = dispatch.clone();
        let change = Callback::from(move |_: Event| d.dispatch(Action::ImportChoices(choices)));
        html! { <label class="check"><input {id} type="checkbox" checked={on} onchange={change} />{ label }</label> }
    };
    html! {
        <div class="preview" role="status" data-testid="import-preview">
            <h2>{ format!("From {name}") }</h2>
            <p class="as-read" data-testid="import-counts">{ said }</p>
            if settings || interviews > 0 {
                <fieldset>
                    <legend>{ "Also from the backup" }</legend>
                    if settings { { check("import-settings", c.settings, "Its settings, in place of this device's".into(), Choices { settings: !c.settings, ..c }) } }
                    if interviews > 0 { { check("import-interviews", c.interviews, format!("Its {interviews} interview{} this device does not have", if interviews == 1 { "" } else { "s" }), Choices { interviews: !c.interviews, ..c }) } }
                </fieldset>
            }
            <p class="help">{ "A backup's reviews join this device's (a review both have counts once), each card's schedule follows from all its reviews in time order, and where both devices edited a card, the newer edit wins. Nothing changes until you import." }</p>
            <div class="form-actions">
                if !nothing {
                    <button class="primary" onclick={send(Action::ConfirmImport)}>{ if restore { "Restore" } else { "Import" } }</button>
                }
                <button class="secondary" onclick={send(Action::CancelImport)}>{ if nothing { "Close" } else { "Cancel" } }</button>
            </div>
        </div>
    }
}

/// The first cards as read: "Line 7: question", then the answer (its first 140 characters).
fn as_read(first: &[(usize, String, String)]) -> String {
    let mut out = String::from("The first cards as read:");
    for (line, q, a) in first {
        let a = match a.char_indices().nth(140) {
            Some((i, _)) => format!("{}\u{2026}", &a[..i]),
            None => a.clone(),
        };
        out.push_str(&format!("\n\nLine {line}: {q}\n{a}"));
    }
    out
}
