//! Turning a scraped news page into a headline and body paragraphs.
//!
//! The rules describe shapes common to Arabic news sites rather than any one
//! site: a header zone of short lines (banners, captions, promos, the headline,
//! often repeated) before the first real paragraph; boilerplate prompts anywhere;
//! a trailing zone of "most read" lists, logos, site names and URLs.

use super::boiler::{self, LineClass};
use crate::text::fold_key;

/// The result of cleaning one page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CleanPage {
    /// The headline, or empty when the page has no text at all.
    pub title: String,
    /// Body paragraphs in logical order.
    pub paragraphs: Vec<String>,
    /// The site name when the page shows one.
    pub source: Option<String>,
    /// The dateline place opening the first paragraph.
    pub dateline: Option<String>,
    /// The publication date the page's header or dateline gives, as
    /// [`FoundDate::shown`](crate::text::FoundDate::shown) writes it.
    pub date: Option<String>,
}

/// Cleans a scraped plain-text page: one paragraph per non-empty line.
pub fn clean_page(text: &str) -> CleanPage {
    let lines: Vec<String> = text
        .lines()
        .map(tidy)
        .filter(|l| !l.is_empty())
        .map(|l| unglue(&l).to_owned())
        .collect();
    build(lines, None)
}

/// Cleans a Markdown article: the first `#` heading (or front-matter `title:`) is
/// the title; paragraphs are separated by blank lines; inline markup is removed.
pub fn clean_markdown(text: &str) -> CleanPage {
    let mut title = None;
    let mut source = None;
    let mut date = None;
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    let mut lines = text.lines().peekable();
    if lines.peek().map(|l| l.trim()) == Some("---") {
        lines.next();
        for line in lines.by_ref() {
            if line.trim() == "---" {
                break;
            }
            if let Some((key, value)) = line.split_once(':') {
                let value = tidy(value.trim().trim_matches('"'));
                match key.trim() {
                    "title" if !value.is_empty() => title = Some(value),
                    "source" if !value.is_empty() => source = Some(value),
                    "date" | "published" => {
                        date = crate::text::parse_date(&value).map(|d| d.shown())
                    }
                    _ => {}
                }
            }
        }
    }
    for line in lines {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush(&mut current, &mut paragraphs);
            continue;
        }
        if let Some(heading) = trimmed.strip_prefix('#') {
            flush(&mut current, &mut paragraphs);
            let heading = tidy(&strip_inline_markdown(heading.trim_start_matches('#')));
            if title.is_none() && !heading.is_empty() {
                title = Some(heading);
            } else if !heading.is_empty() {
                paragraphs.push(heading);
            }
            continue;
        }
        let trimmed = trimmed
            .trim_start_matches(['>', '*', '-', '+'])
            .trim_start();
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(&strip_inline_markdown(trimmed));
    }
    flush(&mut current, &mut paragraphs);
    let mut page = match title {
        Some(t) => {
            let mut page = build(paragraphs, Some(t.clone()));
            page.title = t;
            page
        }
        None => build(paragraphs, None),
    };
    if source.is_some() {
        page.source = source;
    }
    if date.is_some() {
        page.date = date;
    }
    page
}

/// Cleans body text that arrives with a known title (JSON records).
pub fn clean_body(title: &str, body: &str) -> CleanPage {
    let lines = body
        .split('\n')
        .map(tidy)
        .filter(|l| !l.is_empty())
        .collect();
    let title = tidy(title);
    let title = unglue(&title).to_owned();
    let mut page = build(lines, Some(title.clone()));
    page.title = title;
    page
}

fn flush(current: &mut String, paragraphs: &mut Vec<String>) {
    let p = tidy(current);
    if !p.is_empty() {
        paragraphs.push(p);
    }
    current.clear();
}

/// Drops emphasis markers and turns `[text](url)` into `text`.
fn strip_inline_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after
            .find("](")
            .and_then(|mid| after[mid..].find(')').map(|end| (mid, mid + end)))
        {
            Some((mid, end)) => {
                out.push_str(&after[..mid]);
                rest = &after[end + 1..];
            }
            None => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.replace("**", "").replace("__", "").replace('`', "")
}

