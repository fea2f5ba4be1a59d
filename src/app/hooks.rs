//! The app's timers and what it fetches or asks the browser for, each a hook of its own (used by
//! `App`): the clocks that re-render, the device's voices, a track's answers, the storage report.

use super::files;
use super::state::{Action, AppState, Screen};
use yew::prelude::*;

/// A render a second while a countdown runs (rehearse mode's, the mock's answer clock), and a look
/// every 15 seconds so learning cards that fall due appear.
#[hook]
pub fn use_clocks(state: &UseReducerHandle<AppState>) {
    // Rehearse mode's countdown: a render a second while the question is up.
    let rehearsing = state.rehearse && state.current.is_some() && !state.revealed && state.screen == Screen::Review;
    use_tick_while(state.dispatcher(), rehearsing);
    // The mock interview's answer clock: a render a second while a question is up.
    let mock = state.screen == Screen::Mock && state.mock.run.as_ref().is_some_and(|m| !m.is_done() && !m.is_paused());
    use_tick_while(state.dispatcher(), mock);
    // Learning steps are minutes long: look again every 15 seconds so due cards appear.
    let dispatch = state.dispatcher();
    use_effect_with((), move |_| {
        let interval = gloo_timers::callback::Interval::new(15_000, move || dispatch.dispatch(Action::Tick));
        move || drop(interval)
    });
}

/// A tick a second while `counting`.
#[hook]
fn use_tick_while(dispatch: UseReducerDispatcher<AppState>, counting: bool) {
    use_effect_with(counting, move |&counting| {
        let interval = counting.then(|| gloo_timers::callback::Interval::new(1_000, move || dispatch.dispatch(Action::Tick)));
        move || drop(interval)
    });
}

/// The device's voices for the mock interview: now, and whenever the browser's list changes.
#[hook]
pub fn use_voices(dispatch: UseReducerDispatcher<AppState>) {
    use_effect_with((), move |_| {
        super::mock::voice::watch();
        dispatch.dispatch(Action::Mock(crate::core::mock::MockAction::Voices(super::mock::voice::list())));
    });
}

/// The chosen role track's answers: fetched once (precached by the service worker, so offline
/// after the first visit), at start and whenever another track is chosen.
#[hook]
pub fn use_track_answers(state: &UseReducerHandle<AppState>) {
    let dispatch = state.dispatcher();
    use_effect_with(state.track_to_load(), move |load| {
        if let Some(track) = *load {
            wasm_bindgen_futures::spawn_local(async move {
                let text = files::fetch_text(&format!("tracks/{}.txt", track.key())).await;
                dispatch.dispatch(Action::TrackLoaded(track, text));
            });
        }
    });
}

/// Ask for persistent storage after the first grade (the person is clearly using the app, and
/// browsers grant it more readily then), and refresh the figures when settings open. (Firefox
/// shows a prompt for it, so it is asked once per visit at most.)
#[hook]
pub fn use_storage_report(state: &UseReducerHandle<AppState>) {
    let dispatch = state.dispatcher();
    let asked = use_mut_ref(|| false);
    let deps = (state.graded > 0, state.screen == Screen::Settings);
    use_effect_with(deps, move |&(graded, in_settings)| {
        if graded || in_settings {
            let ask = graded && !std::mem::replace(&mut *asked.borrow_mut(), graded);
            wasm_bindgen_futures::spawn_local(async move {
                let report = crate::store::local::storage_report(ask).await;
                dispatch.dispatch(Action::Storage(report));
            });
        }
    });
}
