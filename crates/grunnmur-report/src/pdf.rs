//! The report as a tagged PDF, written with krilla and checked by krilla's PDF/UA-1 validator:
//! a document title and language, headings, paragraphs, tables with captions and header cells
//! with scope, charts as figures with alternative text, an outline, and page furniture (rules,
//! backgrounds, page numbers, repeated table headers) marked as artifacts. Text is DejaVu Sans,
//! embedded and subset, with a Unicode map so the text can be searched and extracted.
//!
//! Layout is done first (into pages of drawing operations that know their place in the
//! structure tree), then drawn; so "page N of M" and the tag tree come out right.

use crate::ReportError;
use crate::chart;
use crate::doc::{Align, Chart, Doc, Table};
use grunnmur_i18n::Lang;
use krilla::Document;
use krilla::color::rgb;
use krilla::configure::{Accessibility, ConfigurationBuilder, PdfVersion};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, Node, SpanTag, TableHeaderScope, Tag, TagGroup,
    TagKind, TagTree,
};
use krilla::text::{Font, TextDirection};

mod columns;
use columns::PAD;
use std::num::NonZeroU16;
use std::sync::OnceLock;

const MARGIN: f32 = 48.0;
const BODY: f32 = 9.5;
const SMALL: f32 = 8.0;
/// Table header cells.
const HEAD: f32 = 7.5;
const H1: f32 = 17.0;
const H2: f32 = 12.5;
const LEADING: f32 = 1.3;

struct Fonts {
    regular: Font,
    bold: Font,
    regular_face: ttf_parser::Face<'static>,
    bold_face: ttf_parser::Face<'static>,
}

fn fonts() -> Result<&'static Fonts, ReportError> {
    static F: OnceLock<Option<Fonts>> = OnceLock::new();
    F.get_or_init(|| {
        let (r, b) = (dejavu::sans::regular(), dejavu::sans::bold());
        Some(Fonts {
            regular: Font::new(r.into(), 0)?,
            bold: Font::new(b.into(), 0)?,
            regular_face: ttf_parser::Face::parse(r, 0).ok()?,
            bold_face: ttf_parser::Face::parse(b, 0).ok()?,
        })
    })
    .as_ref()
    .ok_or_else(|| ReportError::Pdf("the embedded font could not be read".into()))
}

impl Fonts {
    fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let face = if bold {
            &self.bold_face
        } else {
            &self.regular_face
        };
        let units: u32 = text
            .chars()
            .map(|c| {
                face.glyph_index(c)
                    .and_then(|g| face.glyph_hor_advance(g))
                    .unwrap_or(face.units_per_em() / 2) as u32
            })
            .sum();
        units as f32 * size / face.units_per_em() as f32
    }

    /// Word wrap at spaces and after hyphens ([`columns::wrap`]).
    fn wrap(&self, text: &str, size: f32, bold: bool, max: f32) -> Vec<String> {
        columns::wrap(text, max, &|s| self.width(s, size, bold))
    }

    /// Text width as [`columns::plan`] measures it.
    fn measure(&self) -> impl Fn(&str, f32, bool) -> f32 + '_ {
        |s, size, bold| self.width(s, size, bold)
    }
}

/// What a drawing operation belongs to: a leaf of the structure tree, or page furniture.
#[derive(Clone, Copy, PartialEq)]
enum Mark {
    Leaf(usize),
    Artifact,
}

enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        text: String,
        mark: Mark,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: (u8, u8, u8),
        mark: Mark,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
    },
}

/// The logical structure, built alongside the layout. Leaves are filled with krilla
/// identifiers while drawing.
enum SNode {
    Group(SKind, Vec<SNode>),
    Leaf(usize),
}

enum SKind {
    H(u16, String),
    P,
    Section,
    Table,
    Caption,
    THead,
    TBody,
    Tr,
    Th(TableHeaderScope),
    Td,
    Figure(String),
}

/// A table as laid out: its plan, the column positions, and each row's cells as lines.
struct Laid {
    plan: columns::Plan,
    xs: Vec<(f32, f32)>,
    head: Vec<Vec<String>>,
    rows: Vec<Vec<Vec<String>>>,
}

