//! Chinese subjects: the clause-initial name (its openers and boundaries), names coordinated
//! with 分别, and the metric or product words that are not holders.

use super::SubjectFinder;
use super::pronouns::ZH_PRONOUNS;
use crate::lexicon::LexiconCategory;
use crate::segments::is_cjk;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// Words a Chinese clause opens with when it goes on about the sentence's topic.
pub(super) const ZH_PREDICATES: [&str; 14] =
    ["是", "为", "成为", "已成为", "已是", "位居", "位列", "稳居", "连续", "蝉联", "也是", "还是", "仍是", "一直是"];

/// Particles and verbs that end a Chinese clause-initial subject ("比亚迪|以23.5%排名第二").
fn zh_boundary() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"自称|宣称|声称|号称|表示|成立|创立|创办|始创|创建|总部|称|公布|宣布|发布|公佈|宣佈|發佈|以|在|被|完成|从|的|为|占|按|凭借|凭|连续|蝉联|继续|仍|已|再次|首次|首度|再度|率先|稳居|位居|位列|位于|排名|排在|排第|名列|居|跃居|升至|降至|成为|是|拿下|获得|夺得|夺回|实现|达到|达|则|也|还|和|与|及|、|\d|[０-９]|全球|中国|国内|全国|市场|份额|销量|出货|收入|营收|今年|去年|上半年|下半年|前三季度|第[一二三四]季度|[一二三四]季度|同比|环比|共|合计|分别|均|都|将|于|已经|正|就|一直|持续|保持|领跑|领先|遥遥|稳|包揽|跻身|进入|入围|次之|居次|超越|超过|高于|落后",
        )
        .expect("static regex")
    })
}

fn zh_openers() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // Openers, and the periods a clause may start with ("截至2025年6月海川…", "2024年海川…").
        Regex::new(
            r"^(?:【[^】]{0,16}】|\[[^\]]{0,16}\]|(?:其中|而|但是|但|另外|此外|同时|不过|另|并且|并|且|也|还|则|因此|目前|此前|随后|最终|其次|再次|此次|本次|这次|当时|彼时|随即|迅速|一举|逐步|逐渐|成功|按[^，,]{1,12}?计算?|从[^，,]{1,12}?看)|截至[^，,]{0,14}?(?:年|月|日|底|末|目前)|(?:19|20)[0-9]{2}\s?年(?:度|全年|第[一二三四1-4]季度?|[一二三四1-4]季度|[上下]半年|前[一二三]季度?|[0-9]{1,2}月(?:[0-9]{1,2}日)?)?|(?:今年|去年|上年|同期|当期|本期|本季度|当季|当月|本月|上半年|下半年|一季度|二季度|三季度|四季度|全年)(?:以来)?)+",
        )
            .expect("static regex")
    })
}

impl<'a> SubjectFinder<'a> {
    /// Whether `r` opens with a metric's name ("门店数量", "增速").
    pub(super) fn opens_with_metric(&self, r: Range<usize>) -> bool {
        let t = &self.text[r.clone()];
        let start = r.start + (t.len() - t.trim_start().len());
        if ["增速", "增幅", "增长率", "份额", "占比"].iter().any(|w| t.trim_start().starts_with(w)) {
            return true;
        }
        // "储能电池出货量…第二": a market and its metric name what is counted, too.
        let hits = self.lexicon_hits(&r);
        match &hits[..] {
            [m, ..] if m.range.start == start && m.category == LexiconCategory::Metric => true,
            [a, b, ..] => {
                a.range.start == start
                    && a.category == LexiconCategory::Market
                    && b.category == LexiconCategory::Metric
                    && b.range.start == a.range.end
            }
            _ => false,
        }
    }

