//! Single-thread throughput of `Document::from_text` + `Scanner::analyze_many` (in the batches
//! `claimscope scan` makes of a folder's files) on a synthetic news stream.
//!
//! The corpus is generated deterministically (fixed-seed LCG) as a news stream: documents of
//! claim-free news paragraphs full of hard negatives (results, rates, "first half", 同比增长),
//! of which about a third also carry one to three claim paragraphs taken from `corpus/<lang>/`
//! (INDEX.md excluded) with percentages, years and company names substituted. Generation is
//! not timed. Run with `cargo bench --bench throughput`.
//!
//! Environment:
//! - `CLAIMSCOPE_BENCH_MB`: megabytes (10^6 bytes) of text per language, default 20.
//! - `CLAIMSCOPE_BENCH_LANG`: `en`, `zh` or `both` (default).
//! - `CLAIMSCOPE_BENCH_DUMP`: a folder to write the generated corpus to, for profiling.
//! - `CLAIMSCOPE_BENCH_PASSES`: how many timed passes over the corpus, default 5; the median
//!   pass is reported.
//!
//! A benchmark reports; it never fails because a target was missed.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use claimscope::scanner::batches;
use claimscope::{Document, Scanner};

// The allocator the `claimscope` binary uses, so the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SEED: u64 = 0x5eed_c1a1_0005_c0de;
const MB: f64 = 1_000_000.0;
const DOC_MIN: usize = 3_000;
const DOC_MAX: usize = 8_000;

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/// Knuth's MMIX linear congruential generator; the high bits are the output.
struct Lcg(u64);

impl Lcg {
    fn new(seed: u64) -> Lcg {
        Lcg(seed)
    }

