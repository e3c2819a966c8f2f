//! The neutral report document every renderer draws: a title, facts about the report, and
//! sections that each hold at most one table and any number of charts. One section is one
//! worksheet in XLSX, one `<section>` in HTML and one tagged section in the PDF.
//!
//! A `Doc` serialises to JSON: a final report is stored as its `Doc`, so every later rendering
//! shows the same content, whatever the engine or the data say by then.

use grunnmur_i18n::Lang;
use serde::{Deserialize, Serialize};

/// The language as its code (`nb`, `en`).
mod lang_code {
    use grunnmur_i18n::Lang;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(l: &Lang, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(l.code())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
        let s = String::deserialize(d)?;
        Lang::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("unknown language: {s}")))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Doc {
    #[serde(with = "lang_code")]
    pub lang: Lang,
    pub title: String,
    /// Facts about the report (body, date, catalog version, ...), label and value.
    pub facts: Vec<(String, String)>,
    /// Heading of the facts (the "about this report" sheet in XLSX).
    pub facts_heading: String,
    /// Short name for the facts sheet.
    pub facts_sheet: String,
    pub sections: Vec<Section>,
    /// Wide tables: the PDF uses landscape pages.
    pub landscape: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Stable name of the section (`summary`, `baseline`, `activity`, ...), for views that
    /// show one section on its own.
    pub key: String,
    /// Worksheet name: short, unique in the document (renderers sanitise it).
    pub sheet: String,
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub charts: Vec<Chart>,
    pub table: Option<Table>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub caption: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// The first column names its row (rendered as a row header, `scope="row"`).
    pub row_headers: bool,
    /// Shown instead of an empty table.
    pub empty: String,
    /// Words of the values a narrow layout may abbreviate, `(full, short)` (the dimensions:
    /// konfidensialitet → K). The PDF uses them only where a column is too narrow for its
    /// longest word, and explains each one used in a legend under the table.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub abbreviations: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Column {
    pub header: String,
    /// Approximate characters in XLSX (the PDF sizes its columns from their content).
    pub width: f32,
    pub align: Align,
    /// A short header for a narrow layout (`Risikovurd.`), explained in a legend under the
    /// table where the PDF uses it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    Left,
    Right,
}

impl Column {
    pub fn text(header: String, width: f32) -> Column {
        Column {
            header,
            width,
            align: Align::Left,
            short: None,
        }
    }

    pub fn number(header: String, width: f32) -> Column {
        Column {
            header,
            width,
            align: Align::Right,
            short: None,
        }
    }

    /// The same column with a short header for narrow layouts.
    pub fn with_short(mut self, short: String) -> Column {
        self.short = Some(short);
        self
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cell {
    Text(String),
    Int(i64),
    /// A share between 0 and 1, shown as a percentage.
    Percent(f64),
    /// `YYYY-MM-DD`.
    Date(String),
    Empty,
}

impl Cell {
    /// The cell as people read it in HTML and PDF.
    pub fn display(&self) -> String {
        match self {
            Cell::Text(s) | Cell::Date(s) => s.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Percent(p) => format!("{} %", (p * 100.0).round() as i64),
            Cell::Empty => "–".to_string(),
        }
    }
}

/// A horizontal stacked bar chart: one bar per category, one segment per series; or, with
/// `matrix`, a risk matrix (categories and series then stay empty).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Chart {
    pub title: String,
    /// Text alternative: what the chart shows, with its numbers.
    pub alt: String,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matrix: Option<Matrix>,
}

/// A risk matrix: likelihood rows, consequence columns, each cell coloured by its zone and
/// labelled with what falls in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Matrix {
    pub row_title: String,
    pub column_title: String,
    /// Likelihood names, lowest first (drawn from the bottom up).
    pub rows: Vec<String>,
    pub columns: Vec<String>,
    /// `cells[row][column]`, rows lowest first.
    pub cells: Vec<Vec<MatrixCell>>,
    /// The zones: name and colour.
    pub legend: Vec<(String, (u8, u8, u8))>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MatrixCell {
    pub text: String,
    pub color: (u8, u8, u8),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Series {
    pub name: String,
    pub values: Vec<u32>,
    /// RGB; the palette is chosen for contrast against white and between neighbours.
    pub color: (u8, u8, u8),
}

impl Chart {
    /// The largest bar total (at least 1, so scales never divide by zero).
    pub fn max_total(&self) -> u32 {
        (0..self.categories.len())
            .map(|c| self.series.iter().map(|s| s.values[c]).sum::<u32>())
            .max()
            .unwrap_or(0)
            .max(1)
    }
}
