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

/// Parses a `.json` file: one record or an array of records.
pub(crate) fn parse_json(text: &str) -> Result<Vec<Record>, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("invalid JSON: {e}"))?;
    let items = match value {
        Value::Array(items) => items,
        v @ Value::Object(_) => vec![v],
        _ => return Err("JSON is neither a record nor an array of records".into()),
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, v)| serde_json::from_value(v).map_err(|e| format!("record {}: {e}", i + 1)))
        .collect()
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