    fn next_u32(&mut self) -> u32 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 32) as u32
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        ((u64::from(self.next_u32()) * n as u64) >> 32) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `per_mille / 1000`.
    fn chance(&mut self, per_mille: usize) -> bool {
        self.below(1000) < per_mille
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

// ---------------------------------------------------------------------------------------------
// Languages: source names to substitute, replacement names, filler prose

#[derive(Clone, Copy, PartialEq, Eq)]
enum Lang {
    En,
    Zh,
}

impl Lang {
    fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// Target throughput in MB/s, single thread on a 2-core machine.
    fn target(self) -> f64 {
        match self {
            Lang::En => 100.0,
            Lang::Zh => 50.0,
        }
    }

    /// Company names found in the corpus (and the filler) that get replaced.
    fn source_names(self) -> &'static [&'static str] {
        match self {
            Lang::En => &[
                "Samsung",
                "Apple",
                "Xiaomi",
                "Transsion",
                "vivo",
                "Motorola",
                "Huawei",
                "Garmin",
                "Amazon",
                "Microsoft",
                "Google",
                "Alibaba",
                "Oracle",
                "Salesforce",
                "TSMC",
                "Arcton",
                "Baidu",
                "Tesla",
                "BYD",
                "Netflix",
                "YouTube",
                "Hulu",
                "Nintendo",
                "Sony",
            ],
            Lang::Zh => &[
                "华联通信",
                "禾牧乳业",
                "中通快递",
                "圆通速递",
                "顺丰控股",
                "宁德时代",
                "火山引擎",
                "晶曜光能",
                "清源饮品",
                "京东方",
                "比亚迪",
                "阿里云",
                "华为",
                "小米",
                "苹果",
                "荣耀",
                "三星",
                "美的",
                "格力",
                "海尔",
                "百度",
                "韵达",
                "申通",
                "极兔",
            ],
        }
    }

    /// What the names become: real names, so lexicon hits still happen, and invented ones.
    fn replacement_names(self) -> &'static [&'static str] {
        match self {
            Lang::En => &[
                "Samsung",
                "Apple",
                "Xiaomi",
                "Huawei",
                "Amazon",
                "Microsoft",
                "Alibaba",
                "Tesla",
                "Lenovo",
                "Northwind",
                "Veltrix",
                "Orbion Systems",
                "Kestrel",
                "Lumora",
                "Quanta Peak",
                "Helix Mobile",
                "Brightwave",
                "Tandem Labs",
                "Solenne",
                "Corvid Networks",
                "Marlow Energy",
                "Pinecrest",
            ],
            Lang::Zh => &[
                "华为",
                "小米",
                "荣耀",
                "海尔",
                "美的",
                "比亚迪",
                "联想",
                "海信",
                "长虹",
                "星辰科技",
                "远航集团",
                "蓝海电子",
                "云帆股份",
                "金穗食品",
                "北辰通信",
                "鼎新能源",
                "天工智造",
                "青禾乳业",
                "澜途物流",
                "启明云",
            ],
        }
    }

    /// Claim-free paragraphs in the style of a news wire, with hard negatives (growth rates,
    /// margins, survey percentages, dates, "first half", "top priority", enumerations).
    fn filler(self) -> &'static [&'static str] {
        match self {
            Lang::En => &[
                "The company said revenue rose 12% to US$4.1 billion in the first half of 2025, helped by stronger demand in Europe and a weaker dollar. Operating costs increased 7% over the same period, and the board raised its full-year guidance.",
                "Shares of the group closed 3.4% higher on Tuesday after the results were published. Analysts had expected earnings per share of US$1.12 for the quarter ended June 30, 2025, and several brokers raised their price targets.",
                "Heavy rain disrupted rail services across the region on Monday, and officials said repairs to the main line would take at least two weeks. Commuters were advised to allow extra time for journeys until the end of the month.",
                "The central bank left its benchmark rate unchanged at 4.25% on Thursday, saying inflation had eased to 2.6% in May from 3.1% a year earlier. Policymakers will meet again in September and said further cuts were possible.",
                "First, the board approved a new dividend policy. Second, it appointed a new chief financial officer, who joins from a logistics group on March 1, 2026. The first meeting of the new audit committee is scheduled for the second quarter.",
                "Exports grew 8.7% year over year in the third quarter, while imports fell 2.1%, according to the customs agency. Shipments to Southeast Asia were up 15%, and the trade surplus widened to US$62 billion.",
                "The factory, which first opened in 1998, employs about 3,200 people and runs three shifts a day. Management said output in the first half was up 9% on the same period last year, and a second assembly line will start in 2026.",
                "Prices of lithium carbonate have dropped more than 60% since their peak in late 2022, squeezing margins across the supply chain. Some smaller producers have cut output by up to 40%, leading to layoffs in two provinces.",
                "In a survey of 1,500 households, 41% of respondents said they planned to spend more on travel this year, up from 35% in 2024. Younger consumers were the most optimistic, while retirees expected to cut back.",
                "The conference, now in its 12th year, drew more than 40,000 visitors over four days. Organisers said the number of exhibitors grew 18% and that the next edition will take place in May 2026 in the same venue.",
                "Samsung's chief executive told reporters that the company would increase research spending by about 10% next year, with a focus on memory chips and display technology. He declined to comment on pricing.",
                "Gross margin improved to 21.3% from 19.8%, up 1.5 percentage points, as the company shifted production to higher-value products. Net profit more than doubled to US$310 million in the fourth quarter.",
                "The city's population grew 1.2% last year to 8.4 million, and housing completions rose 6% in the first nine months, the statistics office said on Friday. Average rents were up 4.5% on the year.",
                "Customer service remains a top priority, the spokesperson said, adding that the upgrade of the ordering system, leading up to the holiday season, would be completed by November 15. Refunds will be processed within 14 days.",
                "The airline carried 4.6 million passengers in July, 11% more than a year earlier, and its load factor reached 86.4%. Fuel costs rose 5% in the period, and the carrier will add 12 new routes from October 2025.",
                "Retail sales rose 3.9% in October from a year earlier, slightly below forecasts of 4.2%. Spending at restaurants increased 5.5%, while sales of household appliances fell 1.8% after subsidies expired.",
                "The company plans to hire 2,000 engineers over the next two years and to open a research center in Munich in the first quarter of 2026. The investment is expected to total about EUR 450 million.",
                "Officials said the new bridge will cut travel times by up to 30 minutes and is expected to carry 60,000 vehicles a day once it opens in 2027. Construction began in 2023 and is about 70% complete.",
                "For the first time since 2019, the union and management agreed on a three-year wage deal, with pay rising 4% in 2025 and 3.5% in each of the following two years. The agreement covers 18,000 workers.",
                "Microsoft said on Wednesday that it would spend US$3 billion on data centers in the region through 2027. The announcement came a day after the government unveiled tax incentives for cloud investment.",
            ],
            Lang::Zh => &[
                "公司公告显示，2025年上半年实现营业收入386.5亿元，同比增长12%；归属于上市公司股东的净利润为41.2亿元，同比增长8.6%。董事会同时上调了全年业绩指引。",
                "国家统计局数据显示，10月份社会消费品零售总额同比增长3.9%，其中网上零售额同比增长7.2%，增速较上月加快0.8个百分点。餐饮收入同比增长5.5%。",
                "受强降雨影响，当地多条高速公路临时封闭，铁路部门表示部分列车将停运至本月底，预计抢修工作至少需要两周时间。气象部门提醒市民减少不必要的出行。",
                "央行公布的数据显示，9月末广义货币（M2）余额同比增长8.4%，人民币贷款余额同比增长7.1%。前三季度人民币贷款增加15.8万亿元。",
                "公司表示，下半年将重点做好三项工作：一是加快新产品研发，二是优化渠道布局，三是控制费用支出。首先要确保供应链稳定，其次要提高库存周转效率。",
                "据海关总署统计，前三季度我国货物贸易进出口总值同比增长4.3%，其中出口增长6.1%，进口增长1.9%。对东盟进出口同比增长15%。",
                "该工厂始建于1998年，目前有员工约3,200人，实行三班倒生产。管理层介绍，上半年产量同比增长9%，产能利用率为78%，第二条生产线将于2026年投产。",
                "碳酸锂价格较2022年高点已下跌超过60%，部分中小企业减产幅度达40%，行业利润持续承压，部分地区出现了裁员。",
                "一项覆盖1,500个家庭的调查显示，41%的受访者表示今年计划增加旅游支出，这一比例较2024年提高6个百分点；年轻消费者的消费意愿最为强烈。",
                "本届博览会为期四天，吸引观众超过4万人次，参展企业数量同比增长18%。主办方表示，下一届将于2026年5月在同一场馆举办。",
                "公司毛利率为21.3%，同比提升1.5个百分点；期间费用率为9.8%，同比下降0.6个百分点。第四季度净利润同比增长超过一倍。",
                "该市去年常住人口增长1.2%，达到840万人；前三季度新建住宅竣工面积同比增长6%，平均租金同比上涨4.5%。",
                "公司首次推出订阅制服务，并在第一时间向老用户开放试用。相关负责人表示，用户体验始终是公司工作的重中之重，退款将在14天内处理完毕。",
                "7月份该航空公司旅客运输量460万人次，同比增长11%，客座率达86.4%。燃油成本同比上涨5%，公司计划自2025年10月起新开12条航线。",
                "公司计划未来两年招聘2,000名工程师，并于2026年第一季度在苏州设立研发中心，预计总投资约45亿元。",
                "新大桥建成后，两地通行时间最多可缩短30分钟，预计2027年通车后日均车流量可达6万辆次。项目于2023年开工，目前已完成约70%的工程量。",
                "第三季度公司经营活动现金流净额为52.3亿元，环比增长15.2%，较上年同期增加9.7亿元。公司期末现金及现金等价物余额为186亿元。",
                "华为相关负责人在发布会上表示，公司明年将研发投入提高约10%，重点投向芯片和操作系统领域，但未透露具体的产品价格。",
                "2019年以来劳资双方首次达成三年期工资协议：2025年工资上涨4%，此后两年每年上涨3.5%，协议覆盖约1.8万名员工。",
                "上半年全国规模以上工业增加值同比增长6.4%，其中高技术制造业增加值增长9.5%，占规模以上工业增加值的比重较去年同期有所提高。",
            ],
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Paragraph templates

/// A paragraph cut into literal text and slots that are refilled for every use.
enum Piece {
    Text(String),
    /// Index into `source_names`; all occurrences of one name in a paragraph get one replacement.
    Name(usize),
    /// A percentage figure: its original value and how many digits followed the point.
    Percent {
        value: f64,
        decimals: usize,
    },
    /// A four-digit year between 1990 and 2030 (the original).
    Year(usize),
}

struct Template {
    pieces: Vec<Piece>,
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl Template {
    fn parse(text: &str, lang: Lang) -> Template {
        let names = lang.source_names();
        let bytes = text.as_bytes();
        let mut pieces = Vec::new();
        let mut lit_start = 0;
        let mut i = 0;
        let flush = |pieces: &mut Vec<Piece>, from: usize, to: usize| {
            if to > from {
                pieces.push(Piece::Text(text[from..to].to_string()));
            }
        };
        while i < bytes.len() {
            let prev = if i == 0 { 0 } else { bytes[i - 1] };
            if bytes[i].is_ascii_digit() && !prev.is_ascii_digit() && prev != b',' && prev != b'.' {
                let mut j = i;
                while j < bytes.len() && bytes[j].is_ascii_digit() {
                    j += 1;
                }
                let int_len = j - i;
                let mut decimals = 0;
                if j + 1 < bytes.len() && bytes[j] == b'.' && bytes[j + 1].is_ascii_digit() {
                    let mut k = j + 1;
                    while k < bytes.len() && bytes[k].is_ascii_digit() {
                        k += 1;
                    }
                    decimals = k - j - 1;
                    j = k;
                }
                let rest = &text[j..];
                let percent = rest.starts_with('%')
                    || rest.starts_with('％')
                    || (rest.starts_with(" percent") && !rest.starts_with(" percentage"))
                    || rest.starts_with(" per cent");
                let next = bytes.get(j).copied().unwrap_or(b' ');
                let value: f64 = text[i..j].parse().unwrap_or(0.0);
                let year = decimals == 0
                    && int_len == 4
                    && (1990.0..=2030.0).contains(&value)
                    && !next.is_ascii_digit()
                    && next != b','
                    && next != b'.';
                if percent && int_len <= 2 {
                    flush(&mut pieces, lit_start, i);
                    pieces.push(Piece::Percent { value, decimals });
                    lit_start = j;
                } else if year {
                    flush(&mut pieces, lit_start, i);
                    pieces.push(Piece::Year(value as usize));
                    lit_start = j;
                }
                i = j;
                continue;
            }
            let boundary_ok = lang == Lang::Zh || !is_word_byte(prev);
            if boundary_ok
                && let Some((n, name)) = names.iter().enumerate().find(|(_, name)| text[i..].starts_with(**name))
            {
                let end = i + name.len();
                let after_ok = lang == Lang::Zh || bytes.get(end).is_none_or(|b| !is_word_byte(*b));
                if after_ok {
                    flush(&mut pieces, lit_start, i);
                    pieces.push(Piece::Name(n));
                    lit_start = end;
                    i = end;
                    continue;
                }
            }
            // Advance one character.
            i += 1;
            while i < bytes.len() && !text.is_char_boundary(i) {
                i += 1;
            }
        }
        flush(&mut pieces, lit_start, bytes.len());
        Template { pieces }
    }

    fn render(&self, lang: Lang, rng: &mut Lcg, out: &mut String) {
        let replacements = lang.replacement_names();
        let mut chosen: Vec<(usize, &str)> = Vec::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Name(n) => {
                    let name = match chosen.iter().find(|(k, _)| k == n) {
                        Some((_, name)) => *name,
                        None => {
                            // Distinct source names get distinct replacements.
                            let mut name = *rng.pick(replacements);
                            while chosen.iter().any(|(_, c)| *c == name) {
                                name = *rng.pick(replacements);
                            }
                            chosen.push((*n, name));
                            name
                        }
                    };
                    out.push_str(name);
                }
                Piece::Percent { value, decimals } => {
                    // Within +-40% of the original, so a growth rate stays a plausible growth
                    // rate and a market share a plausible share; never zero, never above 99.
                    let factor = 0.6 + 0.8 * rng.below(1001) as f64 / 1000.0;
                    let scale = 10f64.powi(*decimals as i32);
                    let min = 1.0 / scale;
                    let v = ((value * factor * scale).round() / scale).clamp(min, 99.0);
                    out.push_str(&format!("{v:.*}", *decimals));
                }
                // Within two years of the original.
                Piece::Year(year) => out.push_str(&(year + rng.below(4) - 2).to_string()),
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Corpus generation

struct Sources {
    /// First paragraph of each corpus document (headlines).
    headlines: Vec<Template>,
    /// Every other paragraph of the corpus documents.
    body: Vec<Template>,
    filler: Vec<Template>,
    files: Vec<String>,
}

fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            if !cur.is_empty() {
                cur.push('\n');
            }
            cur.push_str(line);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn load_sources(lang: Lang) -> std::io::Result<Sources> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus").join(lang.code());
    let mut paths: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let ext_ok = p.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"));
            let index = p.file_name().is_some_and(|n| n.eq_ignore_ascii_case("INDEX.md"));
            ext_ok && !index
        })
        .collect();
    // Sorted, so the generated corpus does not depend on directory order.
    paths.sort();
    let mut sources = Sources {
        headlines: Vec::new(),
        body: Vec::new(),
        filler: lang.filler().iter().map(|p| Template::parse(p, lang)).collect(),
        files: Vec::new(),
    };
    for path in paths {
        // Read as the tool reads it: some corpus files are UTF-16, GBK or Big5 on purpose.
        let text = claimscope::input::load(std::fs::read(&path)?, &claimscope::input::ReadOptions::default()).doc.text;
        for (i, para) in paragraphs(&text).iter().enumerate() {
            let t = Template::parse(para, lang);
            if i == 0 {
                sources.headlines.push(t);
            } else {
                sources.body.push(t);
            }
        }
        sources.files.push(text);
    }
    Ok(sources)
}

struct Corpus {
    docs: Vec<String>,
    bytes: usize,
    filler_bytes: usize,
    hash: u64,
}

/// Per mille of documents that carry market-share or ranking claims. A newsroom stream is
/// mostly other news: results, rates, weather, policy, with their own percentages, dates,
/// "first half" and 第一季度, which the scanner must read and reject.
const CLAIM_DOCS_PER_MILLE: usize = 350;

fn generate(sources: &Sources, lang: Lang, target_bytes: usize, rng: &mut Lcg) -> Corpus {
    let mut docs = Vec::new();
    let (mut bytes, mut filler_bytes) = (0, 0);
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    while bytes < target_bytes {
        let doc_target = rng.range(DOC_MIN, DOC_MAX);
        let mut doc = String::with_capacity(doc_target + 1024);
        // A claim document: a corpus headline and one to three claim paragraphs among the
        // filler. Any other document: a filler paragraph's opening as its headline.
        let claim_doc = rng.chance(CLAIM_DOCS_PER_MILLE);
        let mut claim_paragraphs = if claim_doc { rng.range(1, 4) } else { 0 };
        if claim_doc {
            rng.pick(&sources.headlines).render(lang, rng, &mut doc);
        } else {
            let mut first = String::new();
            rng.pick(&sources.filler).render(lang, rng, &mut first);
            let cut = first.char_indices().nth(60).map_or(first.len(), |(i, _)| i);
            doc.push_str(first[..cut].trim_end_matches(['.', '。', ',', '，', ' ']));
        }
        while doc.len() < doc_target {
            doc.push_str("\n\n");
            let start = doc.len();
            let left = doc_target.saturating_sub(start);
            if claim_paragraphs > 0 && (rng.chance(400) || left < 1_500) {
                rng.pick(&sources.body).render(lang, rng, &mut doc);
                claim_paragraphs -= 1;
            } else {
                rng.pick(&sources.filler).render(lang, rng, &mut doc);
                filler_bytes += doc.len() - start;
            }
        }
        doc.push('\n');
        for b in doc.bytes() {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        bytes += doc.len();
        docs.push(doc);
    }
    Corpus { docs, bytes, filler_bytes, hash }
}

// ---------------------------------------------------------------------------------------------
// Measurement

/// A `kB` field of /proc/self/status, in MB (10^6 bytes).
fn proc_status_mb(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: f64 = line[field.len()..].trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kb * 1024.0 / MB)
}

/// Reset VmHWM to the current RSS (Linux >= 4.0); false where unsupported.
fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn fmt_mb(v: Option<f64>) -> String {
    v.map_or_else(|| "n/a".to_string(), |v| format!("{v:.1}"))
}

struct Row {
    lang: Lang,
    docs: usize,
    bytes: usize,
    filler_bytes: usize,
    hash: u64,
    layout: Duration,
    scan: Duration,
    claims: usize,
    resident_before: Option<f64>,
    peak_rss: Option<f64>,
    peak_reset: bool,
    /// Fastest and slowest pass.
    spread: (Duration, Duration),
    passes: usize,
    sample_claims: usize,
    filler_claims: usize,
    warmup: Duration,
}

impl Row {
    fn seconds(&self) -> f64 {
        (self.layout + self.scan).as_secs_f64()
    }

    fn mb(&self) -> f64 {
        self.bytes as f64 / MB
    }

    fn mb_per_s(&self) -> f64 {
        self.mb() / self.seconds()
    }
}

fn run_lang(scanner: &Scanner, lang: Lang, target_mb: f64, passes: usize) -> std::io::Result<Row> {
    let sources = load_sources(lang)?;

    // Warm-up and sanity checks, outside the timed loop: the original documents (they should
    // yield claims) and each filler paragraph alone (it should not). Regexes the scanner compiles
    // lazily are compiled here, so this is timed and reported on its own.
    let t0 = Instant::now();
    let sample_claims: usize = sources.files.iter().map(|t| scanner.scan(&Document::from_text(t.clone())).len()).sum();
    let warmup = t0.elapsed();
    let filler_claims: usize =
        lang.filler().iter().map(|t| scanner.scan(&Document::from_text((*t).to_string())).len()).sum();

    let mut rng = Lcg::new(SEED ^ (lang as u64 + 1));
    let target_bytes = (target_mb * MB).ceil() as usize;
    let corpus = generate(&sources, lang, target_bytes, &mut rng);
    drop(sources);
    // For profiling outside the bench: CLAIMSCOPE_BENCH_DUMP=DIR writes the corpus as DIR/<lang>.txt
    // with documents separated by form feeds.
    if let Some(dir) = std::env::var_os("CLAIMSCOPE_BENCH_DUMP") {
        // A dump that cannot be written is reported and the bench goes on: it is a side output.
        let path = Path::new(&dir).join(format!("{}.txt", lang.code()));
        let written = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&path, corpus.docs.join("\u{c}")));
        if let Err(e) = written {
            eprintln!("{}: cannot write the corpus dump {}: {e}", lang.code(), path.display());
        }
    }
    let docs = corpus.docs.len();

    let resident_before = proc_status_mb("VmRSS:");
    let peak_reset = reset_peak_rss();

    // A shared 2-core machine is noisy: the corpus is scanned several times and the median
    // pass is reported, with the fastest and slowest beside it.
    let mut timed: Vec<(Duration, Duration, usize)> = Vec::new();
    for _ in 0..passes {
        let (mut layout, mut scan) = (Duration::ZERO, Duration::ZERO);
        let mut claims = 0;
        // Documents in batches, as `claimscope scan` reads a folder's files.
        for batch in batches(corpus.docs.iter(), |d| Some(d.len())) {
            let texts: Vec<String> = batch.into_iter().cloned().collect();
            let t0 = Instant::now();
            let docs: Vec<Document> = texts.into_iter().map(|t| Document::from_text(black_box(t))).collect();
            let t1 = Instant::now();
            let found = scanner.analyze_many(&docs.iter().collect::<Vec<_>>());
            let t2 = Instant::now();
            claims += black_box(found).iter().map(|(c, _)| c.len()).sum::<usize>();
            layout += t1 - t0;
            scan += t2 - t1;
        }
        timed.push((layout, scan, claims));
    }
    timed.sort_by_key(|(l, s, _)| *l + *s);
    let spread = (timed[0].0 + timed[0].1, timed[timed.len() - 1].0 + timed[timed.len() - 1].1);
    let (layout, scan, claims) = timed[timed.len() / 2];

    Ok(Row {
        lang,
        docs,
        bytes: corpus.bytes,
        filler_bytes: corpus.filler_bytes,
        hash: corpus.hash,
        layout,
        scan,
        spread,
        passes,
        claims,
        resident_before,
        peak_rss: proc_status_mb("VmHWM:"),
        peak_reset,
        sample_claims,
        filler_claims,
        warmup,
    })
}

