//! Renderers: each output format is a function of the report model (and, for the human
//! format, the source text it points into). Nothing here decides what a claim is.

pub mod ci;
pub mod html;
pub mod human;
pub mod json;
pub mod matrix;
pub mod sarif;

use crate::model::{Claim, Severity};

/// Which flags make a run fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    Error,
    Warning,
    Never,
}

impl FailOn {
    pub fn trips(self, claim: &Claim) -> bool {
        let worst = claim.worst_severity();
        match self {
            FailOn::Never => false,
            FailOn::Error => worst == Some(Severity::Error),
            FailOn::Warning => worst >= Some(Severity::Warning),
        }
    }
}

/// Counts for the closing summary line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    pub documents: usize,
    pub claims: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Flags silenced inline.
    pub suppressed: usize,
    /// Flags left out because the baseline holds them.
    pub baselined: usize,
}

impl Totals {
    pub fn add(&mut self, claims: &[Claim]) {
        self.documents += 1;
        self.claims += claims.len();
        for c in claims {
            for f in &c.flags {
                match f.severity {
                    Severity::Error => self.errors += 1,
                    Severity::Warning => self.warnings += 1,
                    Severity::Info => self.infos += 1,
                }
            }
        }
    }
}
