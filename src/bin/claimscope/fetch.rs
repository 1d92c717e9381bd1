//! Fetching `http(s)://` inputs: reqwest on a tokio runtime, with caps on time, redirects and
//! body size. The body is returned undecoded; the caller decodes it with the reported charset.

use std::cell::RefCell;
use std::error::Error as StdError;
use std::time::Duration;

/// Limits for one fetch.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Whole-request timeout (connect, redirects and body included).
    pub timeout: Duration,
    /// Largest body accepted, in bytes; a longer body is abandoned while streaming.
    pub max_bytes: u64,
    pub max_redirects: usize,
    pub user_agent: String,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: Duration::from_secs(20),
            max_bytes: 10 * 1024 * 1024,
            max_redirects: 10,
            user_agent: format!("claimscope/{} (+https://github.com/claimscope/claimscope)", env!("CARGO_PKG_VERSION")),
        }
    }
}

/// A fetched page.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The URL after redirects.
    pub url: String,
    /// The media type without parameters, lowercased ("text/html").
    pub content_type: Option<String>,
    /// The charset parameter of the Content-Type header, if any.
    pub charset: Option<String>,
    pub body: Vec<u8>,
}

impl Fetched {
    /// Whether the served type says the body is a page (`Some(true)`), plain text (`Some(false)`),
    /// or leaves it to the bytes (`None`).
    pub fn html_hint(&self) -> Option<bool> {
        match self.content_type.as_deref() {
            Some("text/html" | "application/xhtml+xml") => Some(true),
            Some("text/plain" | "text/markdown") => Some(false),
            _ => None,
        }
    }
}

/// Why a fetch failed; the Display text is what the user reads after the URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// Not a URL, or not http/https.
    BadUrl(String),
    Dns(String),
    Connect(String),
    Status(u16),
    Timeout(Duration),
    TooLarge(u64),
    NotText(String),
    TooManyRedirects(usize),
    Other(String),
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FetchError::BadUrl(why) => write!(f, "not a fetchable URL: {why}"),
            FetchError::Dns(why) => write!(f, "cannot resolve host: {why}"),
            FetchError::Connect(why) => write!(f, "cannot connect: {why}"),
            FetchError::Status(code) => write!(f, "HTTP status {code}"),
            FetchError::Timeout(t) => write!(f, "timed out after {} s", t.as_secs_f64()),
            FetchError::TooLarge(cap) => write!(f, "body larger than the {cap}-byte cap"),
            FetchError::NotText(ct) => write!(f, "not a text page (content type {ct})"),
            FetchError::TooManyRedirects(n) => write!(f, "more than {n} redirects"),
            FetchError::Other(why) => write!(f, "{why}"),
        }
    }
}

/// Fetches one URL, blocking the calling thread.
///
/// Each calling thread keeps its own current-thread runtime and client: a pooled hyper connection is
/// driven by the runtime that opened it, and a current-thread runtime only runs while its thread is
/// inside `block_on`, so sharing one client across threads could hang on an idle thread's connection.
/// Must not be called from inside an async runtime (use [`fetch_async`] there).
pub fn fetch(url: &str, opts: &FetchOptions) -> Result<Fetched, FetchError> {
    // Validate before touching the runtime so a bad argument costs nothing.
    parse_url(url)?;
    if tokio::runtime::Handle::try_current().is_ok() {
        return Err(FetchError::Other("blocking fetch called inside an async runtime".to_string()));
    }
    THREAD_CLIENT.with(|cell| {
        let mut slot = cell.borrow_mut();
        // The redirect limit lives in the client's policy, so a different limit needs a new client.
        if slot.as_ref().is_none_or(|tc| tc.max_redirects != opts.max_redirects) {
            *slot = Some(ThreadClient::new(opts)?);
        }
        let tc = slot.as_ref().expect("thread client was just set");
        tc.runtime.block_on(fetch_async(&tc.client, url, opts))
    })
}