fn main() {
    let target_mb = match std::env::var("CLAIMSCOPE_BENCH_MB") {
        Ok(v) => match v.trim().parse::<f64>() {
            Ok(mb) if mb > 0.0 && mb.is_finite() => mb,
            _ => {
                eprintln!("CLAIMSCOPE_BENCH_MB={v:?} is not a positive number; using 20");
                20.0
            }
        },
        Err(_) => 20.0,
    };
    let langs = match std::env::var("CLAIMSCOPE_BENCH_LANG").unwrap_or_default().trim().to_ascii_lowercase().as_str() {
        "en" => vec![Lang::En],
        "zh" => vec![Lang::Zh],
        "" | "both" => vec![Lang::En, Lang::Zh],
        other => {
            eprintln!("CLAIMSCOPE_BENCH_LANG={other:?} is not en, zh or both; using both");
            vec![Lang::En, Lang::Zh]
        }
    };

    let passes = match std::env::var("CLAIMSCOPE_BENCH_PASSES") {
        Ok(v) => match v.trim().parse::<usize>() {
            Ok(n) if n > 0 => n,
            _ => {
                eprintln!("CLAIMSCOPE_BENCH_PASSES={v:?} is not a positive whole number; using 5");
                5
            }
        },
        Err(_) => 5,
    };

    let t0 = Instant::now();
    let scanner = match Scanner::with_defaults() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("cannot load the default rule set: {e}");
            return;
        }
    };
    let load = t0.elapsed();

    println!("claimscope throughput (single thread; MB = 10^6 bytes of text; generation untimed)");
    println!(
        "lexicon/regex load (Scanner::with_defaults): {:.2} ms; RSS after load {} MB",
        load.as_secs_f64() * 1e3,
        fmt_mb(proc_status_mb("VmRSS:"))
    );
    println!("target size per language: {target_mb} MB, seed {SEED:#x}; median of {passes} passes");
    println!();

    let mut rows = Vec::new();
    for &lang in &langs {
        match run_lang(&scanner, lang, target_mb, passes) {
            Ok(row) => rows.push(row),
            Err(e) => eprintln!("{}: cannot read corpus/{}: {e}", lang.code(), lang.code()),
        }
    }

    println!(
        "{:<4}  {:>6}  {:>7}  {:>8}  {:>8}  {:>8}  {:>8}  {:>11}  {:>9}  {:>6}",
        "lang", "docs", "MB", "seconds", "MB/s", "docs/s", "claims", "peak_rss_MB", "target", "met"
    );
    for r in &rows {
        println!(
            "{:<4}  {:>6}  {:>7.2}  {:>8.3}  {:>8.2}  {:>8.0}  {:>8}  {:>11}  {:>9}  {:>6}",
            r.lang.code(),
            r.docs,
            r.mb(),
            r.seconds(),
            r.mb_per_s(),
            r.docs as f64 / r.seconds(),
            r.claims,
            fmt_mb(r.peak_rss),
            format!(">= {:.0}", r.lang.target()),
            if r.mb_per_s() >= r.lang.target() { "yes" } else { "NO" },
        );
    }
    println!();
    for r in &rows {
        let total = r.seconds();
        println!(
            "{}: Document::from_text {:.3} s ({:.0}%), scan {:.3} s ({:.0}%); filler {:.0}% of bytes; \
             claims/MB {:.0}; corpus hash {:016x}",
            r.lang.code(),
            r.layout.as_secs_f64(),
            100.0 * r.layout.as_secs_f64() / total,
            r.scan.as_secs_f64(),
            100.0 * r.scan.as_secs_f64() / total,
            100.0 * r.filler_bytes as f64 / r.bytes as f64,
            r.claims as f64 / r.mb(),
            r.hash,
        );
        println!(
            "    passes: {}, fastest {:.2} MB/s, slowest {:.2} MB/s",
            r.passes,
            r.mb() / r.spread.0.as_secs_f64(),
            r.mb() / r.spread.1.as_secs_f64(),
        );
        println!(
            "    warm-up (first scan of the {} corpus files, incl. lazily compiled regexes): {:.1} ms",
            r.lang.code(),
            r.warmup.as_secs_f64() * 1e3,
        );
        println!(
            "    sanity: original corpus files -> {} claims; filler paragraphs alone -> {} claims (expected 0); \
             RSS before timing {} MB (includes the generated corpus){}",
            r.sample_claims,
            r.filler_claims,
            fmt_mb(r.resident_before),
            if r.peak_reset { "" } else { "; peak RSS could not be reset, it is process-wide" },
        );
    }
}
