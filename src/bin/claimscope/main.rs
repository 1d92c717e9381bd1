//! The `claimscope` command line: argument parsing, reading inputs and choosing a renderer.
//! Everything that decides what a claim is lives in the library.

mod check;
mod cited;
mod fetch;
mod inputs;
mod pipeline;
mod run;

use anyhow::{Context, Result};
use claimscope::model::DocumentReport;
use claimscope::render::{self, FailOn, Totals};
use claimscope::rules::RuleSource;
use claimscope::{Scanner, scanner, selftest};
use clap::{Args, Parser, Subcommand, ValueEnum};
use run::{Done, Scanned};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

// A scan makes many short-lived vectors per claim (matches, tags, drafts): with the system
// allocator, allocation took about a sixth of a single-threaded scan; mimalloc's per-thread
// free lists make the same run about 17% faster (`cargo bench --bench throughput`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    /// Compare the claims of a set of documents: one row per claim, grouped by canonical market,
    /// with every cross-document finding.
    Matrix(MatrixArgs),
    /// What a flag means, why it matters and how to fix the text.
    Explain {
        /// A flag code (no-source, conflict...); none lists them all.
        code: Option<String>,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), generated from the command-line definition.
    Man,
    /// Print the JSON Schema of claimscope.toml (for editors and validators).
    Schema,
    /// List or test the rule set.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
}

#[derive(Args, Clone)]
pub struct RuleArgs {
    /// Add the rule files (*.toml) under DIR to the embedded defaults. Repeatable.
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    /// Use only the rule sets given with --rules.
    #[arg(long)]
    pub no_default_rules: bool,
}

#[derive(Args)]
struct ScanArgs {
    #[command(flatten)]
    inputs: InputArgs,
    /// Output format; human on a terminal, json otherwise.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Exit with status 1 when a flag at or above this severity is found [default: warning].
    #[arg(long, value_enum)]
    fail_on: Option<FailOnArg>,
    /// Colour in human output.
    #[arg(long, value_enum, default_value = "auto")]
    color: Color,
    /// Write the report to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Report only findings not in this baseline (written by --write-baseline).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Write every finding of this run to FILE as a baseline.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Print no notices, no summary and no citation tally; errors still go to stderr.
    #[arg(long, short = 'q')]
    quiet: bool,
    /// Print counts (documents, bytes, claims by kind, flags by code) and speed to stderr at the end.
    #[arg(long)]
    stats: bool,
    /// Check each document on its own and write it as soon as it is done, instead of holding
    /// the set back to compare claims across documents (JSONL record streams never compare).
    #[arg(long)]
    no_cross: bool,
}