/// Fetches one URL on the caller's runtime (which needs the time driver enabled).
///
/// `client` should come from [`build_client`] (or [`client_builder`]) with the same `opts`: the redirect
/// limit is a property of the client, and only that client's policy reports
/// [`FetchError::TooManyRedirects`].
pub async fn fetch_async(client: &reqwest::Client, url: &str, opts: &FetchOptions) -> Result<Fetched, FetchError> {
    fetch_async_with_retry_after(client, url, opts).await.0
}

/// Like [`fetch_async`], also giving the wait that a failing response asked for in its `Retry-After`
/// header (the delta-seconds form only; an HTTP date gives `None`), for callers that retry.
pub async fn fetch_async_with_retry_after(
    client: &reqwest::Client,
    url: &str,
    opts: &FetchOptions,
) -> (Result<Fetched, FetchError>, Option<Duration>) {
    let url = match parse_url(url) {
        Ok(url) => url,
        Err(e) => return (Err(e), None),
    };
    let mut retry_after = None;
    // One deadline around everything (connect, redirects, body) rather than reqwest's per-request timeout,
    // so a slow-dripping body is cut off at the same limit as a slow connect.
    let result = match tokio::time::timeout(opts.timeout, fetch_inner(client, url, opts, &mut retry_after)).await {
        Ok(result) => result,
        Err(_elapsed) => Err(FetchError::Timeout(opts.timeout)),
    };
    (result, retry_after)
}

/// A client configured for `opts` (redirect limit, User-Agent, gzip/brotli decoding).
pub fn build_client(opts: &FetchOptions) -> Result<reqwest::Client, FetchError> {
    client_builder(opts)
        .build()
        .map_err(|e| FetchError::Other(format!("cannot set up the HTTP client: {}", root_cause(&e))))
}

/// The builder behind [`build_client`], for callers that need to adjust it further.
pub fn client_builder(opts: &FetchOptions) -> reqwest::ClientBuilder {
    let max = opts.max_redirects;
    let policy = reqwest::redirect::Policy::custom(move |attempt| {
        // `previous` starts with the original URL, so its length is the number of hops taken so far
        // including this one.
        if attempt.previous().len() > max { attempt.error(RedirectLimit(max)) } else { attempt.follow() }
    });
    let builder = reqwest::Client::builder().redirect(policy).gzip(true).brotli(true);
    match reqwest::header::HeaderValue::from_str(&opts.user_agent) {
        Ok(ua) => builder.user_agent(ua),
        // An unusable User-Agent is reported per request (see `fetch_inner`), not here.
        Err(_) => builder,
    }
}

/// Like [`client_builder`], but every redirect target is first passed to `vet`; an `Err(text)` stops the
/// fetch with [`FetchError::Other`]`(text)`. (IP-literal targets never reach a DNS resolver, so a custom
/// resolver alone cannot vet them.)
pub fn client_builder_vetting_redirects(
    opts: &FetchOptions,
    vet: impl Fn(&reqwest::Url) -> Result<(), String> + Send + Sync + 'static,
) -> reqwest::ClientBuilder {
    let max = opts.max_redirects;
    let policy = reqwest::redirect::Policy::custom(move |attempt| {
        if attempt.previous().len() > max {
            return attempt.error(RedirectLimit(max));
        }
        match vet(attempt.url()) {
            Ok(()) => attempt.follow(),
            Err(why) => attempt.error(RedirectRefused(why)),
        }
    });
    client_builder(opts).redirect(policy)
}

struct ThreadClient {
    max_redirects: usize,
    runtime: tokio::runtime::Runtime,
    client: reqwest::Client,
}

impl ThreadClient {
    fn new(opts: &FetchOptions) -> Result<ThreadClient, FetchError> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| FetchError::Other(format!("cannot start the async runtime: {e}")))?;
        Ok(ThreadClient { max_redirects: opts.max_redirects, runtime, client: build_client(opts)? })
    }
}

