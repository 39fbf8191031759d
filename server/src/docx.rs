//! A [`Document`] as DOCX, the format the offices edit and sign, laid out as Vietnamese
//! administrative documents are (Nghị định 30/2020/NĐ-CP): A4, Times New Roman 13–14 pt, the
//! issuing body and its number on the left, the national motto and the place and date on the
//! right, then the title, the body (paragraphs and the table), and the signature block.

use app::types::exports::{Cell, Document};
use docx_rs::{
    AlignmentType, Docx, PageMargin, Paragraph, Run, RunFonts, Table, TableCell, TableRow,
    WidthType,
};
use shared::i18n::{t, Lang, Msg};

/// A4 in twentieths of a point (portrait).
const PAGE: (u32, u32) = (11_906, 16_838);
/// Margins (top 20 mm, bottom 20 mm, left 30 mm, right 15 mm).
const MARGIN: (i32, i32, i32, i32) = (1_134, 1_134, 1_701, 850);
/// A table of more columns than this is laid out on a landscape page.
const PORTRAIT_COLUMNS: usize = 6;
/// The narrowest a column gets, and what a character of its heading needs.
const MIN_COLUMN: usize = 700;
const HEADING_CHAR: usize = 125;
/// Font sizes in half-points.
const BODY: usize = 26;
const SMALL: usize = 24;
const TITLE: usize = 28;

fn font() -> RunFonts {
    let name = "Times New Roman";
    RunFonts::new()
        .ascii(name)
        .hi_ansi(name)
        .cs(name)
        .east_asia(name)
}

/// A run of text; each line break in `text` is a line break in the document.
fn run(text: &str, size: usize) -> Run {
    let mut r = Run::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            r = r.add_break(docx_rs::BreakType::TextWrapping);
        }
        r = r.add_text(line);
    }
    r.size(size).fonts(font())
}

fn centred(r: Run) -> Paragraph {
    Paragraph::new().align(AlignmentType::Center).add_run(r)
}

/// The document as a DOCX file, with the motto in `lang`.
pub fn to_docx(doc: &Document, lang: Lang) -> Result<Vec<u8>, crate::export::ExportError> {
    let landscape = doc.columns.len() > PORTRAIT_COLUMNS;
    let (page_w, page_h) = if landscape { (PAGE.1, PAGE.0) } else { PAGE };
    let text_width = page_w as usize - (MARGIN.2 + MARGIN.3) as usize;
    let left = text_width * 36 / 100;
    let right = text_width - left;
    let issuer = TableCell::new()
        .width(left, WidthType::Dxa)
        .add_paragraph(centred(run(&doc.authority, SMALL)))
        .add_paragraph(centred(run(&doc.issuer, SMALL).bold()))
        .add_paragraph(centred(run("Số: ……/……", BODY)));
    let motto = TableCell::new()
        .width(right, WidthType::Dxa)
        .add_paragraph(centred(run(t(lang, Msg::MinutesMotto), SMALL).bold()))
        .add_paragraph(centred(
            run(t(lang, Msg::MinutesMotto2), BODY)
                .bold()
                .underline("single"),
        ))
        .add_paragraph(centred(run(&doc.place_date, BODY).italic()));
    let head = Table::without_borders(vec![TableRow::new(vec![issuer, motto])])
        .set_grid(vec![left, right])
        .width(text_width, WidthType::Dxa);

    let mut docx = Docx::new()
        .page_size(page_w, page_h)
        .page_margin(
            PageMargin::new()
                .top(MARGIN.0)
                .bottom(MARGIN.1)
                .left(MARGIN.2)
                .right(MARGIN.3),
        )
        .default_fonts(font())
        .default_size(BODY)
        .add_table(head)
        .add_paragraph(Paragraph::new())
        .add_paragraph(centred(run(&doc.title, TITLE).bold()))
        .add_paragraph(centred(run(&doc.subtitle, BODY).italic()))
        .add_paragraph(Paragraph::new());
    for p in &doc.paragraphs {
        docx = docx.add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Both)
                .add_run(run(&format!("{}: ", p.label), BODY).bold())
                .add_run(run(&p.text, BODY)),
        );
    }
    if !doc.paragraphs.is_empty() {
        docx = docx.add_paragraph(Paragraph::new());
    }
    if landscape {
        docx = docx.page_orient(docx_rs::PageOrientationType::Landscape);
    }
    docx = docx.add_table(table(doc, text_width));
    let signature = TableCell::new()
        .width(right, WidthType::Dxa)
        .add_paragraph(centred(run(&doc.signer, BODY).bold()))
        .add_paragraph(centred(run(&doc.sign_hint, BODY).italic()));
    let sign = Table::without_borders(vec![TableRow::new(vec![
        TableCell::new()
            .width(left, WidthType::Dxa)
            .add_paragraph(Paragraph::new()),
        signature,
    ])])
    .set_grid(vec![left, right])
    .width(text_width, WidthType::Dxa);
    docx = docx.add_paragraph(Paragraph::new()).add_table(sign);
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut out)
        .map_err(|e| crate::export::ExportError::Docx(e.to_string()))?;
    Ok(out.into_inner())
}

