//! JSON and JSON Lines article records: `title`, `body`/`text`/`content`, and
//! optional `date`, `source`, `url`, `id`.

use serde::Deserialize;
use serde_json::Value;

/// One record as found in a file, before cleaning.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct Record {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default, alias = "text", alias = "content")]
    pub body: Option<Body>,
    #[serde(default)]
    pub date: Option<Value>,
    #[serde(default)]
    pub published: Option<Value>,
    #[serde(default)]
    pub time: Option<Value>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub id: Option<Value>,
}

/// A body given as one string or as a list of paragraphs.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(crate) enum Body {
    Text(String),
    Paragraphs(Vec<String>),
}

impl Body {
    /// The body as newline-separated paragraphs.
    pub fn joined(&self) -> String {
        match self {
            Body::Text(t) => t.clone(),
            Body::Paragraphs(ps) => ps.join("\n"),
        }
    }
}

impl Record {
    /// The record's own identifier rendered as text, if any.
    pub fn id_text(&self) -> Option<String> {
        match self.id.as_ref()? {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }

    /// The date (`date`, else `published`, else `time`): ISO 8601 when it
    /// reads as one (see [`parse_date`](crate::text::parse_date)), else as
    /// written.
    pub fn date_text(&self) -> Option<String> {
        let raw = [&self.date, &self.published, &self.time]
            .into_iter()
            .find_map(|v| match v.as_ref()? {
                Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            })?;
        Some(crate::text::parse_date(&raw).map_or(raw, |d| d.shown()))
    }
}

/// Parses a `.json` file: one record or an array of records, straight into
/// records (a tree of JSON values first cost a million-record file 1.6 GB).
pub(crate) fn parse_json(text: &str) -> Result<Vec<Record>, String> {
    match text.trim_start().chars().next() {
        Some('[') => serde_json::from_str(text),
        Some('{') => serde_json::from_str(text).map(|r| vec![r]),
        _ => return Err("JSON is neither a record nor an array of records".into()),
    }
    .map_err(|e| format!("invalid JSON record: {e}"))
}

/// The record a key of an id names in a `.json` array or a `.jsonl` file:
/// `N`, the N-th record (or line), else a record whose own id is `key`.
/// Only that record is parsed; the others are split off as raw JSON.
pub(crate) fn find_record(text: &str, lines: bool, key: &str) -> Option<Record> {
    #[derive(Deserialize)]
    struct Key {
        #[serde(default)]
        id: Option<Value>,
    }
    let raws: Vec<&str> = if lines {
        text.lines().collect()
    } else {
        serde_json::from_str::<Vec<&serde_json::value::RawValue>>(text)
            .ok()?
            .into_iter()
            .map(serde_json::value::RawValue::get)
            .collect()
    };
    let own = |raw: &str| {
        let k: Key = serde_json::from_str(raw).ok()?;
        Record {
            id: k.id,
            ..Record::default()
        }
        .id_text()
    };
    let raw = match key.parse::<usize>() {
        Ok(n) if n >= 1 && raws.get(n - 1).is_some_and(|r| own(r).is_none()) => raws[n - 1],
        _ => *raws.iter().find(|r| {
            own(r)
                .is_some_and(|id| crate::corpus::shown_name(&id.replace(['\n', '\t'], " ")) == key)
        })?,
    };
    serde_json::from_str(raw).ok()
}

/// Parses a `.jsonl` file; a bad line is reported and the others still load.
pub(crate) fn parse_jsonl(text: &str) -> (Vec<(usize, Record)>, Vec<String>) {
    let mut records = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Record>(line) {
            Ok(r) => records.push((i + 1, r)),
            Err(e) => errors.push(format!("line {}: invalid JSON record: {e}", i + 1)),
        }
    }
    (records, errors)
}
