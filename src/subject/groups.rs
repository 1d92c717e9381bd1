//! Groups as holders: a ranked group with a combined share ("the top three vendors", 前三名)
//! and the rest of a market ("All other vendors", 其他厂商).

use crate::segments::is_cjk;
use aho_corasick::AhoCorasick;
use regex::Regex;
use std::sync::OnceLock;

/// The Chinese forms of `top_group`: 前三名, 前五大厂商, 两家头部厂商.
const TOP_GROUP_ZH: &str = r"前[二两三四五六七八九十\d]{1,2}(?:名|大|家|位|强)?的?(?:厂商|品牌|企业|玩家|公司|云厂商)?(?:集团)?|[二两三四五六七八九十]家(?:头部|主要|领先)?(?:厂商|品牌|企业|玩家|公司|云厂商)?";

/// The English forms of `top_group`: "the top three vendors", "the top five".
const TOP_GROUP_EN: &str = r"\btop\s*\d{1,2}(?:厂商|品牌|企业|玩家)|\b(?:the\s+)?top[\s-]+(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})(?:\s+(?:vendors|brands|players|companies|providers|makers|firms|suppliers))?\b|\b(?:together\s+)?the\s+(?:next\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:largest\s+|biggest\s+|leading\s+)?(?:[a-z-]+\s+)?(?:vendors|brands|players|companies|providers|makers|firms|suppliers|retailers|carriers|banks|airlines|platforms|chains|operators|manufacturers)\b";

/// A ranked group as a subject: 前三名, 前五大厂商, "the top three vendors", "the top five".
fn top_group() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&format!("(?i){TOP_GROUP_ZH}|{TOP_GROUP_EN}")).expect("static regex"))
}

/// `top_group` without its English forms. Those have a `\b`, which makes the regex slow on
/// Chinese text; this one finds the same groups in a clause without "top" or "the".
fn top_group_zh() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&format!("(?i){TOP_GROUP_ZH}")).expect("static regex"))
}

/// Substrings, in any case, without which no clause names a group for `top_group`: each of
/// its forms holds 前, 家, "top" or "the", the Chinese ones 前 or 家 and the English ones "top"
/// or "the" (no character beyond ASCII folds to a letter of those).
fn group_cues() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        aho_corasick::AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(["前", "家", "top", "the"])
            .expect("static patterns")
    })
}

/// The last ranked group `top_group` finds in `lead`, asking the cheaper Chinese-only regex
/// when no English form can be there.
pub(super) fn last_top_group(lead: &str) -> Option<regex::Match<'_>> {
    let mut cued = false;
    for cue in group_cues().find_iter(lead) {
        // The patterns from 2 on are the English cues.
        if cue.pattern().as_usize() >= 2 {
            return top_group().find_iter(lead).last();
        }
        cued = true;
    }
    if cued { top_group_zh().find_iter(lead).last() } else { None }
}

/// The rest of a market as a holder, opening its clause: "All other vendors", "Others", "The
/// rest", 其他厂商, 其余品牌.
fn rest_group() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?i:(?:all\s+)?(?:the\s+)?(?:other|remaining)\s+(?:[a-z-]+\s+){0,2}?(?:vendors|brands|players|companies|makers|manufacturers|firms|suppliers|providers|carriers|airlines|operators|rivals|competitors|oems|platforms|services|chains|banks|retailers)\b|others\b|the\s+rest\b(?:\s+of\s+the\s+(?:market|field|pack))?|(?:local|domestic|foreign|international|overseas|independent|smaller|small|major|chinese|japanese|korean|european|american|indian)\s+(?:brands|vendors|players|companies|makers|manufacturers|firms|suppliers|carriers|banks|retailers|rivals|oems|automakers|carmakers|chipmakers)\b)|^(?:其他|其它|其余|剩余)[\p{Han}]{0,6}?(?:厂商|品牌|企业|玩家|公司|车企|机构)")
            .expect("static regex")
    })
}

/// `rest_group` at the start of `opening`. Its English forms open with an ASCII letter (or the
/// long s and Kelvin sign its case-blindness takes for "s" and "k"), its Chinese ones with 其
/// or 剩: a clause opening with any other Chinese character is passed over without the regex,
/// which on Chinese text is slow to say no.
pub(super) fn rest_group_at(opening: &str) -> Option<regex::Match<'_>> {
    let first = opening.chars().next()?;
    if is_cjk(first) && first != '其' && first != '剩' {
        return None;
    }
    rest_group().find(opening)
}

/// What may stand between a Chinese ranked group and its combined share.
pub(super) fn group_gap() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?:合计|共计|总计|累计|一共|总共|合共|合占|共|的|市场|份额|占据|占有|占比|占|拿下|达到|达|为|超过|超|逾|约|近|接近|\s)*$")
            .expect("static regex")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_of_a_ranked_group_holds_a_cue() {
        for lead in ["前三名", "两家头部厂商", "ToP 3 vendors", "the 3 largest vendors", "The next two brands"]
        {
            assert!(top_group().is_match(lead), "{lead}");
            assert!(group_cues().is_match(lead), "{lead}");
        }
    }
}