/// The width of each column in `text_width`: what its heading's longest word needs (never
/// a word broken in two), the rest shared in proportion to the spreadsheet's widths.
pub fn column_widths(doc: &Document, text_width: usize) -> Vec<usize> {
    let need: Vec<usize> = doc
        .columns
        .iter()
        .map(|c| {
            let longest = c.header.split_whitespace().map(|w| w.chars().count()).max();
            (longest.unwrap_or(0) * HEADING_CHAR).max(MIN_COLUMN)
        })
        .collect();
    let floor: usize = need.iter().sum();
    let spare = text_width.saturating_sub(floor);
    let total: usize = doc
        .columns
        .iter()
        .map(|c| usize::from(c.width.max(1)))
        .sum();
    doc.columns
        .iter()
        .zip(need)
        .map(|(c, n)| n + spare * usize::from(c.width.max(1)) / total.max(1))
        .collect()
}

/// The table, its columns as [`column_widths`] gives them; the "no data" row when it has
/// none.
fn table(doc: &Document, text_width: usize) -> Table {
    let widths = column_widths(doc, text_width);
    let cell = |text: &str, width: usize, bold: bool| {
        let r = run(text, SMALL);
        TableCell::new()
            .width(width, WidthType::Dxa)
            .add_paragraph(Paragraph::new().add_run(if bold { r.bold() } else { r }))
    };
    let header = TableRow::new(
        doc.columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| cell(&c.header, *w, true))
            .collect(),
    );
    let mut rows = vec![header];
    if doc.rows.is_empty() {
        rows.push(TableRow::new(vec![
            cell(&doc.no_data, text_width, false).grid_span(doc.columns.len().max(1))
        ]));
    }
    for r in &doc.rows {
        rows.push(TableRow::new(
            r.iter()
                .zip(&widths)
                .map(|(c, w)| cell(&display(c), *w, false))
                .collect(),
        ));
    }
    Table::new(rows)
        .set_grid(widths)
        .width(text_width, WidthType::Dxa)
}

fn display(cell: &Cell) -> String {
    cell.display()
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::types::exports::{Column, Paragraph as DocParagraph};
    use chrono::NaiveDate;

    fn document(rows: Vec<Vec<Cell>>) -> Document {
        Document {
            file_name: "danh-sach".into(),
            authority: "UBND THÀNH PHỐ HỒ CHÍ MINH".into(),
            issuer: "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN".into(),
            title: "DANH SÁCH ĐIỂN HÌNH TIÊN TIẾN".into(),
            subtitle: "Năm 2026".into(),
            date: NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
            place_date: "Thành phố Hồ Chí Minh, ngày 29 tháng 11 năm 2026".into(),
            paragraphs: vec![DocParagraph {
                label: "Đánh giá chung".into(),
                text: "Hoàn thành tốt".into(),
            }],
            columns: vec![
                Column {
                    header: "STT".into(),
                    width: 5,
                },
                Column {
                    header: "Tên tập thể, cá nhân".into(),
                    width: 40,
                },
                Column {
                    header: "Điểm".into(),
                    width: 8,
                },
            ],
            rows,
            no_data: "Không có dữ liệu".into(),
            signer: "GIÁM ĐỐC".into(),
            sign_hint: "(Ký, ghi rõ họ tên, đóng dấu)".into(),
        }
    }

    /// Every text of the file, read back by the crate's own reader.
    fn texts(bytes: &[u8]) -> String {
        let docx = docx_rs::read_docx(bytes).expect("a readable DOCX");
        docx.json()
    }

    #[test]
    fn the_docx_reads_back_with_the_layout_s_texts() {
        let bytes = to_docx(
            &document(vec![vec![
                Cell::Int(1),
                Cell::Text("Hợp tác xã Phước An".into()),
                Cell::Points(8250),
            ]]),
            Lang::Vi,
        )
        .unwrap();
        assert_eq!(&bytes[..2], b"PK", "a zip package");
        let text = texts(&bytes);
        for expected in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN",
            "Số: ……/……",
            "ngày 29 tháng 11 năm 2026",
            "DANH SÁCH ĐIỂN HÌNH TIÊN TIẾN",
            "Đánh giá chung",
            "Hợp tác xã Phước An",
            "8,25",
            "GIÁM ĐỐC",
        ] {
            assert!(text.contains(expected), "{expected}");
        }
    }

    #[test]
    fn columns_fit_their_headings_and_the_page() {
        let doc = document(Vec::new());
        let widths = column_widths(&doc, 9_000);
        assert!(widths.iter().sum::<usize>() <= 9_000);
        assert!(widths[0] >= MIN_COLUMN, "STT keeps its room");
        assert!(widths[1] > widths[2], "the name's column is the widest");
    }

    #[test]
    fn an_empty_list_says_so() {
        let bytes = to_docx(&document(Vec::new()), Lang::En).unwrap();
        let text = texts(&bytes);
        assert!(text.contains("Không có dữ liệu"));
        assert!(text.contains("SOCIALIST REPUBLIC OF VIET NAM"));
    }
}