    pub(super) fn respectively(
        &self,
        clause: &Range<usize>,
        claim: &Range<usize>,
        orgs: &[Range<usize>],
    ) -> Option<Range<usize>> {
        static ITEM: OnceLock<Regex> = OnceLock::new();
        let item = ITEM.get_or_init(|| {
            Regex::new(r"[0-9０-９]+(?:[.．][0-9０-９]+)?\s*[%％]|第[一二三四五六七八九十0-9]+").expect("static regex")
        });
        let upto = &self.text[clause.start..claim.end.min(self.text.len())];
        // The first marker: each opens with 分 or 依, so only where one of those stands is it looked for.
        const MARKERS: [&str; 4] = ["分别", "分列", "分居", "依次"];
        let marker = upto
            .match_indices(['分', '依'])
            .find_map(|(i, _)| MARKERS.iter().find(|m| upto[i..].starts_with(*m)).map(|m| (i, m.len())))?;
        let at = clause.start + marker.0;
        // The names coordinated just before the marker ("A、B", "A和B"), nearest last.
        let mut names: Vec<Range<usize>> = Vec::new();
        for o in orgs.iter().rev().filter(|o| o.end <= at) {
            let joined = names.last().is_none_or(|next| {
                self.text[o.end..next.start].chars().all(|c| c.is_whitespace() || "、和与及,，".contains(c))
            });
            if !joined {
                break;
            }
            names.push(o.clone());
        }
        names.reverse();
        // "陕汽和重汽分列第三、第四位": names the lexicon does not know, when all that stands
        // before the marker is short names joined by 、/和/与/及.
        if names.len() < 2 {
            names = self.joined_names(clause.start..at);
        }
        if names.len() < 2 {
            return None;
        }
        let after = at + marker.1;
        if claim.start <= after {
            return names.first().cloned();
        }
        // Count the items of the claim's own kind: "分别以12.5%、9.7%和6.2%的份额排名第三至第五"
        // gives ranks to the names in order, whatever shares came before them.
        let rank = self.text[claim.clone()].contains('第');
        let before: Vec<regex::Match> =
            item.find_iter(&self.text[after..claim.start]).filter(|m| m.as_str().starts_with('第') == rank).collect();
        // "第三至第五": the end of a range of places is the last name's.
        let range_end = before
            .last()
            .is_some_and(|m| ["至", "到", "-", "—", "~"].contains(&self.text[after + m.end()..claim.start].trim()));
        if range_end {
            return names.last().cloned();
        }
        names.get(before.len()).cloned()
    }

    /// "陕汽和重汽", "A、B与C": the names of a clause that holds nothing else, in order.
    fn joined_names(&self, r: Range<usize>) -> Vec<Range<usize>> {
        let hay = &self.text[r.clone()];
        let body = hay.trim();
        let base = r.start + (hay.len() - hay.trim_start().len());
        let mut out = Vec::new();
        let mut start = 0;
        for (i, c) in body.char_indices().chain(Some((body.len(), '、'))) {
            if !"、和与及".contains(c) {
                continue;
            }
            let part = &body[start..i];
            let n = part.chars().count();
            let range = base + start..base + i;
            // Each part a name as it stands: no figure or verb read away from it; only the
            // first may open with a time ("今年上半年澜海和石桥").
            let chunk = self
                .zh_chunk(range.clone())
                .filter(|c| c.end == range.end && (out.is_empty() || c.start == range.start));
            let Some(name) =
                chunk.filter(|_| (2..=10).contains(&n) && part.chars().all(|c| is_cjk(c) || c.is_ascii_alphanumeric()))
            else {
                return Vec::new();
            };
            out.push(name);
            start = i + c.len_utf8();
        }
        out
    }

