//! The choices a review offers in drop-downs: mode, luck, dial and where a drill runs.

use serde::{Deserialize, Serialize};

/// Whether the review is run by a facilitator with a team, or by one person alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    #[default]
    Facilitated,
    SelfReflection,
}

/// Which way an observation moved our luck.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Luck {
    /// A gap we got away with.
    Decreasing,
    /// Preparation that paid off.
    Increasing,
}

/// What to do about an observation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dial {
    TurnUp,
    Start,
    Stop,
    Keep,
}

/// Where a drill runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DrillKind {
    PracticeDrill,
    GameDay,
    ChaosExperiment,
}

impl Luck {
    pub const ALL: [Luck; 2] = [Luck::Decreasing, Luck::Increasing];
    /// A short stable name, for form values.
    pub fn key(self) -> &'static str {
        match self {
            Luck::Decreasing => "decreasing",
            Luck::Increasing => "increasing",
        }
    }
    pub fn from_key(key: &str) -> Option<Luck> {
        Luck::ALL.into_iter().find(|luck| luck.key() == key)
    }
    pub fn label(self) -> &'static str {
        match self {
            Luck::Decreasing => "decreasing luck",
            Luck::Increasing => "increasing luck",
        }
    }
}

impl Dial {
    pub const ALL: [Dial; 4] = [Dial::TurnUp, Dial::Start, Dial::Stop, Dial::Keep];
    /// A short stable name, for form values.
    pub fn key(self) -> &'static str {
        match self {
            Dial::TurnUp => "turn-up",
            Dial::Start => "start",
            Dial::Stop => "stop",
            Dial::Keep => "keep",
        }
    }
    pub fn from_key(key: &str) -> Option<Dial> {
        Dial::ALL.into_iter().find(|dial| dial.key() == key)
    }
    pub fn label(self) -> &'static str {
        match self {
            Dial::TurnUp => "turn up",
            Dial::Start => "start",
            Dial::Stop => "stop",
            Dial::Keep => "keep",
        }
    }
}

impl DrillKind {
    pub const ALL: [DrillKind; 3] = [DrillKind::PracticeDrill, DrillKind::GameDay, DrillKind::ChaosExperiment];
    pub fn label(self) -> &'static str {
        match self {
            DrillKind::PracticeDrill => "practice drill",
            DrillKind::GameDay => "game day",
            DrillKind::ChaosExperiment => "chaos experiment",
        }
    }
}

impl Mode {
    pub fn label(self) -> &'static str {
        match self {
            Mode::Facilitated => "facilitated meeting",
            Mode::SelfReflection => "self-reflection",
        }
    }
}