#[derive(Args)]
struct MatrixArgs {
    #[command(flatten)]
    inputs: InputArgs,
    /// How to print the matrix.
    #[arg(long, value_enum, default_value = "table")]
    format: MatrixFormat,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MatrixFormat {
    Table,
    Json,
    Csv,
    Markdown,
}

/// What to read and how: shared by `scan` and `matrix`.
#[derive(Args)]
pub struct InputArgs {
    /// Files, folders, http(s) URLs, or `-` for standard input (with --input jsonl: JSONL
    /// streams, standard input when none is named).
    #[arg(value_name = "PATH", required_unless_present = "input")]
    pub paths: Vec<String>,
    /// How the inputs are framed: whole documents, or JSONL records
    /// `{"id": ..., "text" | "html" | "url": ...}` whose other fields come back as `meta`.
    #[arg(long, value_enum, default_value = "text")]
    pub input: InputKind,
    /// Read inputs in this encoding (a WHATWG label: gbk, gb18030, big5, utf-16le...) instead
    /// of detecting it.
    #[arg(long, value_name = "LABEL", value_parser = parse_encoding)]
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Documents processed in parallel; results still come out in input order.
    #[arg(long, short = 'j', value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: u16,
    /// Largest body fetched from a URL, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 10 * 1024 * 1024)]
    pub max_bytes: u64,
    /// Seconds a URL fetch may take in all (connect, redirects, body).
    #[arg(long, value_name = "SECONDS", default_value_t = 20.0, value_parser = parse_seconds)]
    pub timeout: f64,
    /// Fetch every cited page and check that it holds the claim's figure.
    #[arg(long)]
    pub check_citations: bool,
    /// Keep fetched citation pages here for a day [default: $XDG_CACHE_HOME/claimscope or
    /// ~/.cache/claimscope].
    #[arg(long, value_name = "DIR", conflicts_with = "no_cache")]
    pub cache: Option<PathBuf>,
    /// Fetch every cited page afresh and keep nothing.
    #[arg(long)]
    pub no_cache: bool,
    /// Retries of a cited page after a 5xx, 408, 429 or timeout, waiting 1 s, 2 s, 4 s...
    /// [default: 3]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=10))]
    pub retries: Option<u32>,
    /// Settings file [default: the nearest claimscope.toml in this folder or one above].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Let citation checks fetch loopback, private, link-local and unique-local addresses.
    #[arg(long)]
    pub allow_private_hosts: bool,
    #[command(flatten)]
    pub rules: RuleArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputKind {
    Text,
    Jsonl,
}

fn parse_encoding(label: &str) -> Result<&'static encoding_rs::Encoding, String> {
    claimscope::input::encoding_for_label(label)
        .ok_or_else(|| format!("unknown encoding \"{label}\" (try utf-8, gbk, gb18030, big5, utf-16le)"))
}

fn parse_seconds(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v > 0.0 && v.is_finite() && v <= 86_400.0 => Ok(v),
        _ => Err(format!("\"{s}\" is not a number of seconds between 0 and 86400")),
    }
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
    /// GitHub Actions workflow commands (`::warning file=...,line=...::`), one per flag.
    Github,
    /// One row per claim with every scope field, for spreadsheets.
    Csv,
    /// SARIF 2.1.0, one result per flag, for code-scanning dashboards.
    Sarif,
    /// One self-contained HTML page: every claim highlighted, details on click, a sortable table.
    Html,
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
        Command::Matrix(args) => matrix(args),
        Command::Explain { code } => explain(code.as_deref()),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut cmd, "claimscope", &mut buf);
            print_all(&buf)
        }
        Command::Schema => print_all(claimscope::config::schema().as_bytes()),
        Command::Man => {
            let mut buf = Vec::new();
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command())
                .render(&mut buf)
                .map_err(anyhow::Error::from)
                .and_then(|()| print_all(&buf))
        }
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
/// The settings file named with --config, else the nearest one above the working folder.
fn load_config(args: &InputArgs) -> Result<run::Loaded> {
    let path = match &args.config {
        Some(p) => Some(p.clone()),
        None => claimscope::config::Config::discover(&std::env::current_dir()?),
    };
    let Some(path) = path else { return Ok(run::Loaded::default()) };
    let config = claimscope::config::Config::load(&path)?;
    let dir = path.parent().map(|d| if d.as_os_str().is_empty() { PathBuf::from(".") } else { d.to_path_buf() });
    Ok(run::Loaded { config, dir, path: Some(path) })
}

fn load_scanner(args: &RuleArgs, strict: bool) -> Result<Scanner> {
    load_scanner_with(args, strict, &run::Loaded::default())
}

fn load_scanner_with(args: &RuleArgs, strict: bool, config: &run::Loaded) -> Result<Scanner> {
    let mut sources: Vec<RuleSource> = if args.no_default_rules { Vec::new() } else { scanner::default_sources() };
    if strict {
        sources.iter_mut().for_each(|s| s.trusted = false);
    }
    let base = config.dir.clone().unwrap_or_default();
    let configured: Vec<PathBuf> = config.config.rules.iter().map(|r| base.join(r)).collect();
    if let Some(src) = config.path.as_ref().and_then(|p| config.config.lexicon_source(&p.display().to_string())) {
        sources.push(src);
    }
    for dir in args.rules.iter().chain(&configured) {
        let found = scanner::sources_in(dir).with_context(|| format!("cannot read rule folder {}", dir.display()))?;
        if found.is_empty() {
            anyhow::bail!("rule folder {} holds no .toml files", dir.display());
        }
        sources.extend(found);
    }
    let scanner = Scanner::new(&sources).map_err(|e| anyhow::anyhow!("the rule set does not load:\n{e}"))?;
    if let (Some(id), Some(path)) = (config.config.unknown_rule(&scanner.set), &config.path) {
        anyhow::bail!(
            "{}: disable_rules names \"{id}\", which no loaded rule has (`claimscope rules list`)",
            path.display()
        );
    }
    Ok(scanner)
}