    pub(super) fn zh_chunk(&self, r: Range<usize>) -> Option<Range<usize>> {
        let hay = &self.text[r.clone()];
        let opener = zh_openers().find(hay).map_or(0, |m| m.end());
        let rest = &hay[opener..];
        let rest_trim =
            rest.trim_start_matches(|c: char| c.is_whitespace() || "“”\"'「」【】#|｜-*★☆•·▪◆■●".contains(c));
        let skip = opener + (rest.len() - rest_trim.len());
        let mut end = zh_boundary().find(rest_trim).map_or(rest_trim.len(), |m| m.start());
        // A model number stays with its letters: "极光X5", "Mate 60" is cut at the space.
        if rest_trim[..end].ends_with(|c: char| c.is_ascii_alphabetic()) {
            end += rest_trim[end..].bytes().take_while(|b| b.is_ascii_alphanumeric()).count();
        }
        let chunk = rest_trim[..end].trim_end_matches(|c: char| c.is_whitespace() || "“”\"'「」（(*※".contains(c));
        let chars = chunk.chars().count();
        let quoted = chunk.contains(['“', '”', '"', '|', '｜', '#', '「', '」']);
        // "续航时间行业领先": what is compared within the industry, not who leads it.
        let domain = ["行业", "业界", "业内", "同类", "同级", "品类"].iter().any(|d| chunk.ends_with(d));
        let deictic = domain
            || [
                "这", "该", "其", "读者", "记者", "不少", "很多", "许多", "各家", "多家", "有的", "一些", "部分",
                "时隔", "报道",
            ]
            .iter()
            .any(|d| chunk.starts_with(d));
        if !(2..=14).contains(&chars) || chunk.starts_with(|c: char| c.is_ascii_digit()) || quoted || deictic {
            return None;
        }
        let start = r.start + skip;
        let cand = start..start + chunk.len();
        // "即饮茶零售额位居第一": a metric phrase names what is counted, not who holds the place;
        // "悦然电器出口量位居行业前三" names the holder before it.
        let metric = self.lexicon_hits(&cand).iter().rfind(|m| m.category == LexiconCategory::Metric).cloned();
        if let Some(m) = metric.filter(|m| m.range.end == cand.end) {
            let head = cand.start..cand.start + self.text[cand.start..m.range.start].trim_end().len();
            // "海岚科技储能电池出货量": the name before the product it counts.
            let head = self.firm_before_product(head);
            // Only a bare name is left: no market, place, source or channel in it ("线上渠道",
            // "公司洗碗机线下", "根据IDC台湾个人电脑" are not holders).
            let words = &self.text[head.clone()];
            let scoped = self.lexicon_hits(&head).iter().any(|h| {
                // "嵌入式洗碗机" ends in its market; "澜风电器" only holds 风电 inside a name.
                h.category == LexiconCategory::Source
                    || h.category != LexiconCategory::Org
                        && (h.range.len() * 10 > head.len() * 6 || h.range.end == head.end)
            });
            let named = (2..=10).contains(&words.chars().count())
                && !scoped
                && !words.contains(|c: char| "：:，,。.；;（）()、".contains(c))
                && !["线上", "线下", "渠道", "公司", "根据", "据", "按", "从", "在", "以"]
                    .iter()
                    .any(|w| words.contains(w));
            // "本公司门店总数达9,216家": the issuer counting its own.
            let own = ["本公司", "我司", "本集团", "公司"].contains(&words.trim());
            return (named || own).then_some(head);
        }
        if self.is_scope_word(&cand) || ZH_PRONOUNS.contains(&chunk) && chunk != "公司" && chunk != "本公司" {
            return None;
        }
        Some(self.firm_before_product(cand))
    }

    /// "海岚科技储能电池": a firm's name, told by its ending, before the product it sells; "嵌入式
    /// 洗碗机" is a kind of product, whole.
    fn firm_before_product(&self, r: Range<usize>) -> Range<usize> {
        const FIRM: [&str; 10] = ["科技", "集团", "股份", "电器", "电子", "能源", "控股", "实业", "动力", "新能源"];
        let cut = self.before_product(r.clone());
        if cut != r && FIRM.iter().any(|f| self.text[cut.clone()].ends_with(f)) { cut } else { r }
    }

    /// A name joined to the product or market it is counted in ("海岚科技储能电池", "小米手机")
    /// ends where the lexicon's market begins; a known firm's name ("华为云") is whole.
    fn before_product(&self, r: Range<usize>) -> Range<usize> {
        let hits = self.lexicon_hits(&r);
        if hits.iter().any(|h| h.category == LexiconCategory::Org) {
            return r;
        }
        let Some(m) = hits.iter().find(|h| h.category == LexiconCategory::Market && h.range.start > r.start) else {
            return r;
        };
        let head = &self.text[r.start..m.range.start];
        if head.chars().count() >= 2 && head.chars().all(|c| is_cjk(c) || c.is_ascii_alphanumeric()) {
            r.start..m.range.start
        } else {
            r
        }
    }
}