/// The legend of a table's abbreviations, in the document's language.
fn legend(lang: Lang, used: &[(String, String)]) -> Option<String> {
    if used.is_empty() {
        return None;
    }
    let list: Vec<String> = used.iter().map(|(s, f)| format!("{s} = {f}")).collect();
    Some(grunnmur_i18n::t(
        lang,
        "report-legend",
        &[("list", &list.join("; "))],
    ))
}

struct Layout<'f> {
    fonts: &'f Fonts,
    lang: Lang,
    page_w: f32,
    page_h: f32,
    pages: Vec<Vec<Op>>,
    y: f32,
    leaves: usize,
    /// Page index and y of each section heading, for the outline.
    outline: Vec<(String, usize, f32)>,
}

impl<'f> Layout<'f> {
    fn content_w(&self) -> f32 {
        self.page_w - 2.0 * MARGIN
    }

    fn bottom(&self) -> f32 {
        self.page_h - MARGIN - 14.0
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    fn ensure(&mut self, h: f32) {
        if self.y + h > self.bottom() && self.y > MARGIN + 0.5 {
            self.new_page();
        }
    }

    fn leaf(&mut self) -> usize {
        self.leaves += 1;
        self.leaves - 1
    }

    fn op(&mut self, op: Op) {
        self.pages.last_mut().expect("a page").push(op);
    }

    /// Wrapped text as one leaf; returns the structure leaf.
    fn text_block(&mut self, text: &str, size: f32, bold: bool, x: f32, w: f32) -> SNode {
        let leaf = self.leaf();
        let line_h = size * LEADING;
        for line in self.fonts.wrap(text, size, bold, w) {
            self.ensure(line_h);
            self.op(Op::Text {
                x,
                y: self.y + size,
                size,
                bold,
                text: line,
                mark: Mark::Leaf(leaf),
            });
            self.y += line_h;
        }
        SNode::Leaf(leaf)
    }

    fn heading(&mut self, level: u16, text: &str, size: f32) -> SNode {
        // Keep a heading with at least a few lines of what follows.
        self.ensure(size * LEADING * 2.0 + 40.0);
        self.y += if level == 1 { 0.0 } else { 10.0 };
        if level == 2 {
            self.outline
                .push((text.to_string(), self.pages.len() - 1, self.y));
        }
        let w = self.content_w();
        let leaf = self.text_block(text, size, true, MARGIN, w);
        self.y += 4.0;
        SNode::Group(SKind::H(level, text.to_string()), vec![leaf])
    }

    fn paragraph(&mut self, text: &str, bold: bool) -> SNode {
        let w = self.content_w();
        let leaf = self.text_block(text, BODY, bold, MARGIN, w);
        self.y += 4.0;
        SNode::Group(SKind::P, vec![leaf])
    }

    /// A table sized from its content ([`columns::plan`]) and every cell wrapped.
    fn lay_table(&self, t: &Table) -> Laid {
        let cells = t
            .rows
            .iter()
            .map(|r| r.iter().map(|c| c.display()).collect())
            .collect();
        let measure = self.fonts.measure();
        let plan = columns::plan(t, cells, self.content_w(), HEAD, SMALL, &measure);
        let mut x = MARGIN;
        let xs: Vec<(f32, f32)> = plan
            .widths
            .iter()
            .map(|w| {
                let r = (x, *w);
                x += w;
                r
            })
            .collect();
        let head = self.wrap_cells(&plan.headers, &xs, plan.head_size, true);
        let rows = (plan.cells.iter())
            .map(|c| self.wrap_cells(c, &xs, plan.body_size, false))
            .collect();
        Laid {
            plan,
            xs,
            head,
            rows,
        }
    }

    /// The cells of a row wrapped to their columns (a cell taller than a page is cut).
    fn wrap_cells(
        &self,
        cells: &[String],
        xs: &[(f32, f32)],
        size: f32,
        bold: bool,
    ) -> Vec<Vec<String>> {
        let max_lines = ((self.bottom() - MARGIN - 40.0) / (size * LEADING)) as usize;
        cells
            .iter()
            .zip(xs)
            .map(|(c, (_, w))| {
                let mut l = self.fonts.wrap(c, size, bold, w - 2.0 * PAD);
                if l.len() > max_lines {
                    l.truncate(max_lines);
                    if let Some(last) = l.last_mut() {
                        last.push('…');
                    }
                }
                l
            })
            .collect()
    }

    fn row_height(wrapped: &[Vec<String>], size: f32) -> f32 {
        let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
        lines as f32 * size * LEADING + 2.0 * PAD
    }

    /// One table row: wrapped cells, background for header rows, a rule under it.
    fn row(
        &mut self,
        wrapped: &[Vec<String>],
        aligns: &[Align],
        xs: &[(f32, f32)],
        size: f32,
        header: bool,
        marks: &[Mark],
    ) {
        let line_h = size * LEADING;
        let h = Self::row_height(wrapped, size);
        if header {
            let w = self.content_w();
            self.op(Op::Rect {
                x: MARGIN,
                y: self.y,
                w,
                h,
                color: (232, 232, 232),
                mark: Mark::Artifact,
            });
        }
        for (n, ls) in wrapped.iter().enumerate() {
            let (x, w) = xs[n];
            for (k, l) in ls.iter().enumerate() {
                let tx = if aligns[n] == Align::Right {
                    x + w - PAD - self.fonts.width(l, size, header)
                } else {
                    x + PAD
                };
                self.op(Op::Text {
                    x: tx,
                    y: self.y + PAD + size + k as f32 * line_h,
                    size,
                    bold: header,
                    text: l.clone(),
                    mark: marks[n],
                });
            }
        }
        self.y += h;
        let y = self.y;
        self.op(Op::Line {
            x1: MARGIN,
            y1: y,
            x2: MARGIN + self.content_w(),
            y2: y,
        });
    }

    /// A table, and the legend of its abbreviations under it when it has any.
    fn table(&mut self, t: &Table) -> Vec<SNode> {
        if t.rows.is_empty() {
            return vec![self.paragraph(&format!("{}: {}", t.caption, t.empty), false)];
        }
        let laid = self.lay_table(t);
        let (xs, head_size, body_size) = (&laid.xs, laid.plan.head_size, laid.plan.body_size);
        let aligns: Vec<Align> = t.columns.iter().map(|c| c.align).collect();
        let header_h = Self::row_height(&laid.head, head_size);
        self.ensure(BODY * LEADING + header_h + 30.0);
        let w = self.content_w();
        let caption = self.text_block(&t.caption, BODY, true, MARGIN, w);
        self.y += 2.0;

        let head_marks: Vec<Mark> = (0..laid.head.len())
            .map(|_| Mark::Leaf(self.leaf()))
            .collect();
        self.row(&laid.head, &aligns, xs, head_size, true, &head_marks);
        let head = SNode::Group(
            SKind::THead,
            vec![SNode::Group(
                SKind::Tr,
                head_marks
                    .iter()
                    .map(|m| {
                        let Mark::Leaf(l) = m else { unreachable!() };
                        SNode::Group(SKind::Th(TableHeaderScope::Column), vec![SNode::Leaf(*l)])
                    })
                    .collect(),
            )],
        );
        let mut body = Vec::new();
        for wrapped in &laid.rows {
            let h = Self::row_height(wrapped, body_size);
            if self.y + h > self.bottom() {
                self.new_page();
                // The header row again, as page furniture.
                let art = vec![Mark::Artifact; laid.head.len()];
                self.row(&laid.head, &aligns, xs, head_size, true, &art);
            }
            let marks: Vec<Mark> = (0..wrapped.len())
                .map(|_| Mark::Leaf(self.leaf()))
                .collect();
            self.row(wrapped, &aligns, xs, body_size, false, &marks);
            let tr = marks
                .iter()
                .enumerate()
                .map(|(n, m)| {
                    let Mark::Leaf(l) = m else { unreachable!() };
                    let kind = if n == 0 && t.row_headers {
                        SKind::Th(TableHeaderScope::Row)
                    } else {
                        SKind::Td
                    };
                    SNode::Group(kind, vec![SNode::Leaf(*l)])
                })
                .collect();
            body.push(SNode::Group(SKind::Tr, tr));
        }
        self.y += 4.0;
        let mut out = vec![SNode::Group(
            SKind::Table,
            vec![
                SNode::Group(SKind::Caption, vec![caption]),
                head,
                SNode::Group(SKind::TBody, body),
            ],
        )];
        if let Some(legend) = legend(self.lang, &laid.plan.legend) {
            let leaf = self.text_block(&legend, SMALL, false, MARGIN, w);
            out.push(SNode::Group(SKind::P, vec![leaf]));
        }
        self.y += 4.0;
        out
    }

    fn chart(&mut self, c: &Chart) -> SNode {
        let g = chart::layout(c);
        let title_h = BODY * LEADING + 4.0;
        self.ensure(g.height + title_h + 8.0);
        let leaf = self.leaf();
        let mark = Mark::Leaf(leaf);
        self.op(Op::Text {
            x: MARGIN,
            y: self.y + BODY,
            size: BODY,
            bold: true,
            text: c.title.clone(),
            mark,
        });
        self.y += title_h;
        let (ox, oy) = (MARGIN, self.y);
        for b in g.bars.iter().chain(&g.swatches) {
            self.op(Op::Rect {
                x: ox + b.x,
                y: oy + b.y,
                w: b.w,
                h: b.h,
                color: b.color,
                mark,
            });
        }
        for l in &g.labels {
            let x = if l.right {
                ox + l.x - self.fonts.width(&l.text, chart::FONT, false)
            } else {
                ox + l.x
            };
            self.op(Op::Text {
                x,
                y: oy + l.y,
                size: chart::FONT,
                bold: false,
                text: l.text.clone(),
                mark,
            });
        }
        self.y += g.height + 10.0;
        SNode::Group(SKind::Figure(c.alt.clone()), vec![SNode::Leaf(leaf)])
    }
}

fn lay_out<'f>(doc: &Doc, fonts: &'f Fonts) -> (Layout<'f>, Vec<SNode>) {
    let (page_w, page_h) = if doc.landscape {
        (841.89, 595.28)
    } else {
        (595.28, 841.89)
    };
    let mut l = Layout {
        fonts,
        lang: doc.lang,
        page_w,
        page_h,
        pages: Vec::new(),
        y: MARGIN,
        leaves: 0,
        outline: Vec::new(),
    };
    l.new_page();
    let mut root = vec![l.heading(1, &doc.title, H1)];
    let mut about = vec![l.heading(2, &doc.facts_heading, H2)];
    for (k, v) in &doc.facts {
        about.push(l.paragraph(&format!("{k}: {v}"), false));
    }
    root.push(SNode::Group(SKind::Section, about));
    for sec in &doc.sections {
        let mut kids = vec![l.heading(2, &sec.heading, H2)];
        for p in &sec.paragraphs {
            kids.push(l.paragraph(p, false));
        }
        if let Some(t) = &sec.table {
            kids.extend(l.table(t));
        }
        for c in &sec.charts {
            kids.push(l.chart(c));
        }
        root.push(SNode::Group(SKind::Section, kids));
    }
    (l, root)
}

