//! Fetching the pages that claims cite (`--check-citations`): every distinct URL once,
//! concurrently, politely (per-host limits and spacing, retries with backoff), safely (no
//! private addresses unless allowed), with an on-disk cache.

use crate::fetch::{self, FetchError, FetchOptions, Fetched};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::sync::Semaphore;
use tokio::time::Instant;

#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Timeout, redirect cap, body cap and user agent for each request.
    pub fetch: FetchOptions,
    /// Retries after the first attempt, for 5xx, 408, 429 and timeouts.
    pub retries: u32,
    /// The first wait before a retry; each further wait doubles.
    pub first_backoff: Duration,
    /// Requests in flight at once to one host.
    pub per_host: usize,
    /// Least time between the starts of two requests to one host.
    pub host_interval: Duration,
    /// Where fetched pages are kept between runs; `None`: no cache.
    pub cache_dir: Option<PathBuf>,
    pub cache_max_age: Duration,
    /// Fetch loopback, private, link-local and unique-local addresses too (tests).
    pub allow_private: bool,
    /// Draw a progress bar on stderr.
    pub progress: bool,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            fetch: FetchOptions::default(),
            retries: 3,
            first_backoff: Duration::from_secs(1),
            per_host: 10,
            host_interval: Duration::from_millis(50),
            cache_dir: None,
            cache_max_age: Duration::from_secs(24 * 60 * 60),
            allow_private: false,
            progress: false,
        }
    }
}

/// What became of one URL.
#[derive(Debug, Clone)]
pub enum Outcome {
    Fetched {
        page: Fetched,
        from_cache: bool,
    },
    /// The reason, as the user reads it after the URL.
    Failed {
        reason: String,
    },
}

/// Requests in flight at once over all hosts: each holds a socket, and each DNS lookup a blocking-pool
/// thread, so a document citing thousands of hosts must not open thousands at once.
const MAX_IN_FLIGHT: usize = 32;

/// The longest `Retry-After` we wait for; a server asking for more is reported, not waited on.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(30);

const REFUSED_PREFIX: &str = "refused: ";
const ALLOW_HINT: &str = "(use --allow-private-hosts to allow it)";

/// Fetches every distinct URL once, blocking the caller until all are done.
pub fn check_all(urls: &[String], opts: &CheckOptions) -> HashMap<String, Outcome> {
    check_all_guarded(urls, opts, Guard { allow_private: opts.allow_private, exempt_literal: None })
}

/// One fetch standing for every given string that names the same resource.
struct Job {
    /// The URL as requested: parsed and without its fragment, which never reaches the server.
    url: String,
    /// Whose politeness limits apply; `None` for strings that are not fetchable URLs.
    host: Option<String>,
    given: Vec<String>,
}

fn check_all_guarded(urls: &[String], opts: &CheckOptions, guard: Guard) -> HashMap<String, Outcome> {
    let jobs = plan(urls);
    let mut results: HashMap<String, Outcome> = HashMap::with_capacity(urls.len());
    if jobs.is_empty() {
        return results;
    }
    let progress = progress_bar(opts.progress, jobs.len());
    let cache = opts.cache_dir.as_deref().and_then(|dir| Cache::open(dir, opts.cache_max_age));

    // Refusals and cache hits are settled here, so a fully cached run never starts a runtime.
    let mut pending = Vec::new();
    for job in jobs {
        let settled = match reqwest::Url::parse(&job.url) {
            Ok(parsed) => match guard.vet_literal(&parsed) {
                Err(reason) => Some(Outcome::Failed { reason }),
                Ok(()) => cache
                    .as_ref()
                    .and_then(|c| c.load(&job.url))
                    .map(|page| Outcome::Fetched { page, from_cache: true }),
            },
            Err(_) => None,
        };
        match settled {
            Some(outcome) => {
                progress.inc(1);
                record(&mut results, job.given, outcome);
            }
            None => pending.push(job),
        }
    }

    if !pending.is_empty() {
        let fetched = fetch_pending(&pending, opts, guard, cache, &progress);
        for (job, outcome) in pending.into_iter().zip(fetched) {
            record(&mut results, job.given, outcome);
        }
    }
    progress.finish_and_clear();
    results
}

/// Groups the given strings by the resource they name, keeping first-seen order.
fn plan(urls: &[String]) -> Vec<Job> {
    let mut jobs: Vec<Job> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for given in urls {
        let (url, host) = match reqwest::Url::parse(given) {
            Ok(mut parsed) if matches!(parsed.scheme(), "http" | "https") && parsed.host_str().is_some() => {
                parsed.set_fragment(None);
                let host = host_key(&parsed);
                (parsed.to_string(), host)
            }
            // Left as given: the fetcher turns it into its own "not a fetchable URL" reason.
            _ => (given.clone(), None),
        };
        match index.get(&url) {
            Some(&i) => {
                if !jobs[i].given.contains(given) {
                    jobs[i].given.push(given.clone());
                }
            }
            None => {
                index.insert(url.clone(), jobs.len());
                jobs.push(Job { url, host, given: vec![given.clone()] });
            }
        }
    }
    jobs
}

