//! The timer's cue: a soft two-note chime synthesised with the Web Audio API, so there is no audio file to load
//! and it works offline.

use wasm_bindgen::JsValue;
use web_sys::{AudioContext, OscillatorType};

/// Plays the "time is up" chime: two quiet sine notes that fade in and out over about a second and a half.
pub fn chime() -> Result<(), JsValue> {
    let context = AudioContext::new()?;
    let start = context.current_time();
    for (offset, frequency) in [(0.0, 660.0), (0.35, 880.0)] {
        let at = start + offset;
        let gain = context.create_gain()?;
        // Ramps rather than steps, so the notes start and end without a click.
        gain.gain().set_value_at_time(0.0001, at)?;
        gain.gain().exponential_ramp_to_value_at_time(0.15, at + 0.05)?;
        gain.gain().exponential_ramp_to_value_at_time(0.0001, at + 1.0)?;
        let oscillator = context.create_oscillator()?;
        oscillator.set_type(OscillatorType::Sine);
        oscillator.frequency().set_value(frequency);
        oscillator.connect_with_audio_node(&gain)?;
        gain.connect_with_audio_node(&context.destination())?;
        oscillator.start_with_when(at)?;
        oscillator.stop_with_when(at + 1.1)?;
    }
    Ok(())
}