/// A table cell as the PDF lays it out: the text it shows and the lines it is drawn in.
#[doc(hidden)]
#[derive(Debug)]
pub struct LaidCell {
    pub text: String,
    pub lines: Vec<String>,
}

/// Every table of `doc` as the PDF lays it out: its rows, the header row first, and the legend
/// of its abbreviations. For tests and checks of the layout.
#[doc(hidden)]
pub fn table_lines(doc: &Doc) -> Result<Vec<LaidTable>, ReportError> {
    let fonts = fonts()?;
    let (l, _) = lay_out(doc, fonts);
    let laid_row = |texts: &[String], lines: &[Vec<String>]| {
        texts
            .iter()
            .zip(lines)
            .map(|(text, lines)| LaidCell {
                text: text.clone(),
                lines: lines.clone(),
            })
            .collect::<Vec<_>>()
    };
    let tables = doc.sections.iter().filter_map(|s| s.table.as_ref());
    Ok(tables
        .filter(|t| !t.rows.is_empty())
        .map(|t| {
            let laid = l.lay_table(t);
            let mut rows = vec![laid_row(&laid.plan.headers, &laid.head)];
            for (texts, lines) in laid.plan.cells.iter().zip(&laid.rows) {
                rows.push(laid_row(texts, lines));
            }
            LaidTable {
                widths: laid.plan.widths.clone(),
                rows,
                legend: legend(doc.lang, &laid.plan.legend),
            }
        })
        .collect())
}