thread_local! {
    static THREAD_CLIENT: RefCell<Option<ThreadClient>> = const { RefCell::new(None) };
}

/// The error our redirect policy raises, found again in reqwest's error chain to report the limit.
#[derive(Debug)]
struct RedirectLimit(usize);

impl std::fmt::Display for RedirectLimit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "more than {} redirects", self.0)
    }
}

impl StdError for RedirectLimit {}

/// The error a [`client_builder_vetting_redirects`] policy raises with the vetting function's text.
#[derive(Debug)]
struct RedirectRefused(String);

impl std::fmt::Display for RedirectRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl StdError for RedirectRefused {}

fn parse_url(url: &str) -> Result<reqwest::Url, FetchError> {
    let parsed = reqwest::Url::parse(url).map_err(|e| FetchError::BadUrl(e.to_string()))?;
    match parsed.scheme() {
        "http" | "https" => {}
        other => return Err(FetchError::BadUrl(format!("scheme {other}: is not http or https"))),
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(FetchError::BadUrl("no host".to_string()));
    }
    Ok(parsed)
}

async fn fetch_inner(
    client: &reqwest::Client,
    url: reqwest::Url,
    opts: &FetchOptions,
    retry_after: &mut Option<Duration>,
) -> Result<Fetched, FetchError> {
    let user_agent = reqwest::header::HeaderValue::from_str(&opts.user_agent)
        .map_err(|_| FetchError::Other("the User-Agent is not a valid header value".to_string()))?;
    let mut response =
        client.get(url).header(reqwest::header::USER_AGENT, user_agent).send().await.map_err(|e| classify(&e, opts))?;

    let status = response.status();
    // 4xx/5xx are the expected failures; a final 1xx/3xx (e.g. a redirect without Location) has no page
    // either, so it is reported the same way.
    if !status.is_success() {
        *retry_after = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        return Err(FetchError::Status(status.as_u16()));
    }

    let (content_type, charset) = match response.headers().get(reqwest::header::CONTENT_TYPE) {
        Some(value) => parse_content_type(&String::from_utf8_lossy(value.as_bytes())),
        None => (None, None),
    };
    if let Some(ct) = &content_type
        && !is_text_type(ct)
    {
        return Err(FetchError::NotText(ct.clone()));
    }

    // With gzip/brotli on, reqwest hides the compressed length, so this only fires for identity bodies;
    // the streaming check below covers the rest.
    let announced = response.content_length();
    if announced.is_some_and(|n| n > opts.max_bytes) {
        return Err(FetchError::TooLarge(opts.max_bytes));
    }

    let final_url = response.url().to_string();
    let capacity = announced.unwrap_or(0).min(opts.max_bytes).min(1 << 20);
    let mut body = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
    while let Some(chunk) = response.chunk().await.map_err(|e| classify(&e, opts))? {
        // Returning drops the response, which closes the connection instead of draining the rest.
        if body.len() as u64 + chunk.len() as u64 > opts.max_bytes {
            return Err(FetchError::TooLarge(opts.max_bytes));
        }
        body.extend_from_slice(&chunk);
    }

    Ok(Fetched { url: final_url, content_type, charset, body })
}

/// Splits a Content-Type value into its lowercased media type and charset parameter.
fn parse_content_type(value: &str) -> (Option<String>, Option<String>) {
    let mut parts = value.split(';');
    let media = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let charset = parts.find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim().to_ascii_lowercase();
        (!value.is_empty()).then_some(value)
    });
    ((!media.is_empty()).then_some(media), charset)
}

fn is_text_type(media: &str) -> bool {
    // JSON is deliberately excluded: claimscope reads prose, and a JSON API response is not a page.
    media.starts_with("text/") || media == "application/xhtml+xml" || media == "application/xml"
}