/// Host and port: servers on different ports of one machine are usually different services, and the
/// tests run several mock servers on 127.0.0.1.
fn host_key(url: &reqwest::Url) -> Option<String> {
    let host = url.host_str()?;
    Some(match url.port_or_known_default() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_string(),
    })
}

fn record(results: &mut HashMap<String, Outcome>, given: Vec<String>, outcome: Outcome) {
    for key in given {
        results.insert(key, outcome.clone());
    }
}

fn progress_bar(enabled: bool, total: usize) -> ProgressBar {
    if !enabled {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("checking citations [{bar:30}] {pos}/{len} {wide_msg}") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// Fetches `jobs` on a runtime of its own, returning their outcomes in the same order.
fn fetch_pending(
    jobs: &[Job],
    opts: &CheckOptions,
    guard: Guard,
    cache: Option<Cache>,
    progress: &ProgressBar,
) -> Vec<Outcome> {
    let fail_all = |reason: String| {
        progress.inc(jobs.len() as u64);
        jobs.iter().map(|_| Outcome::Failed { reason: reason.clone() }).collect()
    };
    // Current-thread: the work is waiting on sockets, and the multi-thread runtime is not enabled in
    // this crate's tokio features outside tests.
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => return fail_all(format!("cannot start the async runtime: {e}")),
    };
    let client = match build_client(&opts.fetch, &guard) {
        Ok(client) => client,
        Err(e) => return fail_all(e.to_string()),
    };
    let shared = Arc::new(Shared {
        client,
        opts: opts.clone(),
        hosts: Mutex::new(HashMap::new()),
        in_flight: Semaphore::new(MAX_IN_FLIGHT),
        cache: cache.map(Arc::new),
        progress: progress.clone(),
    });

    runtime.block_on(async {
        let mut tasks = tokio::task::JoinSet::new();
        for (i, job) in jobs.iter().enumerate() {
            let shared = Arc::clone(&shared);
            let (url, host) = (job.url.clone(), job.host.clone());
            tasks.spawn(async move {
                let outcome = shared.check_one(&url, host.as_deref()).await;
                shared.progress.set_message(url);
                shared.progress.inc(1);
                (i, outcome)
            });
        }
        let mut outcomes: Vec<Option<Outcome>> = vec![None; jobs.len()];
        while let Some(joined) = tasks.join_next().await {
            // A panicking task loses its index; its slot is filled below rather than aborting the run.
            if let Ok((i, outcome)) = joined {
                outcomes[i] = Some(outcome);
            }
        }
        outcomes
            .into_iter()
            .map(|o| o.unwrap_or_else(|| Outcome::Failed { reason: "internal error while fetching".to_string() }))
            .collect()
    })
}

fn build_client(fetch_opts: &FetchOptions, guard: &Guard) -> Result<reqwest::Client, FetchError> {
    let vet = {
        let guard = guard.clone();
        move |url: &reqwest::Url| guard.vet_literal(url)
    };
    let mut builder = fetch::client_builder_vetting_redirects(fetch_opts, vet);
    if !guard.allow_private {
        // Checking addresses where they are resolved covers every connection, redirect hops included,
        // and leaves no gap between the check and the connect for a rebinding DNS server to use.
        builder = builder.dns_resolver(GuardedResolver { guard: guard.clone() });
    }
    builder.build().map_err(|e| FetchError::Other(format!("cannot set up the HTTP client: {e}")))
}

struct Shared {
    client: reqwest::Client,
    opts: CheckOptions,
    hosts: Mutex<HashMap<String, Arc<HostGate>>>,
    in_flight: Semaphore,
    cache: Option<Arc<Cache>>,
    progress: ProgressBar,
}

impl Shared {
    async fn check_one(&self, url: &str, host: Option<&str>) -> Outcome {
        match self.fetch_with_retries(url, host).await {
            Ok(page) => {
                if let Some(cache) = &self.cache {
                    let (cache, key, copy) = (Arc::clone(cache), url.to_string(), page.clone());
                    // Off the runtime thread: a body can be megabytes, and other fetches are waiting.
                    let _ = tokio::task::spawn_blocking(move || cache.store(&key, &copy)).await;
                }
                Outcome::Fetched { page, from_cache: false }
            }
            Err(reason) => Outcome::Failed { reason },
        }
    }

    async fn fetch_with_retries(&self, url: &str, host: Option<&str>) -> Result<Fetched, String> {
        let opts = &self.opts;
        let gate = host.map(|h| self.gate(h));
        let mut backoff = opts.first_backoff;
        let mut attempt = 0;
        loop {
            let (result, retry_after) = {
                // Host first: waiting on a busy host while holding a global slot would starve other hosts.
                let _host_permit = match &gate {
                    Some(gate) => Some(gate.permits.acquire().await),
                    None => None,
                };
                let _slot = self.in_flight.acquire().await;
                if let Some(gate) = &gate {
                    gate.wait_turn(opts.host_interval).await;
                }
                fetch::fetch_async_with_retry_after(&self.client, url, &opts.fetch).await
            };
            let err = match result {
                Ok(page) => return Ok(page),
                Err(err) => err,
            };
            if attempt >= opts.retries || !is_retryable(&err) {
                return Err(reason(&err));
            }
            let wait = match retry_after {
                Some(asked) if asked <= MAX_RETRY_AFTER => asked,
                Some(asked) => {
                    return Err(format!("{} (the server asked to wait {} s)", reason(&err), asked.as_secs()));
                }
                None => backoff,
            };
            tokio::time::sleep(wait).await;
            backoff = backoff.saturating_mul(2);
            attempt += 1;
        }
    }

    fn gate(&self, host: &str) -> Arc<HostGate> {
        let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
        let gate = hosts.entry(host.to_string()).or_insert_with(|| {
            Arc::new(HostGate {
                // Zero would wait forever; one at a time is the most polite reading of it.
                permits: Semaphore::new(self.opts.per_host.max(1)),
                next_start: Mutex::new(None),
            })
        });
        Arc::clone(gate)
    }
}

/// Politeness towards one host: a cap on requests in flight and a least spacing between their starts.
struct HostGate {
    permits: Semaphore,
    next_start: Mutex<Option<Instant>>,
}

impl HostGate {
    /// Reserves the next start time (so concurrent callers queue up `interval` apart) and sleeps to it.
    async fn wait_turn(&self, interval: Duration) {
        let start = {
            let mut next = self.next_start.lock().unwrap_or_else(|e| e.into_inner());
            let now = Instant::now();
            let start = next.map_or(now, |t| t.max(now));
            *next = Some(start + interval);
            start
        };
        tokio::time::sleep_until(start).await;
    }
}

fn is_retryable(err: &FetchError) -> bool {
    match err {
        FetchError::Status(code) => (500..=599).contains(code) || *code == 408 || *code == 429,
        FetchError::Timeout(_) => true,
        // A dropped connection is usually the server or a middlebox shedding load, not a verdict on the URL.
        FetchError::Connect(why) | FetchError::Other(why) => {
            let why = why.to_ascii_lowercase();
            why.contains("connection reset") || why.contains("closed before message completed")
        }
        _ => false,
    }
}

fn reason(err: &FetchError) -> String {
    match err {
        // The guarded resolver's refusal reaches us as a DNS failure; its own text says it all.
        FetchError::Dns(why) if why.starts_with(REFUSED_PREFIX) => why.clone(),
        other => other.to_string(),
    }
}

/// Which addresses may be fetched.
#[derive(Debug, Clone)]
struct Guard {
    allow_private: bool,
    /// One address let through when it appears literally in a URL (tests need a reachable first hop to
    /// exercise the redirect checks); resolved names get no exemption.
    exempt_literal: Option<IpAddr>,
}

impl Guard {
    /// Refuses a URL whose host is a disallowed IP literal; such hosts never reach the DNS resolver.
    fn vet_literal(&self, url: &reqwest::Url) -> Result<(), String> {
        if self.allow_private {
            return Ok(());
        }
        let Some(host) = url.host_str() else { return Ok(()) };
        let Ok(ip) = host.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>() else { return Ok(()) };
        if Some(ip) == self.exempt_literal {
            return Ok(());
        }
        match address_kind(ip) {
            Some(kind) => Err(format!("{REFUSED_PREFIX}{ip} is {kind} address {ALLOW_HINT}")),
            None => Ok(()),
        }
    }
}

/// Resolves names as the system does, then drops the addresses that may not be fetched; a name left with
/// none fails to resolve, with the refusal as the reason.
struct GuardedResolver {
    guard: Guard,
}

impl reqwest::dns::Resolve for GuardedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let allow_private = self.guard.allow_private;
        let host = name.as_str().to_string();
        Box::pin(async move {
            let resolved: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            if allow_private {
                return Ok(Box::new(resolved.into_iter()) as reqwest::dns::Addrs);
            }
            let mut refused = None;
            let allowed: Vec<SocketAddr> = resolved
                .into_iter()
                .filter(|addr| match address_kind(addr.ip()) {
                    Some(kind) => {
                        refused.get_or_insert((addr.ip(), kind));
                        false
                    }
                    None => true,
                })
                .collect();
            if allowed.is_empty() {
                let why = match refused {
                    Some((ip, kind)) => format!("{REFUSED_PREFIX}{host} resolves to {ip}, {kind} address {ALLOW_HINT}"),
                    None => format!("{host} has no addresses"),
                };
                return Err(why.into());
            }
            Ok(Box::new(allowed.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

/// Why an address is not on the public internet, with its article ("a loopback"), or `None` if it is.
fn address_kind(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => ipv4_kind(v4),
        IpAddr::V6(v6) => {
            // These forms reach the embedded IPv4 address (directly, or through a NAT64 gateway).
            if let Some(v4) = v6.to_ipv4_mapped() {
                return ipv4_kind(v4);
            }
            let seg = v6.segments();
            if seg[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
                let [.., a, b, c, d] = v6.octets();
                return ipv4_kind(Ipv4Addr::new(a, b, c, d));
            }
            if v6.is_loopback() {
                Some("a loopback")
            } else if v6.is_unspecified() {
                Some("an unspecified")
            } else if seg[0] & 0xffc0 == 0xfe80 {
                Some("a link-local")
            } else if seg[0] & 0xfe00 == 0xfc00 {
                Some("a unique-local")
            } else if seg[0] & 0xffc0 == 0xfec0 {
                Some("a site-local")
            } else if v6.is_multicast() {
                Some("a multicast")
            } else {
                None
            }
        }
    }
}

fn ipv4_kind(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, ..] = ip.octets();
    if ip.is_loopback() {
        Some("a loopback")
    } else if ip.is_private() {
        Some("a private")
    } else if ip.is_link_local() {
        Some("a link-local")
    } else if a == 100 && b & 0xc0 == 64 {
        Some("a carrier-grade NAT")
    } else if a == 0 {
        Some("an unspecified")
    } else if ip.is_broadcast() || a >= 240 {
        Some("a reserved")
    } else if ip.is_multicast() {
        Some("a multicast")
    } else {
        None
    }
}

/// Pages kept between runs: `<sha256 of the URL>.body` holds the body and `.json` a [`CacheMeta`].
#[derive(Debug)]
struct Cache {
    dir: PathBuf,
    max_age: Duration,
}

#[derive(Serialize, Deserialize)]
struct CacheMeta {
    /// The requested URL, guarding against a (theoretical) key collision.
    url: String,
    final_url: String,
    content_type: Option<String>,
    charset: Option<String>,
    /// Unix seconds.
    fetched_at: u64,
    /// Catches a body file replaced or cut short behind the metadata's back.
    body_len: u64,
}

impl Cache {
    /// `None` when the directory cannot be made: the check then runs uncached rather than failing.
    fn open(dir: &Path, max_age: Duration) -> Option<Cache> {
        std::fs::create_dir_all(dir).ok()?;
        Some(Cache { dir: dir.to_path_buf(), max_age })
    }

    fn paths(&self, url: &str) -> (PathBuf, PathBuf) {
        let key: String = Sha256::digest(url.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
        (self.dir.join(format!("{key}.body")), self.dir.join(format!("{key}.json")))
    }

    /// A fresh entry for `url`; stale, missing and unreadable entries all read as `None`.
    fn load(&self, url: &str) -> Option<Fetched> {
        let (body_path, meta_path) = self.paths(url);
        let meta: CacheMeta = serde_json::from_slice(&std::fs::read(meta_path).ok()?).ok()?;
        let age = unix_now().checked_sub(meta.fetched_at)?;
        if meta.url != url || Duration::from_secs(age) >= self.max_age {
            return None;
        }
        let body = std::fs::read(body_path).ok()?;
        if body.len() as u64 != meta.body_len {
            return None;
        }
        Some(Fetched { url: meta.final_url, content_type: meta.content_type, charset: meta.charset, body })
    }

    /// Best effort: a failed write only means the next run fetches again.
    fn store(&self, url: &str, page: &Fetched) {
        let (body_path, meta_path) = self.paths(url);
        let meta = CacheMeta {
            url: url.to_string(),
            final_url: page.url.clone(),
            content_type: page.content_type.clone(),
            charset: page.charset.clone(),
            fetched_at: unix_now(),
            body_len: page.body.len() as u64,
        };
        let Ok(meta_json) = serde_json::to_vec(&meta) else { return };
        // Body before metadata, each renamed into place whole, so a reader (perhaps another claimscope
        // run) never pairs new metadata with a half-written body.
        if write_atomically(&body_path, &page.body).is_ok() {
            let _ = write_atomically(&meta_path, &meta_json);
        }
    }
}

fn write_atomically(path: &Path, data: &[u8]) -> std::io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".{}.{n}.tmp", std::process::id()));
    let tmp = PathBuf::from(tmp);
    let result = std::fs::write(&tmp, data).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn unix_now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    fn opts() -> CheckOptions {
        CheckOptions {
            fetch: FetchOptions {
                timeout: Duration::from_secs(5),
                user_agent: "claimscope-test/1.0".to_string(),
                ..FetchOptions::default()
            },
            first_backoff: Duration::from_millis(5),
            host_interval: Duration::ZERO,
            allow_private: true,
            ..CheckOptions::default()
        }
    }

    /// The mock server runs on its own thread; this runtime only drives setup and verification, and
    /// `check_all` (which starts a runtime of its own) is called outside it.
    fn start() -> (tokio::runtime::Runtime, MockServer) {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let server = rt.block_on(MockServer::start());
        (rt, server)
    }

    fn mount(rt: &tokio::runtime::Runtime, server: &MockServer, at: &str, response: ResponseTemplate, times: u64) {
        rt.block_on(Mock::given(method("GET")).and(path(at)).respond_with(response).expect(times).mount(server));
    }

    fn page(body: &str) -> ResponseTemplate {
        ResponseTemplate::new(200).set_body_raw(body.to_string(), "text/html; charset=utf-8")
    }

    fn check(urls: &[String], opts: &CheckOptions) -> HashMap<String, Outcome> {
        check_all(urls, opts)
    }

    fn fetched(outcome: &Outcome) -> (&Fetched, bool) {
        match outcome {
            Outcome::Fetched { page, from_cache } => (page, *from_cache),
            Outcome::Failed { reason } => panic!("expected a page, got failure: {reason}"),
        }
    }

    fn failure(outcome: &Outcome) -> &str {
        match outcome {
            Outcome::Failed { reason } => reason,
            Outcome::Fetched { page, .. } => panic!("expected a failure, got a page from {}", page.url),
        }
    }

    fn one(urls: &[String], opts: &CheckOptions) -> Outcome {
        let mut results = check(urls, opts);
        assert_eq!(results.len(), 1);
        results.remove(&urls[0]).unwrap()
    }

    #[test]
    fn no_urls_no_work() {
        assert!(check(&[], &opts()).is_empty());
    }

    #[test]
    fn each_distinct_url_is_fetched_once() {
        let (rt, server) = start();
        mount(&rt, &server, "/page", page("the page"), 1);
        let url = format!("{}/page", server.uri());
        let with_fragment = format!("{url}#section-2");
        let urls = vec![url.clone(), url.clone(), with_fragment.clone(), url.clone()];
        let results = check(&urls, &opts());
        assert_eq!(results.len(), 2);
        for key in [&url, &with_fragment] {
            let (got, from_cache) = fetched(&results[key]);
            assert_eq!(got.body, b"the page");
            assert_eq!(got.content_type.as_deref(), Some("text/html"));
            assert_eq!(got.charset.as_deref(), Some("utf-8"));
            assert!(!from_cache);
        }
        rt.block_on(server.verify());
    }

    #[test]
    fn unfetchable_strings_fail_without_a_request() {
        let urls = vec!["not a url".to_string(), "ftp://example.com/x".to_string()];
        let results = check(&urls, &CheckOptions { allow_private: false, ..opts() });
        assert!(failure(&results["not a url"]).starts_with("not a fetchable URL"));
        assert_eq!(failure(&results["ftp://example.com/x"]), "not a fetchable URL: scheme ftp: is not http or https");
    }

    fn delayed_pages(rt: &tokio::runtime::Runtime, server: &MockServer, n: usize, delay: Duration) -> Vec<String> {
        (0..n)
            .map(|i| {
                mount(rt, server, &format!("/p{i}"), page("p").set_delay(delay), 1);
                format!("{}/p{i}", server.uri())
            })
            .collect()
    }

    fn all_fetched(results: &HashMap<String, Outcome>, urls: &[String]) {
        for url in urls {
            fetched(&results[url]);
        }
    }

    #[test]
    fn host_interval_spaces_the_starts() {
        let (rt, server) = start();
        let urls = delayed_pages(&rt, &server, 5, Duration::ZERO);
        let started = Instant::now();
        let results = check(&urls, &CheckOptions { per_host: 1, host_interval: Duration::from_millis(100), ..opts() });
        let took = started.elapsed();
        all_fetched(&results, &urls);
        // Five starts at least 100 ms apart: the last begins 400 ms after the first.
        assert!(took >= Duration::from_millis(400), "took {took:?}");
        rt.block_on(server.verify());
    }

    #[test]
    fn per_host_limit_caps_requests_in_flight() {
        let (rt, server) = start();
        let urls = delayed_pages(&rt, &server, 4, Duration::from_millis(250));
        let started = Instant::now();
        let results = check(&urls, &CheckOptions { per_host: 1, ..opts() });
        let took = started.elapsed();
        all_fetched(&results, &urls);
        assert!(took >= Duration::from_millis(1000), "one at a time should take 4 x 250 ms, took {took:?}");
        rt.block_on(server.verify());
    }

    #[test]
    fn requests_to_one_host_overlap_within_the_limit() {
        let (rt, server) = start();
        let urls = delayed_pages(&rt, &server, 5, Duration::from_millis(400));
        let started = Instant::now();
        let results = check(&urls, &CheckOptions { per_host: 5, ..opts() });
        let took = started.elapsed();
        all_fetched(&results, &urls);
        // One at a time would take 2 s.
        assert!(took < Duration::from_millis(1500), "took {took:?}");
        rt.block_on(server.verify());
    }

    #[test]
    fn different_hosts_are_fetched_concurrently() {
        let (rt, first) = start();
        let second = rt.block_on(MockServer::start());
        let delay = Duration::from_millis(300);
        let mut urls = delayed_pages(&rt, &first, 2, delay);
        urls.extend(delayed_pages(&rt, &second, 2, delay));
        let started = Instant::now();
        let results = check(&urls, &CheckOptions { per_host: 1, ..opts() });
        let took = started.elapsed();
        all_fetched(&results, &urls);
        // Each host serves its two one after the other (600 ms); the hosts overlap (all serial: 1.2 s).
        assert!(took >= Duration::from_millis(590), "took {took:?}");
        assert!(took < Duration::from_millis(1150), "took {took:?}");
        rt.block_on(first.verify());
        rt.block_on(second.verify());
    }

    #[test]
    fn a_503_then_200_succeeds_on_the_retry() {
        let (rt, server) = start();
        // Mounted first, so it answers first; once spent, the 200 takes over.
        rt.block_on(
            Mock::given(method("GET"))
                .and(path("/flaky"))
                .respond_with(ResponseTemplate::new(503))
                .up_to_n_times(1)
                .expect(1)
                .mount(&server),
        );
        mount(&rt, &server, "/flaky", page("recovered"), 1);
        let url = format!("{}/flaky", server.uri());
        let outcome = one(std::slice::from_ref(&url), &opts());
        assert_eq!(fetched(&outcome).0.body, b"recovered");
        rt.block_on(server.verify());
    }

    #[test]
    fn a_persistent_500_fails_after_all_retries() {
        let (rt, server) = start();
        mount(&rt, &server, "/down", ResponseTemplate::new(500), 4);
        let url = format!("{}/down", server.uri());
        let outcome = one(&[url], &CheckOptions { retries: 3, ..opts() });
        assert_eq!(failure(&outcome), "HTTP status 500");
        rt.block_on(server.verify());
    }

    #[test]
    fn a_404_is_not_retried() {
        let (rt, server) = start();
        mount(&rt, &server, "/gone", ResponseTemplate::new(404), 1);
        let outcome = one(&[format!("{}/gone", server.uri())], &opts());
        assert_eq!(failure(&outcome), "HTTP status 404");
        rt.block_on(server.verify());
    }

    #[test]
    fn a_429_with_retry_after_zero_is_retried_without_the_backoff() {
        let (rt, server) = start();
        rt.block_on(
            Mock::given(method("GET"))
                .and(path("/busy"))
                .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "0"))
                .up_to_n_times(1)
                .expect(1)
                .mount(&server),
        );
        mount(&rt, &server, "/busy", page("served"), 1);
        let url = format!("{}/busy", server.uri());
        // A 10 s backoff would blow the bound below; the server's "0" must be what is waited.
        let started = Instant::now();
        let outcome = one(&[url], &CheckOptions { first_backoff: Duration::from_secs(10), ..opts() });
        assert_eq!(fetched(&outcome).0.body, b"served");
        assert!(started.elapsed() < Duration::from_secs(3), "took {:?}", started.elapsed());
        rt.block_on(server.verify());
    }

    #[test]
    fn a_long_retry_after_is_reported_not_waited_for() {
        let (rt, server) = start();
        mount(&rt, &server, "/later", ResponseTemplate::new(503).insert_header("retry-after", "3600"), 1);
        let outcome = one(&[format!("{}/later", server.uri())], &opts());
        assert_eq!(failure(&outcome), "HTTP status 503 (the server asked to wait 3600 s)");
        rt.block_on(server.verify());
    }

    #[test]
    fn a_timeout_is_retried_then_reported() {
        let (rt, server) = start();
        mount(&rt, &server, "/slow", page("late").set_delay(Duration::from_secs(3)), 2);
        let timeout = Duration::from_millis(300);
        let started = Instant::now();
        let check_opts = CheckOptions { retries: 1, fetch: FetchOptions { timeout, ..opts().fetch }, ..opts() };
        let outcome = one(&[format!("{}/slow", server.uri())], &check_opts);
        assert_eq!(failure(&outcome), "timed out after 0.3 s");
        assert!(started.elapsed() < Duration::from_millis(2500), "took {:?}", started.elapsed());
        rt.block_on(server.verify());
    }

    #[test]
    fn a_redirect_loop_fails_with_the_limit() {
        let (rt, server) = start();
        let hop = ResponseTemplate::new(302).insert_header("location", "/loop");
        rt.block_on(Mock::given(method("GET")).and(path("/loop")).respond_with(hop).mount(&server));
        let check_opts = CheckOptions { fetch: FetchOptions { max_redirects: 3, ..opts().fetch }, ..opts() };
        let outcome = one(&[format!("{}/loop", server.uri())], &check_opts);
        assert_eq!(failure(&outcome), "more than 3 redirects");
        // Not retried: one request plus three followed hops.
        assert_eq!(rt.block_on(server.received_requests()).unwrap().len(), 4);
    }

    #[test]
    fn an_oversized_body_fails() {
        let (rt, server) = start();
        mount(&rt, &server, "/big", page(&"a".repeat(5000)), 1);
        let check_opts = CheckOptions { fetch: FetchOptions { max_bytes: 1000, ..opts().fetch }, ..opts() };
        let outcome = one(&[format!("{}/big", server.uri())], &check_opts);
        assert_eq!(failure(&outcome), "body larger than the 1000-byte cap");
        rt.block_on(server.verify());
    }

    #[test]
    fn a_non_text_page_fails_once() {
        let (rt, server) = start();
        mount(&rt, &server, "/img", ResponseTemplate::new(200).set_body_raw(vec![0x89, b'P'], "image/png"), 1);
        let outcome = one(&[format!("{}/img", server.uri())], &opts());
        assert_eq!(failure(&outcome), "not a text page (content type image/png)");
        rt.block_on(server.verify());
    }

    #[test]
    fn progress_bar_does_not_disturb_results() {
        let (rt, server) = start();
        mount(&rt, &server, "/a", page("a"), 1);
        let urls = vec![format!("{}/a", server.uri()), "nope".to_string()];
        let results = check(&urls, &CheckOptions { progress: true, ..opts() });
        fetched(&results[&urls[0]]);
        failure(&results["nope"]);
        rt.block_on(server.verify());
    }

    fn guarded() -> CheckOptions {
        CheckOptions { allow_private: false, ..opts() }
    }

    #[test]
    fn a_loopback_literal_is_refused_before_any_request() {
        let (rt, server) = start();
        mount(&rt, &server, "/secret", page("internal"), 0);
        let url = format!("{}/secret", server.uri());
        assert!(url.starts_with("http://127.0.0.1:"), "{url}");
        let outcome = one(std::slice::from_ref(&url), &guarded());
        assert_eq!(
            failure(&outcome),
            "refused: 127.0.0.1 is a loopback address (use --allow-private-hosts to allow it)"
        );
        rt.block_on(server.verify());
    }

    #[test]
    fn a_name_resolving_to_loopback_is_refused_after_dns() {
        let (rt, server) = start();
        mount(&rt, &server, "/secret", page("internal"), 0);
        let url = format!("http://localhost:{}/secret", server.address().port());
        let outcome = one(&[url], &guarded());
        let reason = failure(&outcome);
        assert!(reason.starts_with("refused: localhost resolves to "), "{reason}");
        assert!(reason.contains("loopback address (use --allow-private-hosts to allow it)"), "{reason}");
        rt.block_on(server.verify());
    }

    #[test]
    fn redirect_hops_are_checked_too() {
        let (rt, server) = start();
        let port = server.address().port();
        let redirect = |to: String| ResponseTemplate::new(302).insert_header("location", to.as_str());
        mount(&rt, &server, "/to-literal", redirect(format!("http://127.0.0.2:{port}/secret")), 1);
        mount(&rt, &server, "/to-v6", redirect(format!("http://[::1]:{port}/secret")), 1);
        mount(&rt, &server, "/to-name", redirect(format!("http://localhost:{port}/secret")), 1);
        mount(&rt, &server, "/to-same", redirect(format!("http://127.0.0.1:{port}/public")), 1);
        mount(&rt, &server, "/public", page("fine"), 1);
        mount(&rt, &server, "/secret", page("internal"), 0);

        // 127.0.0.1 stands in for a public first hop; everything else stays guarded.
        let guard = Guard { allow_private: false, exempt_literal: Some(IpAddr::from([127, 0, 0, 1])) };
        let at = |p: &str| format!("{}{p}", server.uri());
        let urls = ["/to-literal", "/to-v6", "/to-name", "/to-same"].map(at).to_vec();
        let results = check_all_guarded(&urls, &guarded(), guard);
        assert_eq!(
            failure(&results[&urls[0]]),
            "refused: 127.0.0.2 is a loopback address (use --allow-private-hosts to allow it)"
        );
        assert_eq!(
            failure(&results[&urls[1]]),
            "refused: ::1 is a loopback address (use --allow-private-hosts to allow it)"
        );
        assert!(failure(&results[&urls[2]]).starts_with("refused: localhost resolves to "));
        assert_eq!(fetched(&results[&urls[3]]).0.body, b"fine");
        rt.block_on(server.verify());
    }

    #[test]
    fn address_classification() {
        let table: &[(&str, Option<&str>)] = &[
            ("127.0.0.1", Some("a loopback")),
            ("127.8.9.10", Some("a loopback")),
            ("10.1.2.3", Some("a private")),
            ("172.16.0.1", Some("a private")),
            ("172.31.255.255", Some("a private")),
            ("172.32.0.1", None),
            ("192.168.1.1", Some("a private")),
            ("169.254.1.1", Some("a link-local")),
            ("100.64.0.1", Some("a carrier-grade NAT")),
            ("100.127.255.255", Some("a carrier-grade NAT")),
            ("100.128.0.1", None),
            ("0.0.0.0", Some("an unspecified")),
            ("255.255.255.255", Some("a reserved")),
            ("224.0.0.1", Some("a multicast")),
            ("8.8.8.8", None),
            ("1.1.1.1", None),
            ("::1", Some("a loopback")),
            ("::", Some("an unspecified")),
            ("fe80::1", Some("a link-local")),
            ("febf::1", Some("a link-local")),
            ("fc00::1", Some("a unique-local")),
            ("fd00::1", Some("a unique-local")),
            ("fec0::1", Some("a site-local")),
            ("ff02::1", Some("a multicast")),
            ("::ffff:127.0.0.1", Some("a loopback")),
            ("::ffff:10.0.0.1", Some("a private")),
            ("::ffff:8.8.8.8", None),
            ("64:ff9b::192.168.0.1", Some("a private")),
            ("64:ff9b::8.8.8.8", None),
            ("2001:4860::8888", None),
            ("2606:4700::1111", None),
        ];
        for (text, want) in table {
            let ip: IpAddr = text.parse().unwrap();
            assert_eq!(address_kind(ip), *want, "{text}");
        }
    }

    #[test]
    fn literal_hosts_in_other_spellings_are_recognised() {
        let guard = Guard { allow_private: false, exempt_literal: None };
        for url in ["http://2130706433/", "http://0x7f.1/", "http://[::ffff:7f00:1]/", "https://10.0.0.1:8443/x"] {
            let parsed = reqwest::Url::parse(url).unwrap();
            assert!(guard.vet_literal(&parsed).is_err(), "{url}");
        }
        for url in ["http://8.8.8.8/", "http://example.com/", "http://[2001:4860::8888]/"] {
            assert!(guard.vet_literal(&reqwest::Url::parse(url).unwrap()).is_ok(), "{url}");
        }
        let open = Guard { allow_private: true, exempt_literal: None };
        assert!(open.vet_literal(&reqwest::Url::parse("http://127.0.0.1/").unwrap()).is_ok());
    }

    #[test]
    fn the_cache_serves_a_second_run_without_a_request() {
        let (rt, server) = start();
        mount(&rt, &server, "/cited", page("cached body"), 1);
        let dir = tempfile::tempdir().unwrap();
        let cache_dir = dir.path().join("nested").join("cache");
        let check_opts = CheckOptions { cache_dir: Some(cache_dir.clone()), ..opts() };
        let url = format!("{}/cited", server.uri());

        let first = one(std::slice::from_ref(&url), &check_opts);
        let (page1, from_cache) = fetched(&first);
        assert!(!from_cache);
        assert_eq!(std::fs::read_dir(&cache_dir).unwrap().count(), 2, "a body and its metadata");

        let second = one(std::slice::from_ref(&url), &check_opts);
        let (page2, from_cache) = fetched(&second);
        assert!(from_cache);
        assert_eq!(page2.body, page1.body);
        assert_eq!(page2.url, page1.url);
        assert_eq!(page2.content_type.as_deref(), Some("text/html"));
        assert_eq!(page2.charset.as_deref(), Some("utf-8"));
        rt.block_on(server.verify());
    }

    #[test]
    fn a_stale_or_damaged_cache_entry_is_refetched() {
        let (rt, server) = start();
        mount(&rt, &server, "/cited", page("fresh"), 3);
        let dir = tempfile::tempdir().unwrap();
        let url = format!("{}/cited", server.uri());
        let stale = CheckOptions { cache_dir: Some(dir.path().to_path_buf()), cache_max_age: Duration::ZERO, ..opts() };
        for _ in 0..2 {
            assert!(!fetched(&one(std::slice::from_ref(&url), &stale)).1);
        }
        // Damaged metadata reads as a miss even when the entry would be fresh.
        for entry in std::fs::read_dir(dir.path()).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                std::fs::write(path, "{not json").unwrap();
            }
        }
        let fresh = CheckOptions { cache_dir: Some(dir.path().to_path_buf()), ..opts() };
        assert!(!fetched(&one(std::slice::from_ref(&url), &fresh)).1);
        rt.block_on(server.verify());
    }

    #[test]
    fn failures_are_not_cached() {
        let (rt, server) = start();
        mount(&rt, &server, "/missing", ResponseTemplate::new(404), 2);
        let dir = tempfile::tempdir().unwrap();
        let check_opts = CheckOptions { cache_dir: Some(dir.path().to_path_buf()), ..opts() };
        let url = format!("{}/missing", server.uri());
        for _ in 0..2 {
            assert_eq!(failure(&one(std::slice::from_ref(&url), &check_opts)), "HTTP status 404");
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        rt.block_on(server.verify());
    }

    #[test]
    fn an_unusable_cache_dir_still_fetches() {
        let (rt, server) = start();
        mount(&rt, &server, "/cited", page("uncached"), 2);
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a-file");
        std::fs::write(&file, "not a directory").unwrap();
        let check_opts = CheckOptions { cache_dir: Some(file.join("cache")), ..opts() };
        let url = format!("{}/cited", server.uri());
        for _ in 0..2 {
            let outcome = one(std::slice::from_ref(&url), &check_opts);
            let (got, from_cache) = fetched(&outcome);
            assert_eq!(got.body, b"uncached");
            assert!(!from_cache);
        }
        rt.block_on(server.verify());
    }
}
