//! The vocabulary of the reader: every key binding, the help screen and the
//! tests speak in these actions. Named by meaning, not by direction, since
//! left and right swap in right-to-left text.

use serde::{Deserialize, Serialize};

/// Something the user asks the reader to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Leave the reader (from the list) or go back (elsewhere).
    Quit,
    /// Leave the reader from anywhere.
    ForceQuit,
    /// Next row, or scroll down a line.
    Down,
    /// Previous row, or scroll up a line.
    Up,
    /// A page down.
    PageDown,
    /// A page up.
    PageUp,
    /// The first row, or the top of the article.
    Top,
    /// The last row, or the end of the article.
    Bottom,
    /// Open the selected article, or apply the selected facet.
    Open,
    /// Back to the list.
    Back,
    /// Open the query box to filter by person or place.
    Filter,
    /// Clear every filter.
    ClearFilters,
    /// Show or hide the persons-and-places panel, and move into it.
    Facets,
    /// Open the next article of the list.
    NextArticle,
    /// Open the previous article of the list.
    PreviousArticle,
    /// Jump to the next mention of the filtered person or place.
    NextMention,
    /// Jump to the previous mention.
    PreviousMention,
    /// Show or hide the key help.
    Help,
    /// Bookmark the article, or remove its bookmark.
    ToggleBookmark,
    /// Show only bookmarked articles, or all again.
    Bookmarked,
    /// Find a word or phrase in the open article (n and N then step
    /// through the hits).
    Find,
    /// Copy the open article to the clipboard (logical order, OSC 52).
    Copy,
    /// Copy the paragraph at the top of the view.
    CopyParagraph,
    /// List by the next order: id, date, title.
    Sort,
    /// In the filter box: look at persons, places, or both.
    Scope,
    /// In the filter box: mark the highlighted name, or unmark it; Enter
    /// then takes the marked names.
    Mark,
}

impl Action {
    /// A short description for the help screen.
    pub fn describe(self) -> &'static str {
        match self {
            Action::Quit => "quit (list) / back",
            Action::ForceQuit => "quit from anywhere",
            Action::Down => "next row / scroll down",
            Action::Up => "previous row / scroll up",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::Top => "first row / top",
            Action::Bottom => "last row / end",
            Action::Open => "open article / apply facet",
            Action::Back => "back to the list",
            Action::Filter => "filter by person or place",
            Action::ClearFilters => "clear filters",
            Action::Facets => "persons and places panel",
            Action::NextArticle => "next article",
            Action::PreviousArticle => "previous article",
            Action::NextMention => "next mention of the filter",
            Action::PreviousMention => "previous mention",
            Action::Help => "this help",
            Action::ToggleBookmark => "bookmark / unbookmark",
            Action::Bookmarked => "only bookmarked articles",
            Action::Find => "find in the article (n N: next, previous)",
            Action::Copy => "copy the article (OSC 52)",
            Action::CopyParagraph => "copy the paragraph at the top",
            Action::Sort => "sort by id / date / title",
            Action::Scope => "filter persons / places / both",
            Action::Mark => "mark a name (enter takes the marked)",
        }
    }
}