/// Maps a reqwest error to the user-facing kind; the order matters because a DNS failure is also a
/// connect error and a timeout can surface inside either.
fn classify(err: &reqwest::Error, opts: &FetchOptions) -> FetchError {
    if let Some(limit) = find_source::<RedirectLimit>(err) {
        return FetchError::TooManyRedirects(limit.0);
    }
    if let Some(refused) = find_source::<RedirectRefused>(err) {
        return FetchError::Other(refused.0.clone());
    }
    if err.is_timeout() {
        return FetchError::Timeout(opts.timeout);
    }
    if err.is_dns() || looks_like_dns(&chain_text(err)) {
        return FetchError::Dns(root_cause(err));
    }
    if err.is_connect() {
        return FetchError::Connect(root_cause(err));
    }
    // A redirect to e.g. ftp: is rejected by reqwest as a builder error carrying the target URL.
    if err.is_builder()
        && let Some(target) = err.url()
        && !matches!(target.scheme(), "http" | "https")
    {
        return FetchError::BadUrl(format!("redirected to {target}, which is not http or https"));
    }
    if err.is_redirect() {
        return FetchError::Other(format!("redirect failed: {}", root_cause(err)));
    }
    if err.is_decode() {
        return FetchError::Other(format!("cannot decode the response body: {}", root_cause(err)));
    }
    if err.is_body() {
        return FetchError::Other(format!("error reading the response body: {}", root_cause(err)));
    }
    FetchError::Other(root_cause(err))
}

fn looks_like_dns(text: &str) -> bool {
    let text = text.to_ascii_lowercase();
    text.contains("dns error")
        || text.contains("failed to lookup address")
        || text.contains("name or service not known")
}

fn find_source<'a, T: StdError + 'static>(err: &'a (dyn StdError + 'static)) -> Option<&'a T> {
    let mut current: Option<&(dyn StdError + 'static)> = Some(err);
    while let Some(e) = current {
        if let Some(found) = e.downcast_ref::<T>() {
            return Some(found);
        }
        current = e.source();
    }
    None
}

