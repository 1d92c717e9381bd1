//! `claimscope.toml`: a project's settings, found by walking up from the working folder (or
//! named with `--config`). Unknown keys are errors that name the key and the file, so a typo
//! never silently does nothing. The JSON Schema in `claimscope.schema.json` is generated from
//! these types (schemars) and a test keeps the committed copy current.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "claimscope.toml";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Which flags are reported and how severe they are.
    #[serde(default)]
    pub flags: Flags,
    /// Exit with status 1 at or above this severity: "error", "warning" or "never".
    #[serde(default)]
    pub fail_on: Option<String>,
    /// Extra rule folders (*.toml), relative to this file.
    #[serde(default)]
    pub rules: Vec<PathBuf>,
    /// Rule ids whose claims are not reported (`claimscope rules list` shows the ids).
    #[serde(default)]
    pub disable_rules: Vec<String>,
    /// Paths to leave out of folder scans (gitignore-style globs, relative to this file).
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Extra lexicon entries: sources, subjects (org), markets, metrics, geographies.
    #[serde(default)]
    pub lexicon: Vec<LexiconEntry>,
    /// Settings for `--check-citations`.
    #[serde(default)]
    pub citations: Citations,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Flags {
    /// Flag codes never reported (see `claimscope explain`).
    #[serde(default)]
    pub disable: Vec<String>,
    /// When set, only these flag codes are reported.
    #[serde(default)]
    pub enable: Option<Vec<String>>,
    /// Severity overrides by flag code: "error", "warning" or "info".
    #[serde(default)]
    pub severity: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LexiconEntry {
    /// A canonical id whose prefix names the lexicon: source.*, org.*, market.*, metric.*, geo.*.
    pub id: String,
    /// Names as written in documents, in any language.
    pub aliases: Vec<String>,
    /// A broader entry's id (market.cloud for market.cloud.ai).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Citations {
    /// Check cited pages on every scan, as `--check-citations` does.
    #[serde(default)]
    pub check: bool,
    /// Cache folder for fetched pages, relative to this file.
    #[serde(default)]
    pub cache: Option<PathBuf>,
    /// Retries after 5xx, 408, 429 and timeouts.
    #[serde(default)]
    pub retries: Option<u32>,
    /// Seconds a fetch may take.
    #[serde(default)]
    pub timeout: Option<f64>,
    /// Allow fetching private and loopback addresses.
    #[serde(default)]
    pub allow_private_hosts: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
}

const SEVERITIES: [&str; 3] = ["error", "warning", "info"];

impl Config {
    /// Parses a config file's text; `path` names it in errors.
    pub fn parse(text: &str, path: &str) -> Result<Config, ConfigError> {
        let invalid = |message: String| ConfigError::Invalid { path: path.to_string(), message };
        let config: Config = toml::from_str(text).map_err(|e| invalid(e.to_string().trim_end().to_string()))?;
        let known = |code: &str| crate::flags::info(code).is_some();
        let codes =
            config.flags.disable.iter().chain(config.flags.enable.iter().flatten()).chain(config.flags.severity.keys());
        for code in codes {
            if !known(code) {
                return Err(invalid(format!("unknown flag code \"{code}\" (`claimscope explain` lists them)")));
            }
        }
        for (code, sev) in &config.flags.severity {
            if !SEVERITIES.contains(&sev.as_str()) {
                return Err(invalid(format!("severity \"{sev}\" for {code}: use error, warning or info")));
            }
        }
        if let Some(f) = &config.fail_on
            && !["error", "warning", "never"].contains(&f.as_str())
        {
            return Err(invalid(format!("fail_on \"{f}\": use error, warning or never")));
        }
        for e in &config.lexicon {
            if crate::lexicon::LexiconCategory::of_id(&e.id).is_none() {
                return Err(invalid(format!(
                    "lexicon id \"{}\" must start with source., org., market., metric. or geo.",
                    e.id
                )));
            }
        }
        Ok(config)
    }

    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path)
            .map_err(|source| ConfigError::Read { path: path.display().to_string(), source })?;
        Config::parse(&text, &path.display().to_string())
    }

    /// The nearest `claimscope.toml` in `dir` or a folder above it.
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        dir.ancestors().map(|d| d.join(FILE_NAME)).find(|p| p.is_file())
    }

    /// The extra lexicon entries as a rule file, so they load (and are checked) like any other.
    pub fn lexicon_source(&self, path: &str) -> Option<crate::rules::RuleSource> {
        #[derive(Serialize)]
        struct File<'a> {
            entry: &'a [LexiconEntry],
        }
        (!self.lexicon.is_empty()).then(|| crate::rules::RuleSource {
            path: path.to_string(),
            text: toml::to_string(&File { entry: &self.lexicon }).expect("entries serialise"),
            trusted: false,
        })
    }

    /// A disabled rule id that no loaded rule has: named so a typo is not silently ignored.
    pub fn unknown_rule(&self, set: &crate::rules::RuleSet) -> Option<&str> {
        self.disable_rules.iter().find(|id| !set.rules.iter().any(|r| &r.id == *id)).map(String::as_str)
    }

    /// Applies the settings to a document's claims: disabled rules' claims and disabled flag
    /// codes go, severities change.
    pub fn apply(&self, claims: &mut Vec<crate::model::Claim>) {
        use crate::model::Severity;
        claims.retain(|c| !self.disable_rules.contains(&c.rule));
        for c in claims {
            c.flags.retain(|f| {
                !self.flags.disable.contains(&f.code) && self.flags.enable.as_ref().is_none_or(|e| e.contains(&f.code))
            });
            for f in &mut c.flags {
                if let Some(s) = self.flags.severity.get(&f.code) {
                    f.severity = match s.as_str() {
                        "error" => Severity::Error,
                        "warning" => Severity::Warning,
                        _ => Severity::Info,
                    };
                }
            }
        }
    }
}

