//! Recognising boilerplate lines on scraped news pages: prompts to subscribe,
//! follow or share, banners, "most read" blocks, navigation links, site names
//! and URLs. Phrases are compared on folded keys, so spelling variants
//! (إشترك/اشترك, قراءة/قراءه, التالي/التالى) need one entry each.

use crate::text::fold_key;

/// What one line of a page is, before headline and body are told apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineClass {
    /// Possibly article text.
    Content,
    /// A boilerplate line, dropped wherever it stands.
    Junk,
    /// A bare address.
    Url,
    /// The heading of a list of other articles: it and the short lines after it go.
    BlockHeading,
}

/// Whole lines that are never article text.
const JUNK_LINES: &[&str] = &[
    "عاجل",
    "اخبار عاجله",
    "خبر عاجل",
    "breaking",
    "breaking news",
    "logo",
    "شعار",
    "spread the love",
    "no stories found",
    "no posts found",
    "اعلان",
    "advertisement",
    "ad",
    "share",
    "شارك",
    "مشاركه",
    "طباعه",
    "print",
    "email",
    "facebook",
    "twitter",
    "whatsapp",
    "telegram",
    "فيسبوك",
    "فيس بوك",
    "تويتر",
    "واتساب",
    "واتس اب",
    "تلغرام",
    "تيليجرام",
    "انستغرام",
    "يوتيوب",
    "share this",
    "tweet",
    "home",
    "الرييسيه",
    "menu",
    "القايمه",
    "search",
    "بحث",
    "comments",
    "تعليقات",
    "التعليقات",
    "loading",
    "جار التحميل",
    "المزيد",
    "اقرا المزيد",
    "read more",
    "tags",
    "الوسوم",
    "كلمات مفتاحيه",
];

/// Headings of blocks that list other articles.
const BLOCK_HEADINGS: &[&str] = &[
    "الاكثر قراءه",
    "الاكثر مشاهده",
    "الاكثر تداولا",
    "الاكثر قراءه اليوم",
    "اخبار ذات صله",
    "مواضيع ذات صله",
    "مقالات ذات صله",
    "اخبار متعلقه",
    "اقرا ايضا",
    "شاهد ايضا",
    "طالع ايضا",
    "اخر الاخبار",
    "احدث الاخبار",
    "most read",
    "most popular",
    "related",
    "related articles",
    "related posts",
    "related news",
    "you may also like",
    "trending",
    "latest news",
];

/// Line openings of prompts and navigation; such a line goes when it is short.
const JUNK_PREFIXES: &[&str] = &[
    "اشترك ",
    "تابعنا",
    "تابعونا",
    "تابعوا ",
    "انضم ",
    "انضموا",
    "حمل تطبيق",
    "للاشتراك",
    "اضغط هنا",
    "سجل ",
    "optimized by",
    "powered by",
    "follow us",
    "subscribe",
    "sign up",
    "السابق ",
    "التالي ",
    "المقال السابق",
    "المقال التالي",
    "الخبر السابق",
    "الخبر التالي",
    "previous ",
    "next ",
    "اقرا ايضا ",
    "شاهد ايضا ",
    "طالع ايضا ",
    "جميع الحقوق محفوظه",
    "all rights reserved",
    "copyright",
    "شارك علي",
    "شارك هذا",
    "share on",
    "click here",
    "تابع ",
    // Cookie and consent banners.
    "نستخدم ملفات تعريف الارتباط",
    "يستخدم هذا الموقع ملفات",
    "يستخدم موقعنا ملفات",
    "باستمرارك في استخدام",
    "this website uses cookies",
    "this site uses cookies",
    "we use cookies",
    "by continuing to use",
    // Share bars.
    "شارك الخبر",
    "شارك المقال",
    "انشر الخبر",
    "شارك عبر",
    // Links back to the story's source.
    "رابط الخبر",
    "رابط المقال",
    "رابط مختصر",
    "الرابط المختصر",
    "لقراءه الخبر من المصدر",
    "لقراءه المقال من المصدر",
    "اقرا الخبر من المصدر",
    "source link",
    "original article",
    "link to the story",
];

/// How a line of script or style sheet starts, whatever it holds after.
const CODE_STARTS: &[&str] = &[
    "<script",
    "</script",
    "<style",
    "</style",
    "<!--",
    "-->",
    "<noscript",
    "var ",
    "const ",
    "function ",
    "function(",
    "window.",
    "document.",
    "$(",
    "jquery(",
    "googletag.",
    "@media",
    "@import",
    "@font-face",
    "if (",
    "if(",
    "}",
    "{",
    "//",
    "/*",
    "*/",
];

