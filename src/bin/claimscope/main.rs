//! The `claimscope` command line: argument parsing, reading inputs and choosing a renderer.
//! Everything that decides what a claim is lives in the library.

mod fetch;
mod inputs;

use anyhow::{Context, Result};
use claimscope::model::{CONTRACT_VERSION, DocumentReport, Report};
use claimscope::render::{self, FailOn, Totals};
use claimscope::rules::RuleSource;
use claimscope::{Scanner, scanner, selftest};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "claimscope", version, about = "Find market-share and ranking claims and the scope they imply")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Scan files, folders (recursively, honouring .gitignore) or `-` for stdin.
    Scan(ScanArgs),
    /// List or test the rule set.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
}

#[derive(Args, Clone)]
struct RuleArgs {
    /// Add the rule files (*.toml) under DIR to the embedded defaults. Repeatable.
    #[arg(long = "rules", value_name = "DIR")]
    rules: Vec<PathBuf>,
    /// Use only the rule sets given with --rules.
    #[arg(long)]
    no_default_rules: bool,
}

#[derive(Args)]
struct ScanArgs {
    /// Files, folders, or `-` for standard input.
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<String>,
    /// Output format; human on a terminal, json otherwise.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Exit with status 1 when a flag at or above this severity is found.
    #[arg(long, value_enum, default_value = "warning")]
    fail_on: FailOnArg,
    /// Colour in human output.
    #[arg(long, value_enum, default_value = "auto")]
    color: Color,
    #[command(flatten)]
    rules: RuleArgs,
}

#[derive(Subcommand)]
enum RulesCommand {
    /// List every rule with its kind, file and line.
    List {
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Run every rule's inline examples and counter-examples.
    Test {
        #[command(flatten)]
        rules: RuleArgs,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOnArg {
    Error,
    Warning,
    Never,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Scan(args) => scan(args),
        Command::Rules { command: RulesCommand::List { rules } } => list_rules(&rules),
        Command::Rules { command: RulesCommand::Test { rules } } => test_rules(&rules),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("claimscope: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// `strict` compiles and checks every rule now, the embedded ones included (rules test/list).
fn load_scanner(args: &RuleArgs, strict: bool) -> Result<Scanner> {
    let mut sources: Vec<RuleSource> = if args.no_default_rules { Vec::new() } else { scanner::default_sources() };
    if strict {
        sources.iter_mut().for_each(|s| s.trusted = false);
    }
    for dir in &args.rules {
        let found = scanner::sources_in(dir).with_context(|| format!("cannot read rule folder {}", dir.display()))?;
        if found.is_empty() {
            anyhow::bail!("rule folder {} holds no .toml files", dir.display());
        }
        sources.extend(found);
    }
    Scanner::new(&sources).map_err(|e| anyhow::anyhow!("the rule set does not load:\n{e}"))
}

fn scan(args: ScanArgs) -> Result<ExitCode> {
    let scanner = load_scanner(&args.rules, false)?;
    let stdout = std::io::stdout();
    let format = args.format.unwrap_or(if stdout.is_terminal() { Format::Human } else { Format::Json });
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let fail_on = match args.fail_on {
        FailOnArg::Error => FailOn::Error,
        FailOnArg::Warning => FailOn::Warning,
        FailOnArg::Never => FailOn::Never,
    };
    let mut out = stdout.lock();
    let mut documents = Vec::new();
    let mut totals = Totals::default();
    let mut tripped = false;
    let mut input_errors = 0;
    for input in inputs::expand(&args.paths) {
        let loaded = match input {
            Ok(doc) => doc,
            Err(e) => {
                eprintln!("claimscope: {e}");
                input_errors += 1;
                continue;
            }
        };
        let inputs::Loaded { name, doc, notices, skipped } = loaded;
        if let Some(reason) = skipped {
            eprintln!("claimscope: {name}: skipped: {reason}");
            continue;
        }
        let (claims, voice) = scanner.analyze(&doc);
        tripped |= claims.iter().any(|c| fail_on.trips(c));
        totals.add(&claims);
        for n in &notices {
            eprintln!("claimscope: {name}: {n}");
        }
        match format {
            Format::Jsonl => {
                out.write_all(render::json::lines(&name, &claims).as_bytes())?;
                out.flush()?;
            }
            Format::Human => {
                let opts = render::human::Options { color };
                out.write_all(render::human::document(&name, &doc.raw, &claims, &[], opts).as_bytes())?;
            }
            Format::Json => {}
        }
        let lang = doc.lang;
        documents.push(DocumentReport { path: name, lang, claims, notices, voice });
    }
    match format {
        Format::Json => {
            let report = Report { version: CONTRACT_VERSION, documents };
            writeln!(out, "{}", render::json::report(&report))?;
        }
        Format::Human => writeln!(out, "{}", render::human::summary(&totals))?,
        Format::Jsonl => {}
    }
    out.flush()?;
    Ok(if input_errors > 0 {
        ExitCode::from(2)
    } else if tripped {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn list_rules(args: &RuleArgs) -> Result<ExitCode> {
    let scanner = load_scanner(args, true)?;
    let mut out = std::io::stdout().lock();
    for r in &scanner.set.rules {
        writeln!(out, "{:<34} {:<12} {}:{}", r.id, r.kind, r.path, r.line)?;
    }
    for x in &scanner.set.excludes {
        let kinds: Vec<&str> = x.kinds.iter().map(|k| k.as_str()).collect();
        writeln!(out, "{:<34} {:<12} {}:{}", x.id, format!("not {}", kinds.join("/")), x.path, x.line)?;
    }
    writeln!(
        out,
        "{} rules, {} excludes, {} scope patterns, {} lexicon entries",
        scanner.set.rules.len(),
        scanner.set.excludes.len(),
        scanner.set.scopes.len(),
        scanner.set.entries.len()
    )?;
    Ok(ExitCode::SUCCESS)
}

fn test_rules(args: &RuleArgs) -> Result<ExitCode> {
    let scanner = load_scanner(args, true)?;
    let outcome = selftest::run(&scanner);
    let mut out = std::io::stdout().lock();
    for f in &outcome.failures {
        writeln!(out, "FAIL {f}")?;
    }
    writeln!(out, "{} checks, {} failures", outcome.checked, outcome.failures.len())?;
    Ok(if outcome.failures.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
