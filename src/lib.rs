//! claimscope: find every numeric market-share and ranking claim in a document, tag each with
//! the scope it implies (subject, metric, market, geography, period, source) and flag the ones
//! whose scope is unstated, vague or unsupported.
//!
//! The core does no I/O: give it text (or a [`document::Document`] built by a reader) and a
//! [`Scanner`], get back [`model::Claim`]s; renderers turn a [`model::Report`] into output.

mod backing;
pub mod baseline;
pub mod citations;
pub mod config;
pub mod crossdoc;
pub mod cues;
pub mod document;
pub mod flags;
pub mod fold;
pub mod groups;
pub mod html;
pub mod input;
pub mod lexicon;
pub mod loader;
pub mod matcher;
pub mod model;
pub mod names;
pub mod numbers;
pub mod pattern;
pub mod periods;
pub mod render;
pub mod rules;
pub mod scanner;
pub mod scope;
pub mod segments;
pub mod selftest;
pub mod subject;
pub mod suppress;
pub mod tables;
#[cfg(test)]
mod testgen;
pub mod triggers;
pub mod verify;
pub mod voice;

pub use document::Document;
pub use model::{Claim, DocumentReport, Report};
pub use scanner::Scanner;