fn scan(args: ScanArgs) -> Result<ExitCode> {
    let config = load_config(&args.inputs)?;
    let scanner = load_scanner_with(&args.inputs.rules, false, &config)?;
    let stdout = std::io::stdout();
    let format = args.format.unwrap_or(if stdout.is_terminal() { Format::Human } else { Format::Json });
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let fail_on = match (args.fail_on, config.config.fail_on.as_deref()) {
        (Some(FailOnArg::Error), _) | (None, Some("error")) => FailOn::Error,
        (Some(FailOnArg::Never), _) | (None, Some("never")) => FailOn::Never,
        _ => FailOn::Warning,
    };
    let baseline = match &args.baseline {
        None => None,
        Some(p) => {
            let text = std::fs::read_to_string(p).with_context(|| format!("cannot read baseline {}", p.display()))?;
            let b: claimscope::baseline::Baseline = serde_json::from_str(&text)
                .with_context(|| format!("baseline {} is not a claimscope baseline", p.display()))?;
            Some(b)
        }
    };
    let known = baseline.as_ref().map(|b| b.keys());
    let mut seen: Vec<claimscope::baseline::Entry> = Vec::new();
    // A JSONL stream is processed a record at a time and never held back.
    let cross = !args.no_cross && args.inputs.input == InputKind::Text;
    let run = run::Run::new(&args.inputs, &scanner, cross, &config);
    let sink: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(std::fs::File::create(p).with_context(|| format!("cannot write {}", p.display()))?),
        None => Box::new(stdout.lock()),
    };
    let mut out = std::io::BufWriter::new(sink);
    let mut totals = Totals::default();
    let mut tripped = false;
    let mut input_errors = 0;
    let mut report = match format {
        Format::Json => Some(render::json::ReportWriter::begin(&mut out)?),
        _ => None,
    };
    if format == Format::Csv {
        out.write_all(render::ci::csv_header().as_bytes())?;
    }
    let mut stats = Stats::default();
    let started = std::time::Instant::now();
    let mut section = String::new();
    // SARIF is one log for the run, written when every document is in.
    let mut sarif_docs: Vec<(String, Vec<claimscope::Claim>)> = Vec::new();
    let mut html_docs: Vec<(String, String, Vec<claimscope::Claim>)> = Vec::new();
    let ran = {
        let mut emit = |done: Done| -> std::io::Result<()> {
            match done {
                Done::Failed(e) => {
                    input_errors += 1;
                    let at = e.line.map_or(String::new(), |l| format!(" (line {l})"));
                    eprintln!("claimscope: {}{at}: {}", e.path, e.error);
                    match format {
                        Format::Jsonl => out.write_all(render::json::error_line(&e).as_bytes())?,
                        Format::Json => report.as_mut().expect("json has a report").error(e),
                        Format::Github => {
                            let msg = format!("{}{at}: {}", e.path, e.error).replace('%', "%25").replace('\n', "%0A");
                            writeln!(out, "::error title=claimscope input error::{msg}")?
                        }
                        Format::Human | Format::Csv | Format::Sarif | Format::Html => {}
                    }
                }
                Done::Skipped { name, reason } => {
                    if !args.quiet {
                        eprintln!("claimscope: {name}: skipped: {reason}")
                    }
                }
                Done::Doc(s) => {
                    let Scanned { name, loaded, meta, mut claims, voice, silences, .. } = *s;
                    config.config.apply(&mut claims);
                    let suppressed = claimscope::suppress::apply(&silences, &mut claims);
                    totals.suppressed += suppressed;
                    if args.write_baseline.is_some() {
                        seen.extend(claimscope::baseline::entries(&name, &claims));
                    }
                    if let Some(keys) = &known {
                        totals.baselined += claimscope::baseline::filter(keys, &name, &mut claims);
                    }
                    tripped |= claims.iter().any(|c| fail_on.trips(c));
                    totals.add(&claims);
                    stats.add(loaded.doc.raw().len(), &claims);
                    let notices = if args.quiet { Vec::new() } else { loaded.notices };
                    if format != Format::Human {
                        for n in &notices {
                            eprintln!("claimscope: {name}: {n}");
                        }
                    }
                    match format {
                        Format::Jsonl => {
                            out.write_all(render::json::lines(&name, meta.as_ref(), &claims).as_bytes())?
                        }
                        Format::Github => out.write_all(render::ci::github(&name, &claims).as_bytes())?,
                        Format::Csv => out.write_all(render::ci::csv_rows(&name, &claims).as_bytes())?,
                        Format::Sarif => sarif_docs.push((name, claims)),
                        Format::Html => html_docs.push((name, loaded.doc.into_raw(), claims)),
                        Format::Human => {
                            let opts = render::human::Options { color };
                            let text = render::human::document(&name, loaded.doc.raw(), &claims, &notices, opts);
                            out.write_all(text.as_bytes())?;
                        }
                        Format::Json => {
                            let published = loaded.page.as_ref().and_then(|p| p.published.clone());
                            let doc = DocumentReport {
                                path: name,
                                lang: loaded.doc.lang,
                                claims,
                                notices,
                                voice,
                                meta,
                                published,
                                suppressed,
                            };
                            report.as_mut().expect("json has a report").document(&mut out, &doc)?;
                        }
                    }
                }
            }
            // A pipeline reading the stream sees each document as it is done.
            if format != Format::Json {
                out.flush()?;
            }
            Ok(())
        };
        if cross {
            let (mut docs, order) = collect(&run, args.quiet);
            let findings = run::check_set(&scanner, &mut docs);
            if format == Format::Human {
                section = findings_section(&findings, &docs);
            }
            let mut docs = docs.into_iter();
            order.into_iter().try_for_each(|slot| match slot {
                Slot::Doc => emit(Done::Doc(Box::new(docs.next().expect("one document per slot")))),
                Slot::Other(d) => emit(d),
            })
        } else {
            run.each(emit)
        }
    };
    match ran {
        // A reader that went away (`| head`) is not an error of ours.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::from(2)),
        other => other?,
    }
    match (format, report) {
        (Format::Json, Some(report)) => report.end(&mut out)?,
        (Format::Sarif, _) => out.write_all(render::sarif::log(&sarif_docs).as_bytes())?,
        (Format::Html, _) => out.write_all(render::html::report(&html_docs).as_bytes())?,
        (Format::Human, _) => {
            out.write_all(section.as_bytes())?;
            if !args.quiet {
                writeln!(out, "{}", render::human::summary(&totals))?
            }
        }
        _ => {}
    }
    out.flush()?;
    if let Some(line) = run.citation_summary().filter(|_| !args.quiet) {
        eprintln!("claimscope: {line}");
    }
    if args.stats {
        eprint!("{}", stats.report(started.elapsed()));
    }
    if let Some(p) = &args.write_baseline {
        let b = claimscope::baseline::Baseline::new(seen);
        let text = serde_json::to_string_pretty(&b)? + "\n";
        std::fs::write(p, text).with_context(|| format!("cannot write baseline {}", p.display()))?;
        if !args.quiet {
            eprintln!("claimscope: wrote {} findings to {}", b.findings.len(), p.display());
        }
    }
    Ok(if input_errors > 0 {
        ExitCode::from(2)
    } else if tripped {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// What `--stats` reports.
#[derive(Default)]
struct Stats {
    documents: usize,
    bytes: usize,
    kinds: std::collections::BTreeMap<&'static str, usize>,
    flags: std::collections::BTreeMap<String, usize>,
}

impl Stats {
    fn add(&mut self, bytes: usize, claims: &[claimscope::Claim]) {
        self.documents += 1;
        self.bytes += bytes;
        for c in claims {
            *self.kinds.entry(c.kind.as_str()).or_default() += 1;
            for f in &c.flags {
                *self.flags.entry(f.code.clone()).or_default() += 1;
            }
        }
    }

    fn report(&self, elapsed: std::time::Duration) -> String {
        let secs = elapsed.as_secs_f64().max(1e-6);
        let list = |m: Vec<(String, usize)>| m.iter().map(|(k, v)| format!("{k} {v}")).collect::<Vec<_>>().join(", ");
        let kinds = list(self.kinds.iter().map(|(k, v)| (k.to_string(), *v)).collect());
        let flags = list(self.flags.iter().map(|(k, v)| (k.clone(), *v)).collect());
        format!(
            "claimscope: {} documents, {} bytes in {:.2} s ({:.1} MB/s)\nclaimscope: claims: {}\nclaimscope: flags: {}\n",
            self.documents,
            self.bytes,
            secs,
            self.bytes as f64 / 1e6 / secs,
            if kinds.is_empty() { "none".to_string() } else { kinds },
            if flags.is_empty() { "none".to_string() } else { flags },
        )
    }
}

/// Where a held-back result goes when the set is written out.
enum Slot {
    Doc,
    Other(Done),
}

/// Every input's result, the documents apart (for the set checks) and the order to write in.
fn collect(run: &run::Run<'_>, quiet: bool) -> (Vec<Scanned>, Vec<Slot>) {
    let mut docs = Vec::new();
    let mut order = Vec::new();
    // Nothing reaches stdout while a set is read, so a spinner on a terminal's stderr is clean.
    let progress = if !quiet && std::io::stderr().is_terminal() {
        let pb = indicatif::ProgressBar::new_spinner();
        pb.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} documents read {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        pb.enable_steady_tick(std::time::Duration::from_millis(120));
        pb
    } else {
        indicatif::ProgressBar::hidden()
    };
    let collected: Result<(), std::convert::Infallible> = run.each(|d| {
        progress.inc(1);
        match d {
            Done::Doc(s) => {
                docs.push(*s);
                order.push(Slot::Doc);
            }
            other => order.push(Slot::Other(other)),
        }
        Ok(())
    });
    let Ok(()) = collected;
    progress.finish_and_clear();
    (docs, order)
}

/// The human report's closing section on findings that involve several claims.
fn findings_section(findings: &[claimscope::crossdoc::Finding], docs: &[Scanned]) -> String {
    let members: Vec<Vec<render::human::Member<'_>>> = findings
        .iter()
        .map(|f| {
            f.claims
                .iter()
                .map(|&(d, i)| {
                    let c = &docs[d].claims[i];
                    render::human::Member {
                        path: &docs[d].name,
                        line: c.span.line,
                        column: c.span.column,
                        text: &c.text,
                    }
                })
                .collect()
        })
        .collect();
    render::human::findings(findings, &members)
}

fn matrix(args: MatrixArgs) -> Result<ExitCode> {
    let config = load_config(&args.inputs)?;
    let scanner = load_scanner_with(&args.inputs.rules, false, &config)?;
    let run = run::Run::new(&args.inputs, &scanner, true, &config);
    let (mut docs, order) = collect(&run, false);
    let mut failed = 0;
    for slot in &order {
        match slot {
            Slot::Other(Done::Failed(e)) => {
                failed += 1;
                let at = e.line.map_or(String::new(), |l| format!(" (line {l})"));
                eprintln!("claimscope: {}{at}: {}", e.path, e.error);
            }
            Slot::Other(Done::Skipped { name, reason }) => eprintln!("claimscope: {name}: skipped: {reason}"),
            _ => {}
        }
    }
    let mut facts = run::facts_of(&mut docs);
    claimscope::crossdoc::check(scanner.lexicons(), &mut facts);
    for (f, d) in facts.iter_mut().zip(&docs) {
        config.config.apply(&mut f.claims);
        claimscope::suppress::apply(&d.silences, &mut f.claims);
    }
    let rows = render::matrix::rows(scanner.lexicons(), &facts);
    let stdout = std::io::stdout();
    let text = match args.format {
        MatrixFormat::Table => {
            let width = if stdout.is_terminal() { terminal_width() } else { None };
            render::matrix::table(&rows, width)
        }
        MatrixFormat::Json => render::matrix::json(&rows),
        MatrixFormat::Csv => render::matrix::csv(&rows)?,
        MatrixFormat::Markdown => render::matrix::markdown(&rows),
    };
    let mut out = stdout.lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::from(2)),
        other => other?,
    }
    if let Some(line) = run.citation_summary() {
        eprintln!("claimscope: {line}");
    }
    Ok(if failed > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

/// The terminal's width from `COLUMNS`, as shells export it; a table is not wrapped without it.
fn terminal_width() -> Option<u16> {
    std::env::var("COLUMNS").ok()?.parse().ok().filter(|&w: &u16| w >= 40)
}

/// Writes generated text to stdout; a reader that stops early (`| head`) is not an error.
fn print_all(bytes: &[u8]) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        other => other.map(|()| ExitCode::SUCCESS).map_err(Into::into),
    }
}

fn explain(code: Option<&str>) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match code {
        None => {
            for f in claimscope::flags::FLAGS {
                writeln!(out, "{:<22} {:<8} {}", f.code, f.severity.as_str(), f.summary)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(c) => match claimscope::flags::explain(c) {
            Some(text) => {
                writeln!(out, "{text}")?;
                Ok(ExitCode::SUCCESS)
            }
            None => {
                eprintln!("claimscope: no flag is called \"{c}\"; `claimscope explain` lists them");
                Ok(ExitCode::from(2))
            }
        },
    }
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