/// A table as the PDF lays it out ([`table_lines`]).
#[doc(hidden)]
#[derive(Debug)]
pub struct LaidTable {
    pub widths: Vec<f32>,
    pub rows: Vec<Vec<LaidCell>>,
    pub legend: Option<String>,
}

fn fill(c: (u8, u8, u8)) -> Fill {
    Fill {
        paint: rgb::Color::new(c.0, c.1, c.2).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

fn start(surface: &mut Surface, mark: Mark, text: bool) -> Option<Identifier> {
    match mark {
        Mark::Artifact => {
            surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
                ArtifactType::Layout,
            )));
            None
        }
        Mark::Leaf(_) if text => Some(surface.start_tagged(ContentTag::Span(SpanTag::empty()))),
        Mark::Leaf(_) => Some(surface.start_tagged(ContentTag::Other)),
    }
}

pub fn render(doc: &Doc) -> Result<Vec<u8>, ReportError> {
    let fonts = fonts()?;
    let (layout, structure) = lay_out(doc, fonts);
    let configuration = ConfigurationBuilder::new()
        .with_accessibility_validator(Accessibility::UA1)
        .with_version(PdfVersion::Pdf17)
        .finish()
        .map_err(|e| ReportError::Pdf(format!("{e:?}")))?;
    let settings = krilla::SerializeSettings {
        configuration,
        enable_tagging: true,
        ..Default::default()
    };
    let mut document = Document::new_with(settings);
    let mut ids: Vec<Vec<Identifier>> = vec![Vec::new(); layout.leaves];
    let n_pages = layout.pages.len();
    for (p, ops) in layout.pages.iter().enumerate() {
        let settings = PageSettings::from_wh(layout.page_w, layout.page_h)
            .ok_or_else(|| ReportError::Pdf("page size".into()))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for op in ops {
            draw_op(&mut surface, op, fonts, &mut ids);
        }
        draw_footer(
            &mut surface,
            doc,
            fonts,
            layout.page_w,
            layout.page_h,
            p,
            n_pages,
        );
        surface.finish();
        page.finish();
    }

    let lang = doc.lang.code().to_string();
    let mut tree = TagTree::new().with_lang(Some(lang.clone()));
    let mut ids = ids.into_iter().map(Some).collect::<Vec<_>>();
    let mut top = Vec::new();
    for node in structure {
        to_krilla(node, &mut ids, &mut top);
    }
    for n in top {
        tree.push(n);
    }
    document.set_tag_tree(tree);
    let mut outline = Outline::new();
    for (title, page, y) in &layout.outline {
        outline.push_child(OutlineNode::new(
            title.clone(),
            XyzDestination::new(*page, Point::from_xy(MARGIN, *y)),
        ));
    }
    document.set_outline(outline);
    document.set_metadata(
        Metadata::new()
            .title(doc.title.clone())
            .language(lang)
            .creator("Grunnmur".into()),
    );
    document
        .finish()
        .map_err(|e| ReportError::Pdf(format!("{e:?}")))
}