/// The JSON Schema of `claimscope.toml`, pretty-printed.
pub fn schema() -> String {
    let mut s = serde_json::to_string_pretty(&schemars::schema_for!(Config)).expect("the schema serialises");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_config_parses() {
        let text = r#"
fail_on = "error"
rules = ["my-rules"]
exclude = ["drafts/**"]

[flags]
disable = ["no-period"]
severity = { no-source = "error" }

[[lexicon]]
id = "source.acme_research"
aliases = ["Acme Research", "艾克米研究"]

[citations]
check = true
retries = 1
"#;
        let c = Config::parse(text, "claimscope.toml").unwrap();
        assert_eq!(c.flags.disable, ["no-period"]);
        assert_eq!(c.flags.severity["no-source"], "error");
        assert!(c.citations.check && c.lexicon_source("claimscope.toml").unwrap().text.contains("Acme Research"));
    }

    #[test]
    fn unknown_keys_and_codes_name_themselves_and_the_file() {
        let e = Config::parse("[flags]\ndisabel = [\"no-period\"]\n", "proj/claimscope.toml").unwrap_err().to_string();
        assert!(e.starts_with("proj/claimscope.toml:") && e.contains("disabel"), "{e}");
        let e = Config::parse("[flags]\ndisable = [\"no-perod\"]\n", "c.toml").unwrap_err().to_string();
        assert!(e.contains("no-perod"), "{e}");
        let e = Config::parse("fail_on = \"sometimes\"\n", "c.toml").unwrap_err().to_string();
        assert!(e.contains("sometimes"), "{e}");
    }
}

#[cfg(test)]
mod schema_tests {
    #[test]
    fn the_committed_schema_is_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("claimscope.schema.json");
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == super::schema(),
            "claimscope.schema.json is stale: regenerate it with `cargo run -- schema > claimscope.schema.json`"
        );
    }
}