/// Whether a line is script or style left on the page as text: it starts
/// as code does, or, holding no Arabic letter, reads as code (braces,
/// semicolons, assignments).
fn is_code(line: &str) -> bool {
    let start = line.trim_start().as_bytes();
    // CODE_STARTS are lower-case ASCII: compare without allocating.
    let opens = |s: &&str| {
        start
            .get(..s.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(s.as_bytes()))
    };
    if CODE_STARTS.iter().any(opens) {
        return true;
    }
    if line.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
        return false;
    }
    let marks = line
        .chars()
        .filter(|c| matches!(c, '{' | '}' | ';' | '='))
        .count();
    marks >= 2 && line.contains(['{', '}', ';'])
}

/// Classifies one tidy line.
pub(crate) fn classify(line: &str) -> LineClass {
    if is_url(line) {
        return LineClass::Url;
    }
    if is_code(line) {
        return LineClass::Junk;
    }
    let key = fold_key(line);
    if key.is_empty() && !line.chars().any(char::is_alphanumeric) {
        return LineClass::Junk;
    }
    if BLOCK_HEADINGS.contains(&key.as_str()) {
        return LineClass::BlockHeading;
    }
    if JUNK_LINES.contains(&key.as_str()) || line.starts_with('©') {
        return LineClass::Junk;
    }
    let words = key.split(' ').count();
    let prompt = JUNK_PREFIXES.iter().any(|p| key.starts_with(p));
    if prompt && words <= 15 && (!is_sentence(line) || words <= 12) {
        return LineClass::Junk;
    }
    LineClass::Content
}

/// Which lines are content. Runs of junk at the end are dropped, and a bare
/// site name among them is recorded as the source; block headings take the
/// short lines after them along.
pub(crate) fn content_mask(
    lines: &[String],
    classes: &[LineClass],
    source: &mut Option<String>,
) -> Vec<bool> {
    let mut keep: Vec<bool> = classes.iter().map(|c| *c == LineClass::Content).collect();
    let last_body = (0..lines.len())
        .rev()
        .find(|&i| keep[i] && is_body_like(&lines[i]));
    if let Some(last_body) = last_body {
        for i in (last_body + 1..lines.len()).rev() {
            if classes[i] != LineClass::Content {
                continue;
            }
            if is_site_name(&lines[i]) {
                if source.is_none() {
                    *source = Some(lines[i].clone());
                }
                keep[i] = false;
            } else {
                break;
            }
        }
    }
    let mut in_block = false;
    for i in 0..lines.len() {
        match classes[i] {
            LineClass::BlockHeading => in_block = true,
            LineClass::Content if in_block => {
                if is_body_like(&lines[i]) {
                    in_block = false;
                } else {
                    keep[i] = false;
                }
            }
            _ => {}
        }
    }
    keep
}

/// A line that reads as a body paragraph rather than a headline: a sentence of
/// six words or more, or any line of thirty words or more.
pub(crate) fn is_body_like(line: &str) -> bool {
    let words = line.split_whitespace().count();
    words >= 30 || (words >= 6 && is_sentence(line))
}

/// Ends with sentence punctuation, ignoring closing quotes and brackets.
fn is_sentence(line: &str) -> bool {
    line.trim_end_matches(['"', '”', '»', ')', '\'', '’', ' '])
        .ends_with(['.', '!', '?', '؟', '…'])
}

fn is_url(line: &str) -> bool {
    if line.contains(' ') {
        return false;
    }
    let lower = line.to_ascii_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("www.")
        || [".com", ".net", ".org", ".news", ".info", ".tv"]
            .iter()
            .any(|t| lower.trim_end_matches('/').ends_with(t))
}

/// One to three words of letters: how a site signs off under its articles.
fn is_site_name(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (1..=3).contains(&words)
        && line.chars().count() <= 30
        && line
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || crate::text::is_harakah(c))
}

/// Words that open two-word place names (الدار البيضاء, أبو ظبي, تل أبيب,
/// نيو يورك): a dateline of two words before a bare dash must start so.
const PLACE_OPENINGS: &[&str] = &[
    "ابو",
    "تل",
    "بندر",
    "راس",
    "عين",
    "بير",
    "شرم",
    "سيدي",
    "دير",
    "بيت",
    "كفر",
    "جبل",
    "مدينه",
    "نيو",
    "سان",
    "سانت",
    "لوس",
    "هونغ",
    "كوالا",
    "بوينس",
    "ريو",
    "جزر",
    "جزيره",
];