/// Draws one laid-out operation, recording the content identifiers of tagged leaves.
fn draw_op(surface: &mut Surface, op: &Op, fonts: &Fonts, ids: &mut [Vec<Identifier>]) {
    match op {
        Op::Text {
            x,
            y,
            size,
            bold,
            text,
            mark,
        } => {
            if text.is_empty() {
                return;
            }
            let id = start(surface, *mark, true);
            surface.set_fill(Some(fill((26, 26, 26))));
            let font = if *bold { &fonts.bold } else { &fonts.regular };
            surface.draw_text(
                Point::from_xy(*x, *y),
                font.clone(),
                *size,
                text,
                false,
                TextDirection::Auto,
            );
            surface.end_tagged();
            if let (Some(id), Mark::Leaf(l)) = (id, mark) {
                ids[*l].push(id);
            }
        }
        Op::Rect {
            x,
            y,
            w,
            h,
            color,
            mark,
        } => {
            let Some(rect) = Rect::from_xywh(*x, *y, w.max(0.01), h.max(0.01)) else {
                return;
            };
            let mut pb = PathBuilder::new();
            pb.push_rect(rect);
            let Some(path) = pb.finish() else { return };
            let id = start(surface, *mark, false);
            surface.set_stroke(None);
            surface.set_fill(Some(fill(*color)));
            surface.draw_path(&path);
            surface.end_tagged();
            if let (Some(id), Mark::Leaf(l)) = (id, mark) {
                ids[*l].push(id);
            }
        }
        Op::Line { x1, y1, x2, y2 } => {
            let mut pb = PathBuilder::new();
            pb.move_to(*x1, *y1);
            pb.line_to(*x2, *y2);
            let Some(path) = pb.finish() else { return };
            start(surface, Mark::Artifact, false);
            surface.set_fill(None);
            surface.set_stroke(Some(Stroke {
                paint: rgb::Color::new(148, 148, 148).into(),
                width: 0.5,
                ..Default::default()
            }));
            surface.draw_path(&path);
            surface.end_tagged();
            surface.set_stroke(None);
        }
    }
}