/// Collapses every run of white space (including no-break spaces) into one space.
pub(crate) fn tidy(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A headline glued to itself (`XX` or `X X`) becomes `X`.
pub(crate) fn unglue(line: &str) -> &str {
    let half = line.len() / 2;
    for cut in [half, half.saturating_sub(1), half + 1] {
        if cut == 0 || cut >= line.len() || !line.is_char_boundary(cut) {
            continue;
        }
        let (a, b) = line.split_at(cut);
        let (a, b) = (a.trim_end(), b.trim_start());
        if a == b && a.split_whitespace().count() >= 2 {
            return a;
        }
    }
    line
}

/// Assembles a page from tidy lines; `known_title` skips headline detection.
/// The date of the header zone: the lines before the first one that reads
/// as body text (bylines, "نشر في" lines, share bars), and the start of
/// that first paragraph, where datelines put it. Dates further into the
/// body are about the story, not the article.
fn header_date(lines: &[String]) -> Option<String> {
    const DATELINE_CHARS: usize = 100;
    let body = lines
        .iter()
        .position(|l| boiler::is_body_like(l))
        .unwrap_or(lines.len());
    lines[..body]
        .iter()
        .chain(lines.get(body))
        .find_map(|l| {
            let end = l
                .char_indices()
                .nth(DATELINE_CHARS)
                .map_or(l.len(), |(i, _)| i);
            crate::text::find_date(&l[..end])
        })
        .map(|d| d.shown())
}

fn build(lines: Vec<String>, known_title: Option<String>) -> CleanPage {
    let classes: Vec<LineClass> = lines.iter().map(|l| boiler::classify(l)).collect();
    let mut page = CleanPage {
        date: header_date(&lines),
        ..CleanPage::default()
    };
    let keep = boiler::content_mask(&lines, &classes, &mut page.source);
    let content: Vec<&String> = lines
        .iter()
        .zip(&keep)
        .filter(|(_, &k)| k)
        .map(|(l, _)| l)
        .collect();

    let body_start = content
        .iter()
        .position(|l| boiler::is_body_like(l))
        .unwrap_or(content.len());
    let (title, header_rest) = match known_title {
        Some(t) => (
            t,
            content[..body_start]
                .iter()
                .map(|s| s.to_string())
                .collect(),
        ),
        None => pick_title(&content[..body_start]),
    };
    let mut seen: Vec<String> = vec![fold_key(&title)];
    let mut paragraphs = Vec::new();
    for line in header_rest
        .into_iter()
        .chain(content[body_start..].iter().map(|s| s.to_string()))
    {
        let key = fold_key(&line);
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        paragraphs.push(line);
    }
    // The headline again at the end (a byline or "link to the story" line
    // around it): a short last paragraph holding the whole headline.
    let title_key = fold_key(&title);
    let title_words = title_key.split(' ').count();
    while !title_key.is_empty()
        && paragraphs.last().is_some_and(|p| {
            let key = fold_key(p);
            key.contains(&title_key) && key.split(' ').count() <= title_words + 8
        })
    {
        paragraphs.pop();
    }
    if title.is_empty() && !paragraphs.is_empty() {
        page.title = derive_title(&paragraphs[0]);
    } else {
        page.title = title;
    }
    if let Some(first) = content.get(body_start) {
        page.dateline = boiler::dateline(first);
        if page.source.is_none() {
            page.source = boiler::quoted_source(first);
        }
    }
    page.paragraphs = paragraphs;
    page
}

/// Chooses the headline among header lines. A line that repeats is the headline
/// (sites print it in the page title, the breadcrumb and the article); otherwise
/// the first line of five words or more, since banners and photo captions are
/// short noun phrases. Lines of five words or more after the headline are kept
/// as a lead; shorter ones there are captions, bylines and dates.
fn pick_title(header: &[&String]) -> (String, Vec<String>) {
    // A date line (الاثنين 23-01-2017, 25 ربيع الآخر 1438 هـ) is neither the
    // headline nor a lead; its date is taken by `header_date`.
    let header: Vec<&String> = header
        .iter()
        .filter(|l| !(l.split_whitespace().count() <= 8 && crate::text::find_date(l).is_some()))
        .copied()
        .collect();
    if header.is_empty() {
        return (String::new(), Vec::new());
    }
    let keys: Vec<String> = header.iter().map(|l| fold_key(l)).collect();
    let repeated = (0..header.len()).find(|&i| keys.iter().filter(|k| **k == keys[i]).count() > 1);
    let chosen = repeated
        .or_else(|| {
            header
                .iter()
                .position(|l| l.split_whitespace().count() >= 5)
        })
        .unwrap_or_else(|| {
            (0..header.len())
                .max_by_key(|&i| (header[i].split_whitespace().count(), usize::MAX - i))
                .unwrap_or(0)
        });
    let rest = header[chosen + 1..]
        .iter()
        .filter(|l| fold_key(l) != keys[chosen] && l.split_whitespace().count() >= 5)
        .map(|s| s.to_string())
        .collect();
    (header[chosen].to_string(), rest)
}

/// A title for a page that shows none: the first sentence, at most twelve words.
fn derive_title(paragraph: &str) -> String {
    let sentence = paragraph
        .split_inclusive(['.', '؟', '?', '!'])
        .next()
        .unwrap_or(paragraph);
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.len() <= 12 {
        sentence.trim().trim_end_matches('.').to_owned()
    } else {
        format!("{}…", words[..12].join(" "))
    }
}

#[cfg(test)]
#[path = "clean_tests.rs"]
mod tests;