fn chain_text(err: &(dyn StdError + 'static)) -> String {
    let mut text = err.to_string();
    let mut current = err.source();
    while let Some(e) = current {
        text.push_str(": ");
        text.push_str(&e.to_string());
        current = e.source();
    }
    text
}

/// The innermost message ("Connection refused (os error 111)"), which is the part worth showing;
/// reqwest's outer layers only repeat the URL that the caller prints anyway.
fn root_cause(err: &(dyn StdError + 'static)) -> String {
    let mut last = err;
    while let Some(next) = last.source() {
        last = next;
    }
    let text = last.to_string();
    if text.is_empty() { err.to_string() } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::time::Instant;
    use wiremock::matchers::{header, header_regex, method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    const UA: &str = "claimscope-test/1.0";

    fn opts() -> FetchOptions {
        FetchOptions { timeout: Duration::from_secs(5), user_agent: UA.to_string(), ..FetchOptions::default() }
    }

    /// The mock server runs on its own thread; this runtime only drives setup, so `fetch` (which
    /// refuses to run inside a runtime) is called outside `block_on`.
    fn start() -> (tokio::runtime::Runtime, MockServer) {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let server = rt.block_on(MockServer::start());
        (rt, server)
    }

    fn mount(rt: &tokio::runtime::Runtime, server: &MockServer, at: &str, response: ResponseTemplate) {
        rt.block_on(Mock::given(method("GET")).and(path(at)).respond_with(response).mount(server));
    }

    fn redirect_to(location: &str) -> ResponseTemplate {
        ResponseTemplate::new(302).insert_header("location", location)
    }

    /// A one-shot HTTP server that writes `response` verbatim, then holds the connection open until
    /// the client hangs up, so any early end of the exchange is the client's doing.
    fn raw_server(response: Vec<u8>) -> String {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            let Ok((mut stream, _)) = listener.accept() else { return };
            let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
            let mut buf = [0u8; 4096];
            let mut head = Vec::new();
            while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                match stream.read(&mut buf) {
                    Ok(0) | Err(_) => return,
                    Ok(n) => head.extend_from_slice(&buf[..n]),
                }
            }
            let _ = stream.write_all(&response);
            while matches!(stream.read(&mut buf), Ok(n) if n > 0) {}
        });
        format!("http://{addr}/")
    }

    #[test]
    fn utf8_html_page() {
        let (rt, server) = start();
        let html = "<html><body><p>Café — 100% sure</p></body></html>";
        rt.block_on(
            Mock::given(method("GET"))
                .and(path("/page"))
                .and(header("user-agent", UA))
                .respond_with(ResponseTemplate::new(200).set_body_raw(html, "text/html; charset=UTF-8"))
                .expect(1)
                .mount(&server),
        );
        let url = format!("{}/page", server.uri());
        let got = fetch(&url, &opts()).unwrap();
        assert_eq!(got.url, url);
        assert_eq!(got.content_type.as_deref(), Some("text/html"));
        assert_eq!(got.charset.as_deref(), Some("utf-8"));
        assert_eq!(got.body, html.as_bytes());
    }

    #[test]
    fn gbk_page_bytes_are_returned_undecoded() {
        let (rt, server) = start();
        let text = "<p>这款产品百分之百有效</p>";
        let (bytes, _, had_errors) = encoding_rs::GBK.encode(text);
        assert!(!had_errors);
        let bytes = bytes.into_owned();
        assert!(std::str::from_utf8(&bytes).is_err(), "fixture must not be valid UTF-8");
        mount(&rt, &server, "/gbk", ResponseTemplate::new(200).set_body_raw(bytes.clone(), "text/html; charset=GBK"));
        let got = fetch(&format!("{}/gbk", server.uri()), &opts()).unwrap();
        assert_eq!(got.content_type.as_deref(), Some("text/html"));
        assert_eq!(got.charset.as_deref(), Some("gbk"));
        assert_eq!(got.body, bytes);
        assert_eq!(encoding_rs::GBK.decode_without_bom_handling(&got.body).0, text);
    }

    #[test]
    fn redirect_chain_within_limit_reports_final_url() {
        let (rt, server) = start();
        mount(&rt, &server, "/r1", redirect_to("/r2"));
        mount(&rt, &server, "/r2", ResponseTemplate::new(301).insert_header("location", "/r3"));
        mount(&rt, &server, "/r3", ResponseTemplate::new(307).insert_header("location", "/final"));
        // The User-Agent must survive the hops, not only reach the first one.
        rt.block_on(
            Mock::given(method("GET"))
                .and(path("/final"))
                .and(header("user-agent", UA))
                .respond_with(ResponseTemplate::new(200).set_body_raw("landed", "text/plain"))
                .mount(&server),
        );
        let url = format!("{}/r1", server.uri());

        // Same thread, different limits: the cached client must be rebuilt for the new limit.
        let err = fetch(&url, &FetchOptions { max_redirects: 2, ..opts() }).unwrap_err();
        assert_eq!(err, FetchError::TooManyRedirects(2));
        let got = fetch(&url, &FetchOptions { max_redirects: 3, ..opts() }).unwrap();
        assert_eq!(got.url, format!("{}/final", server.uri()));
        assert_eq!(got.body, b"landed");
    }

    #[test]
    fn redirect_loop_hits_the_default_limit() {
        let (rt, server) = start();
        mount(&rt, &server, "/loop", redirect_to("/loop"));
        let err = fetch(&format!("{}/loop", server.uri()), &opts()).unwrap_err();
        assert_eq!(err, FetchError::TooManyRedirects(10));
        assert_eq!(err.to_string(), "more than 10 redirects");
    }

    #[test]
    fn zero_redirects_allowed_rejects_the_first() {
        let (rt, server) = start();
        mount(&rt, &server, "/r", redirect_to("/ok"));
        mount(&rt, &server, "/ok", ResponseTemplate::new(200).set_body_raw("ok", "text/plain"));
        let err = fetch(&format!("{}/r", server.uri()), &FetchOptions { max_redirects: 0, ..opts() }).unwrap_err();
        assert_eq!(err, FetchError::TooManyRedirects(0));
    }

    #[test]
    fn redirect_to_another_scheme_is_a_bad_url() {
        let (rt, server) = start();
        mount(&rt, &server, "/r", redirect_to("ftp://ftp.example.invalid/file.txt"));
        let err = fetch(&format!("{}/r", server.uri()), &opts()).unwrap_err();
        assert!(matches!(&err, FetchError::BadUrl(why) if why.contains("ftp://")), "{err:?}");
    }

    #[test]
    fn client_and_server_errors_report_the_status() {
        let (rt, server) = start();
        mount(&rt, &server, "/missing", ResponseTemplate::new(404).set_body_raw("nope", "text/html"));
        mount(&rt, &server, "/broken", ResponseTemplate::new(500));
        assert_eq!(fetch(&format!("{}/missing", server.uri()), &opts()).unwrap_err(), FetchError::Status(404));
        assert_eq!(fetch(&format!("{}/broken", server.uri()), &opts()).unwrap_err(), FetchError::Status(500));
    }

    #[test]
    fn slow_response_times_out() {
        let (rt, server) = start();
        mount(
            &rt,
            &server,
            "/slow",
            ResponseTemplate::new(200).set_body_raw("late", "text/plain").set_delay(Duration::from_secs(3)),
        );
        let timeout = Duration::from_millis(500);
        let started = Instant::now();
        let err = fetch(&format!("{}/slow", server.uri()), &FetchOptions { timeout, ..opts() }).unwrap_err();
        assert_eq!(err, FetchError::Timeout(timeout));
        assert!(started.elapsed() < Duration::from_millis(1500), "took {:?}", started.elapsed());
    }

    #[test]
    fn stalled_body_times_out() {
        // Headers arrive promptly, then the body stops: the deadline must cover the body too.
        let url =
            raw_server(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\npartial".to_vec());
        let timeout = Duration::from_millis(500);
        let started = Instant::now();
        let err = fetch(&url, &FetchOptions { timeout, ..opts() }).unwrap_err();
        assert_eq!(err, FetchError::Timeout(timeout));
        assert!(started.elapsed() < Duration::from_millis(1500), "took {:?}", started.elapsed());
    }

    #[test]
    fn body_over_cap_with_content_length() {
        let (rt, server) = start();
        mount(&rt, &server, "/big", ResponseTemplate::new(200).set_body_raw(vec![b'a'; 64 * 1024], "text/plain"));
        let err = fetch(&format!("{}/big", server.uri()), &FetchOptions { max_bytes: 10_000, ..opts() }).unwrap_err();
        assert_eq!(err, FetchError::TooLarge(10_000));
    }

    #[test]
    fn body_exactly_at_cap_is_accepted() {
        let (rt, server) = start();
        mount(&rt, &server, "/edge", ResponseTemplate::new(200).set_body_raw(vec![b'a'; 10_000], "text/plain"));
        let got = fetch(&format!("{}/edge", server.uri()), &FetchOptions { max_bytes: 10_000, ..opts() }).unwrap();
        assert_eq!(got.body.len(), 10_000);
    }

    #[test]
    fn announced_length_over_cap_is_rejected_before_the_body() {
        // No body byte is ever sent, so only the Content-Length check can end this before the timeout.
        let url =
            raw_server(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000000\r\n\r\n".to_vec());
        let started = Instant::now();
        let err = fetch(&url, &FetchOptions { max_bytes: 10_000, ..opts() }).unwrap_err();
        assert_eq!(err, FetchError::TooLarge(10_000));
        assert!(started.elapsed() < Duration::from_secs(2), "took {:?}", started.elapsed());
    }

    #[test]
    fn body_over_cap_without_content_length_is_abandoned_while_streaming() {
        // Neither body ever ends (no final chunk; connection held open), so a TooLarge well before the
        // 5 s timeout shows the cap is enforced on the stream, not after reading everything.
        let mut chunked = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
        for _ in 0..16 {
            chunked.extend_from_slice(b"1000\r\n");
            chunked.extend_from_slice(&[b'x'; 0x1000]);
            chunked.extend_from_slice(b"\r\n");
        }
        let mut until_close = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n".to_vec();
        until_close.resize(until_close.len() + 64 * 1024, b'y');

        for response in [chunked, until_close] {
            let url = raw_server(response);
            let started = Instant::now();
            let err = fetch(&url, &FetchOptions { max_bytes: 10_000, ..opts() }).unwrap_err();
            assert_eq!(err, FetchError::TooLarge(10_000));
            assert!(started.elapsed() < Duration::from_secs(2), "took {:?}", started.elapsed());
        }
    }

    #[test]
    fn non_text_content_types_are_refused() {
        let (rt, server) = start();
        mount(&rt, &server, "/img", ResponseTemplate::new(200).set_body_raw(vec![0x89, b'P', b'N', b'G'], "image/png"));
        mount(&rt, &server, "/pdf", ResponseTemplate::new(200).set_body_raw("%PDF-1.7", "application/pdf"));
        mount(&rt, &server, "/json", ResponseTemplate::new(200).set_body_raw("{}", "application/json; charset=utf-8"));
        for (at, ct) in [("/img", "image/png"), ("/pdf", "application/pdf"), ("/json", "application/json")] {
            let err = fetch(&format!("{}{at}", server.uri()), &opts()).unwrap_err();
            assert_eq!(err, FetchError::NotText(ct.to_string()));
        }
    }

    #[test]
    fn text_like_and_missing_content_types_are_accepted() {
        let (rt, server) = start();
        mount(&rt, &server, "/md", ResponseTemplate::new(200).set_body_raw("# hi", "Text/Markdown"));
        mount(&rt, &server, "/xhtml", ResponseTemplate::new(200).set_body_raw("<html/>", "application/xhtml+xml"));
        mount(&rt, &server, "/xml", ResponseTemplate::new(200).set_body_raw("<a/>", "application/xml"));
        mount(&rt, &server, "/none", ResponseTemplate::new(200).set_body_bytes("plain bytes"));
        for (at, ct) in [
            ("/md", Some("text/markdown")),
            ("/xhtml", Some("application/xhtml+xml")),
            ("/xml", Some("application/xml")),
            ("/none", None),
        ] {
            let got = fetch(&format!("{}{at}", server.uri()), &opts()).unwrap();
            assert_eq!(got.content_type.as_deref(), ct, "{at}");
            assert_eq!(got.charset, None, "{at}");
        }
    }

    /// A gzip member holding `data` in one stored (uncompressed) deflate block: enough to exercise the
    /// decoder without a compression crate.
    fn gzip_stored(data: &[u8]) -> Vec<u8> {
        let crc = data.iter().fold(!0u32, |mut crc, &b| {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
            crc
        });
        let len = u16::try_from(data.len()).unwrap();
        let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 1];
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(data);
        out.extend_from_slice(&(!crc).to_le_bytes());
        out.extend_from_slice(&u32::try_from(data.len()).unwrap().to_le_bytes());
        out
    }

    #[test]
    fn gzip_body_is_decoded() {
        let (rt, server) = start();
        let text = "compressed claim: 99% of users agree";
        rt.block_on(
            Mock::given(method("GET"))
                .and(path("/gz"))
                .and(header_regex("accept-encoding", "gzip"))
                .respond_with(
                    ResponseTemplate::new(200)
                        .insert_header("content-type", "text/plain; charset=utf-8")
                        .insert_header("content-encoding", "gzip")
                        .set_body_bytes(gzip_stored(text.as_bytes())),
                )
                .mount(&server),
        );
        let got = fetch(&format!("{}/gz", server.uri()), &opts()).unwrap();
        assert_eq!(got.body, text.as_bytes());
    }

    #[test]
    fn unsupported_or_malformed_urls_are_bad_urls() {
        for url in ["ftp://example.com/file.txt", "file:///etc/passwd", "not a url", "http://", "mailto:a@b.c"] {
            let err = fetch(url, &opts()).unwrap_err();
            assert!(matches!(err, FetchError::BadUrl(_)), "{url}: {err:?}");
        }
        let err = fetch("ftp://example.com/file.txt", &opts()).unwrap_err();
        assert_eq!(err.to_string(), "not a fetchable URL: scheme ftp: is not http or https");
    }

    #[test]
    fn connection_refused_is_a_connect_error() {
        let port = {
            let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            listener.local_addr().unwrap().port()
        };
        let err = fetch(&format!("http://127.0.0.1:{port}/"), &opts()).unwrap_err();
        assert!(matches!(&err, FetchError::Connect(why) if why.to_lowercase().contains("refused")), "{err:?}");
    }

    struct NoDns;

    impl reqwest::dns::Resolve for NoDns {
        fn resolve(&self, _name: reqwest::dns::Name) -> reqwest::dns::Resolving {
            Box::pin(async { Err("no such host (test resolver)".into()) })
        }
    }

    #[test]
    fn resolver_failure_is_a_dns_error() {
        // A failing resolver stands in for real DNS so the test never leaves the machine.
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let client = client_builder(&opts()).dns_resolver(NoDns).build().unwrap();
        let err = rt.block_on(fetch_async(&client, "http://claimscope-test.invalid/", &opts())).unwrap_err();
        assert_eq!(err, FetchError::Dns("no such host (test resolver)".to_string()));
    }

    #[test]
    fn dns_error_text_is_recognised() {
        assert!(looks_like_dns("client error (Connect): dns error: failed to lookup address information"));
        assert!(looks_like_dns("Name or service not known"));
        assert!(!looks_like_dns("tcp connect error: Connection refused (os error 111)"));
    }

    #[test]
    fn concurrent_fetches_from_several_threads() {
        let (rt, server) = start();
        mount(&rt, &server, "/p", ResponseTemplate::new(200).set_body_raw("shared", "text/plain"));
        let url = format!("{}/p", server.uri());
        std::thread::scope(|s| {
            let handles: Vec<_> = (0..4)
                .map(|_| s.spawn(|| (0..3).map(|_| fetch(&url, &opts()).map(|f| f.body)).collect::<Vec<_>>()))
                .collect();
            for handle in handles {
                for result in handle.join().unwrap() {
                    assert_eq!(result.unwrap(), b"shared");
                }
            }
        });
    }

    #[test]
    fn blocking_fetch_inside_a_runtime_is_refused_not_a_panic() {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let err = rt.block_on(async { fetch("http://127.0.0.1:9/", &opts()) }).unwrap_err();
        assert!(matches!(err, FetchError::Other(_)), "{err:?}");
    }

    #[test]
    fn content_type_parsing() {
        let parse = |v: &str| parse_content_type(v);
        assert_eq!(parse("text/html"), (Some("text/html".into()), None));
        assert_eq!(parse("Text/HTML; Charset=\"UTF-8\""), (Some("text/html".into()), Some("utf-8".into())));
        assert_eq!(parse("text/plain; format=flowed; charset=GBK "), (Some("text/plain".into()), Some("gbk".into())));
        assert_eq!(parse("text/plain; charset="), (Some("text/plain".into()), None));
        assert_eq!(parse(""), (None, None));
    }
}