/// The page number, as pagination furniture.
fn draw_footer(
    surface: &mut Surface,
    doc: &Doc,
    fonts: &Fonts,
    page_w: f32,
    page_h: f32,
    page: usize,
    pages: usize,
) {
    let label = grunnmur_i18n::t(
        doc.lang,
        "report-page",
        &[
            ("page", &(page + 1).to_string()),
            ("pages", &pages.to_string()),
        ],
    );
    let footer = format!("{} — {label}", doc.title);
    let footer = fonts
        .wrap(&footer, SMALL, false, page_w - 2.0 * MARGIN)
        .into_iter()
        .next()
        .unwrap_or_default();
    surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
        ArtifactType::PaginationOther,
    )));
    surface.set_fill(Some(fill((80, 80, 80))));
    surface.draw_text(
        Point::from_xy(MARGIN, page_h - MARGIN + 6.0),
        fonts.regular.clone(),
        SMALL,
        &footer,
        false,
        TextDirection::Auto,
    );
    surface.end_tagged();
}

/// Appends a structure node to `out`: a group as one krilla group, a leaf as the identifiers
/// of the pieces it was drawn in (lines, pages), in reading order.
fn to_krilla(node: SNode, ids: &mut [Option<Vec<Identifier>>], out: &mut Vec<Node>) {
    match node {
        SNode::Leaf(l) => out.extend(
            ids[l]
                .take()
                .unwrap_or_default()
                .into_iter()
                .map(Node::from),
        ),
        SNode::Group(kind, kids) => {
            let tag: TagKind = match kind {
                SKind::H(level, title) => Tag::Hn(
                    NonZeroU16::new(level).unwrap_or(NonZeroU16::MIN),
                    Some(title),
                )
                .into(),
                SKind::P => Tag::P.into(),
                SKind::Section => Tag::Section.into(),
                SKind::Table => Tag::Table.into(),
                SKind::Caption => Tag::Caption.into(),
                SKind::THead => Tag::THead.into(),
                SKind::TBody => Tag::TBody.into(),
                SKind::Tr => Tag::TR.into(),
                SKind::Th(scope) => Tag::TH(scope).into(),
                SKind::Td => Tag::TD.into(),
                SKind::Figure(alt) => Tag::Figure(Some(alt)).into(),
            };
            let mut children = Vec::new();
            for k in kids {
                to_krilla(k, ids, &mut children);
            }
            // A group needs at least one child; an empty one would be dropped anyway.
            if !children.is_empty() {
                out.push(TagGroup::with_children(tag, children).into());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_wider_than_the_line_is_split_with_a_hyphen() {
        let f = fonts().unwrap();
        let max = f.width("abcd-", BODY, false) + 0.5;
        let lines = f.wrap("abcdabcdab", BODY, false, max);
        assert_eq!(lines, vec!["abcd-", "abcd-", "ab"]);
    }

    #[test]
    fn words_break_at_spaces_and_after_hyphens_only() {
        let f = fonts().unwrap();
        let max = f.width("Sak- og arkiv", SMALL, false) + 0.5;
        let lines = f.wrap("Sak- og arkivsystem s.sak", SMALL, false, max);
        assert_eq!(lines, vec!["Sak- og", "arkivsystem", "s.sak"]);
        let max = f.width("vurdering", SMALL, false) + 0.5;
        assert_eq!(
            f.wrap("Risiko-vurdering", SMALL, false, max),
            vec!["Risiko-", "vurdering"]
        );
    }
}