/// The place of a dateline opening a paragraph: `موسكو/ وكالات-`, `دمشق (سانا) -`,
/// `القاهرة - `. At most two words of letters; before a bare dash, two words
/// only when they read as one place (`الدار البيضاء -`, not `احتل فيلم -`).
pub(crate) fn dateline(paragraph: &str) -> Option<String> {
    let head: String = paragraph.chars().take(60).collect();
    let cut = head.find(['/', '(', '-', '–', '—'])?;
    let place = head[..cut].trim();
    let words = place.split_whitespace().count();
    if !(1..=2).contains(&words) || !place.chars().all(|c| c.is_alphabetic() || c == ' ') {
        return None;
    }
    let rest = &head[cut..];
    let agency_then_dash = rest.starts_with(['/', '(']) && rest[1..].contains(['-', '–', '—']);
    let spaced_dash =
        head[..cut].ends_with(' ') && rest[rest.chars().next()?.len_utf8()..].starts_with(' ');
    let one_place = words == 1 || {
        let first = fold_key(place.split_whitespace().next().unwrap_or(""));
        first.starts_with("ال") || PLACE_OPENINGS.contains(&first.as_str())
    };
    (agency_then_dash || (spaced_dash && one_place && rest.starts_with(['-', '–', '—'])))
        .then(|| place.to_owned())
}

/// A source named in quotes before a dash at a paragraph's start: `“شجون عربية” —`.
pub(crate) fn quoted_source(paragraph: &str) -> Option<String> {
    let mut chars = paragraph.char_indices();
    let (_, open) = chars.next()?;
    let close = match open {
        '“' => '”',
        '"' => '"',
        '«' => '»',
        _ => return None,
    };
    let start = open.len_utf8();
    let end = paragraph[start..].find(close)? + start;
    let name = paragraph[start..end].trim();
    let after = paragraph[end + close.len_utf8()..].trim_start();
    let words = name.split_whitespace().count();
    ((1..=4).contains(&words) && after.starts_with(['—', '–', '-'])).then(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_lines() {
        let junk = [
            "أخبار عاجلة",
            "Spread the love",
            "No stories found.",
            "logo",
            "إشترك في خدمة واتساب",
            "اشترك فى النشرة البريدية لتحصل على اهم الاخبار بمجرد نشرها",
            "تابعنا على مواقع التواصل الاجتماعى",
            "Optimized by Optimole",
            "السابق مناورات عسكرية كبيرة… ماذا تحضر روسيا وحلفاؤها؟",
            "التالى انتخابات فلسطينية خلال 6 أشهر؟",
            "تابع إحصائيات فيروس كورونا لحظة بلحظة",
            "جميع الحقوق محفوظة © 2024",
            "Powered by WordPress",
            "شارك على فيسبوك",
            "حمل تطبيق الجزيرة",
        ];
        for line in junk {
            assert_eq!(classify(line), LineClass::Junk, "{line}");
        }
        assert_eq!(classify("www.eremnews.com"), LineClass::Url);
        assert_eq!(classify("https://example.org/a/b"), LineClass::Url);
        assert_eq!(classify("الأكثر قراءة"), LineClass::BlockHeading);
        assert_eq!(classify("اقرأ أيضاً"), LineClass::BlockHeading);
        for line in [
            "بوتين يبحث مع مجلس الأمن الروسي",
            "وتابع الرئيس حديثه عن المفاوضات في جنيف.",
            "المصدر: انترفاكس، المدن",
        ] {
            assert_eq!(classify(line), LineClass::Content, "{line}");
        }
    }

    #[test]
    fn phrase_tables_are_written_folded() {
        for p in JUNK_LINES.iter().chain(BLOCK_HEADINGS).chain(JUNK_PREFIXES) {
            assert_eq!(
                fold_key(p),
                p.trim_end(),
                "{p:?} must be written as fold_key writes it"
            );
        }
    }

    #[test]
    fn datelines() {
        assert_eq!(
            dateline("موسكو/ وكالات- بحث الرئيس").as_deref(),
            Some("موسكو")
        );
        assert_eq!(dateline("دمشق (سانا) - أعلنت").as_deref(), Some("دمشق"));
        assert_eq!(dateline("القاهرة - قال وزير").as_deref(), Some("القاهرة"));
        assert_eq!(dateline("بيروت – أعلن").as_deref(), Some("بيروت"));
        assert_eq!(
            dateline("قال الرئيس الروسي فلاديمير بوتين, يوم الجمعة"),
            None
        );
        assert_eq!(dateline("المفاوضات السورية-السورية بدأت"), None);
    }

    #[test]
    fn quoted_sources() {
        assert_eq!(
            quoted_source("“شجون عربية” — قال وزير").as_deref(),
            Some("شجون عربية")
        );
        assert_eq!(quoted_source("\"روسيا اليوم\" قالت"), None);
        assert_eq!(
            quoted_source("«الجانب الروسي مطالب أكثر من أي وقت مضى» - قال"),
            None
        );
    }
}
