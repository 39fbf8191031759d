//! Downloads of an [`app::types::exports::Document`]: an XLSX workbook laid out as the printed
//! administrative list, and a plain CSV of the table meant for re-import.

use app::types::exports::{Cell, Document};
use chrono::Datelike;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

/// The name of the XLSX file's only worksheet (at most 31 characters, none of `[]:*?/\`).
pub const SHEET_NAME: &str = "Danh sách";

/// The UTF-8 byte order mark that makes Excel read a CSV file as UTF-8.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Rows above the paragraphs: authority, issuer, title, subtitle, place and date.
const HEAD_ROWS: u32 = 5;

/// Excel's limits on a worksheet's size.
const MAX_ROWS: usize = 1_048_576;
const MAX_COLS: usize = 16_384;

/// Why a document could not be exported, or a CSV file not read back.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("could not write the spreadsheet: {0}")]
    Xlsx(String),
    #[error("could not write the Word document: {0}")]
    Docx(String),
    #[error("invalid CSV at line {line}: {message}")]
    Csv { line: usize, message: String },
}

impl From<XlsxError> for ExportError {
    fn from(error: XlsxError) -> Self {
        ExportError::Xlsx(error.to_string())
    }
}

/// The 0-based index of the XLSX header row: after the five heading rows, one row per
/// paragraph and one empty row.
pub fn header_row(doc: &Document) -> u32 {
    let paragraphs = u32::try_from(doc.paragraphs.len()).unwrap_or(u32::MAX);
    HEAD_ROWS.saturating_add(paragraphs).saturating_add(1)
}

/// The cell formats of the workbook.
struct Formats {
    bold: Format,
    title: Format,
    subtitle: Format,
    place_date: Format,
    paragraph: Format,
    header: Format,
    text: Format,
    int: Format,
    points: Format,
    date: Format,
    blank: Format,
    no_data: Format,
    signer: Format,
    sign_hint: Format,
}

impl Formats {
    fn new() -> Self {
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter);
        Formats {
            bold: Format::new().set_bold(),
            title: Format::new()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            subtitle: Format::new().set_align(FormatAlign::Center),
            place_date: Format::new().set_italic().set_align(FormatAlign::Right),
            paragraph: Format::new()
                .set_text_wrap()
                .set_align(FormatAlign::Left)
                .set_align(FormatAlign::Top),
            header: cell
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(0xD9D9D9)),
            text: cell.clone().set_text_wrap(),
            int: cell.clone().set_num_format("#,##0"),
            points: cell.clone().set_num_format("0.00"),
            date: cell
                .clone()
                .set_num_format("dd/mm/yyyy")
                .set_align(FormatAlign::Center),
            blank: cell.clone(),
            no_data: cell.set_italic().set_align(FormatAlign::Center),
            signer: Format::new().set_bold().set_align(FormatAlign::Center),
            sign_hint: Format::new().set_italic().set_align(FormatAlign::Center),
        }
    }
}

/// Writes the document as an XLSX workbook with one worksheet, [`SHEET_NAME`].
pub fn to_xlsx(doc: &Document) -> Result<Vec<u8>, ExportError> {
    let width = doc.columns.len().max(1);
    if width > MAX_COLS {
        return Err(ExportError::Xlsx(format!("too many columns: {width}")));
    }
    let row_count = doc.rows.len().max(1);
    let header = header_row(doc);
    if header as usize + row_count + 4 > MAX_ROWS {
        return Err(ExportError::Xlsx(format!("too many rows: {row_count}")));
    }
    // Both fit: checked against Excel's limits above.
    let last_col = (width - 1) as u16;

    let formats = Formats::new();
    let mut workbook = Workbook::new();
    workbook.set_properties(&DocProperties::new().set_title(&doc.title));
    let sheet = workbook.add_worksheet();
    sheet.set_name(SHEET_NAME)?;

    sheet.write_string_with_format(0, 0, &doc.authority, &formats.bold)?;
    sheet.write_string_with_format(1, 0, &doc.issuer, &formats.bold)?;
    write_across(sheet, 2, 0, last_col, &doc.title, &formats.title)?;
    sheet.set_row_height(2, 21)?;
    write_across(sheet, 3, 0, last_col, &doc.subtitle, &formats.subtitle)?;
    write_across(sheet, 4, 0, last_col, &doc.place_date, &formats.place_date)?;

    let total_width: usize = doc.columns.iter().map(|c| usize::from(c.width)).sum();
    for (row, paragraph) in (HEAD_ROWS..).zip(&doc.paragraphs) {
        let text = format!("{}: {}", paragraph.label, paragraph.text);
        write_across(sheet, row, 0, last_col, &text, &formats.paragraph)?;
        // Excel does not fit a merged row's height to wrapped text: estimate it.
        let lines = text.chars().count().div_ceil(total_width.max(1)).max(1);
        sheet.set_row_height(row, 15.0 * lines as f64)?;
    }

    for (col, column) in (0u16..).zip(&doc.columns) {
        sheet.set_column_width(col, column.width)?;
        sheet.write_string_with_format(header, col, &column.header, &formats.header)?;
    }
    sheet.set_freeze_panes(header + 1, 0)?;

    let first_data_row = header + 1;
    if doc.rows.is_empty() {
        write_across(
            sheet,
            first_data_row,
            0,
            last_col,
            &doc.no_data,
            &formats.no_data,
        )?;
    }
    for (row, cells) in (first_data_row..).zip(&doc.rows) {
        for (col, cell) in (0u16..).zip(cells) {
            write_cell(sheet, row, col, cell, &formats)?;
        }
        // Keep the grid whole when a row is short.
        for col in cells.len()..width {
            sheet.write_blank(row, col as u16, &formats.blank)?;
        }
    }

    // The signature block sits on the right half of the table, below an empty row.
    let signer_row = first_data_row + row_count as u32 + 1;
    let sign_first_col = last_col.div_ceil(2);
    write_across(
        sheet,
        signer_row,
        sign_first_col,
        last_col,
        &doc.signer,
        &formats.signer,
    )?;
    write_across(
        sheet,
        signer_row + 1,
        sign_first_col,
        last_col,
        &doc.sign_hint,
        &formats.sign_hint,
    )?;

    Ok(workbook.save_to_buffer()?)
}

/// Writes `text` across columns `first..=last` of `row`, merged when that is more than one cell.
fn write_across(
    sheet: &mut Worksheet,
    row: u32,
    first: u16,
    last: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if first == last {
        sheet.write_string_with_format(row, first, text, format)?;
    } else {
        sheet.merge_range(row, first, row, last, text, format)?;
    }
    Ok(())
}

/// Writes one table cell with its type kept: text, number, points or date.
fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    formats: &Formats,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Text(text) => sheet.write_string_with_format(row, col, text, &formats.text)?,
        Cell::Int(n) => sheet.write_number_with_format(row, col, *n as f64, &formats.int)?,
        Cell::Points(milli) => {
            sheet.write_number_with_format(row, col, *milli as f64 / 1000.0, &formats.points)?
        }
        Cell::Date(date) => match excel_date(*date) {
            Some(date) => sheet.write_datetime_with_format(row, col, date, &formats.date)?,
            // Outside Excel's calendar (before 1900): keep it readable as text.
            None => sheet.write_string_with_format(row, col, cell.display(), &formats.text)?,
        },
        Cell::Empty => sheet.write_blank(row, col, &formats.blank)?,
    };
    Ok(())
}

/// The date as Excel stores it, if Excel's calendar (1900–9999) has it.
fn excel_date(date: chrono::NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(date.year()).ok()?;
    // Month and day always fit in a u8.
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8).ok()
}

/// A text typed by a user that a spreadsheet would run as a formula (`=…`, `+…`, `-…`,
/// `@…`) is written with a leading apostrophe, as Excel itself marks text; numbers, dates
/// and points are never text, so they are never changed.
fn csv_text(cell: &Cell) -> String {
    let shown = cell.display();
    match cell {
        Cell::Text(t) if t.starts_with(['=', '+', '-', '@', '\t', '\r']) => format!("'{shown}"),
        _ => shown,
    }
}

/// Writes the table as CSV: UTF-8 with a byte order mark, commas, CRLF line ends and
/// RFC 4180 quoting; the header line, then each row's displayed values (Vietnamese format).
/// Text that would start a formula is defused (see [`csv_text`]).
pub fn to_csv(doc: &Document) -> Vec<u8> {
    let mut out = String::new();
    write_csv_line(&mut out, doc.columns.iter().map(|c| c.header.as_str()));
    if doc.rows.is_empty() {
        let blanks = doc.columns.len().saturating_sub(1);
        write_csv_line(
            &mut out,
            std::iter::once(doc.no_data.as_str()).chain(std::iter::repeat_n("", blanks)),
        );
    }
    for row in &doc.rows {
        let values: Vec<String> = row.iter().map(csv_text).collect();
        write_csv_line(&mut out, values.iter().map(String::as_str));
    }
    let mut bytes = Vec::with_capacity(UTF8_BOM.len() + out.len());
    bytes.extend_from_slice(UTF8_BOM);
    bytes.extend_from_slice(out.as_bytes());
    bytes
}

/// Appends one CSV record and its CRLF.
fn write_csv_line<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
}

/// Reads CSV as [`to_csv`] writes it: an optional byte order mark, commas, RFC 4180
/// quoting, CRLF or LF line ends. A final line end does not start an empty record.
pub fn parse_csv(bytes: &[u8]) -> Result<Vec<Vec<String>>, ExportError> {
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteEnd,
    }

    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| ExportError::Csv {
        line: 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count(),
        message: "not UTF-8".into(),
    })?;
    let error = |line: usize, message: &str| ExportError::Csv {
        line,
        message: message.into(),
    };

    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut state = State::FieldStart;
    let mut line = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (&state, c) {
            (State::Quoted, '"') => state = State::QuoteEnd,
            (State::Quoted, c) => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
            (State::QuoteEnd, '"') => {
                field.push('"');
                state = State::Quoted;
            }
            (State::FieldStart, '"') => state = State::Quoted,
            (State::Unquoted, '"') => return Err(error(line, "quote inside an unquoted field")),
            (_, ',') => {
                record.push(std::mem::take(&mut field));
                state = State::FieldStart;
            }
            (_, '\r' | '\n') => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                state = State::FieldStart;
                line += 1;
            }
            (State::QuoteEnd, _) => return Err(error(line, "text after a closing quote")),
            (_, c) => {
                field.push(c);
                state = State::Unquoted;
            }
        }
    }
    match state {
        State::Quoted => return Err(error(line, "unterminated quoted field")),
        State::FieldStart if record.is_empty() && field.is_empty() => {}
        _ => {
            record.push(field);
            records.push(record);
        }
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_defuses_text_that_would_run_as_a_formula() {
        let mut doc = sample_for_formulas();
        doc.rows = vec![vec![
            Cell::Text("=HYPERLINK(\"http://x\")".into()),
            Cell::Text("-bad".into()),
            Cell::Int(-5),
        ]];
        let rows = parse_csv(&to_csv(&doc)).unwrap();
        assert_eq!(rows[1], vec!["'=HYPERLINK(\"http://x\")", "'-bad", "-5"]);
    }

    fn sample_for_formulas() -> Document {
        Document {
            file_name: "x".into(),
            authority: String::new(),
            issuer: String::new(),
            title: "T".into(),
            subtitle: String::new(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            place_date: String::new(),
            paragraphs: Vec::new(),
            columns: ["a", "b", "c"]
                .into_iter()
                .map(|h| app::types::exports::Column {
                    header: h.into(),
                    width: 10,
                })
                .collect(),
            rows: Vec::new(),
            no_data: "Không có dữ liệu".into(),
            signer: String::new(),
            sign_hint: String::new(),
        }
    }
    use app::types::exports::{Column, Paragraph};
    use calamine::{open_workbook_from_rs, Data, DataType, Reader, Xlsx};
    use chrono::NaiveDate;
    use std::io::Cursor;

    const REVIEW: &str = "Đánh giá: đạt xuất sắc, có \"ngoặc kép\", dấu phẩy\nvà xuống dòng";

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    }

    fn document() -> Document {
        let column = |header: &str, width| Column {
            header: header.into(),
            width,
        };
        Document {
            file_name: "danh-sach-thanh-pho-2026".into(),
            authority: "UBND THÀNH PHỐ".into(),
            issuer: "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN".into(),
            title: "DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN".into(),
            subtitle: "Năm 2026".into(),
            date: date(),
            place_date: "Thành phố, ngày 30 tháng 11 năm 2026".into(),
            paragraphs: vec![Paragraph {
                label: "Nhận xét chung".into(),
                text: "Các đơn vị hoàn thành tốt nhiệm vụ.".into(),
            }],
            columns: vec![
                column("STT", 6),
                column("Đơn vị", 36),
                column("Họ và tên", 24),
                column("Nhận xét", 40),
                column("Số lượng", 10),
                column("Điểm", 8),
                column("Ngày", 12),
                column("Ghi chú", 12),
            ],
            rows: vec![
                vec![
                    Cell::Int(1),
                    Cell::Text("Hợp tác xã Nông nghiệp Tiến Thắng".into()),
                    Cell::Text("Nguyễn Thị Hằng".into()),
                    Cell::Text(REVIEW.into()),
                    Cell::Int(1234),
                    Cell::Points(7250),
                    Cell::Date(date()),
                    Cell::Empty,
                ],
                vec![Cell::Int(2), Cell::Text("Trường Tiểu học Hòa Bình".into())],
            ],
            no_data: "Không có dữ liệu".into(),
            signer: "THỦ TRƯỞNG ĐƠN VỊ".into(),
            sign_hint: "(Ký, ghi rõ họ tên và đóng dấu)".into(),
        }
    }

    fn headers(doc: &Document) -> Vec<String> {
        doc.columns.iter().map(|c| c.header.clone()).collect()
    }

    fn open(bytes: Vec<u8>) -> (Xlsx<Cursor<Vec<u8>>>, calamine::Range<Data>) {
        let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
        assert_eq!(workbook.sheet_names(), vec![SHEET_NAME.to_string()]);
        let range = workbook.worksheet_range(SHEET_NAME).unwrap();
        (workbook, range)
    }

    fn value(range: &calamine::Range<Data>, row: u32, col: u32) -> Data {
        range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
    }

    fn text(range: &calamine::Range<Data>, row: u32, col: u32) -> String {
        match value(range, row, col) {
            Data::String(s) => s,
            other => panic!("({row}, {col}) is not text: {other:?}"),
        }
    }

    /// A numeric cell's value (not text that looks like a number).
    fn number(range: &calamine::Range<Data>, row: u32, col: u32) -> f64 {
        match value(range, row, col) {
            Data::Float(f) => f,
            Data::Int(n) => n as f64,
            other => panic!("({row}, {col}) is not a number: {other:?}"),
        }
    }

    #[test]
    fn xlsx_keeps_layout_text_numbers_and_dates() {
        let doc = document();
        let (mut workbook, range) = open(to_xlsx(&doc).unwrap());
        let header = header_row(&doc);
        assert_eq!(header, 7);

        assert_eq!(text(&range, 0, 0), doc.authority);
        assert_eq!(text(&range, 1, 0), doc.issuer);
        assert_eq!(text(&range, 2, 0), doc.title);
        assert_eq!(text(&range, 3, 0), doc.subtitle);
        assert_eq!(text(&range, 4, 0), doc.place_date);
        assert_eq!(
            text(&range, 5, 0),
            "Nhận xét chung: Các đơn vị hoàn thành tốt nhiệm vụ."
        );
        assert_eq!(value(&range, 6, 0), Data::Empty);

        let header_cells: Vec<String> = (0..8).map(|c| text(&range, header, c)).collect();
        assert_eq!(header_cells, headers(&doc));

        let first = header + 1;
        assert_eq!(number(&range, first, 0), 1.0);
        assert_eq!(text(&range, first, 1), "Hợp tác xã Nông nghiệp Tiến Thắng");
        assert_eq!(text(&range, first, 2), "Nguyễn Thị Hằng");
        assert_eq!(text(&range, first, 3), REVIEW);
        assert_eq!(number(&range, first, 4), 1234.0);
        assert_eq!(number(&range, first, 5), 7.25);
        let date_cell = value(&range, first, 6);
        assert!(
            matches!(date_cell, Data::DateTime(_)),
            "not a date: {date_cell:?}"
        );
        assert_eq!(date_cell.as_date(), Some(date()));
        assert_eq!(value(&range, first, 7), Data::Empty);
        assert_eq!(text(&range, first + 1, 1), "Trường Tiểu học Hòa Bình");

        // An empty row, then the signature block on the right half.
        let signer = first + 3;
        assert_eq!(value(&range, signer - 1, 4), Data::Empty);
        assert_eq!(text(&range, signer, 4), doc.signer);
        assert_eq!(text(&range, signer + 1, 4), doc.sign_hint);

        let merged = workbook.merge_cells_by_sheet_name(SHEET_NAME).unwrap();
        let spans: Vec<_> = merged.iter().map(|d| (d.start, d.end)).collect();
        for row in 2..=5 {
            assert!(
                spans.contains(&((row, 0), (row, 7))),
                "row {row}: {spans:?}"
            );
        }
        assert!(spans.contains(&((signer, 4), (signer, 7))), "{spans:?}");

        let properties = workbook.workbook_properties().unwrap();
        assert_eq!(properties.title.as_deref(), Some(doc.title.as_str()));
    }

    #[test]
    fn xlsx_without_rows_shows_no_data() {
        let doc = Document {
            rows: vec![],
            paragraphs: vec![],
            ..document()
        };
        let (mut workbook, range) = open(to_xlsx(&doc).unwrap());
        let header = header_row(&doc);
        assert_eq!(header, 6);
        assert_eq!(text(&range, header, 1), "Đơn vị");
        assert_eq!(text(&range, header + 1, 0), "Không có dữ liệu");
        let merged = workbook.merge_cells_by_sheet_name(SHEET_NAME).unwrap();
        assert!(merged
            .iter()
            .any(|d| d.start == (header + 1, 0) && d.end == (header + 1, 7)));
        assert_eq!(text(&range, header + 3, 4), doc.signer);
    }

    #[test]
    fn xlsx_with_one_column_does_not_merge() {
        let doc = Document {
            columns: vec![Column {
                header: "Họ và tên".into(),
                width: 30,
            }],
            rows: vec![],
            ..document()
        };
        let (_, range) = open(to_xlsx(&doc).unwrap());
        let header = header_row(&doc);
        assert_eq!(text(&range, 2, 0), doc.title);
        assert_eq!(text(&range, header + 1, 0), doc.no_data);
        assert_eq!(text(&range, header + 3, 0), doc.signer);
    }

    #[test]
    fn csv_round_trips_displayed_values() {
        let doc = document();
        let bytes = to_csv(&doc);
        assert!(bytes.starts_with(UTF8_BOM));
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        assert!(text.starts_with("STT,Đơn vị,Họ và tên,"), "{text}");
        assert!(text.ends_with("\r\n"));
        assert!(text.contains(",\"7,25\",30/11/2026,\r\n"), "{text}");
        assert!(text
            .contains("\"Đánh giá: đạt xuất sắc, có \"\"ngoặc kép\"\", dấu phẩy\nvà xuống dòng\""));

        let expected = vec![
            headers(&doc),
            [
                "1",
                "Hợp tác xã Nông nghiệp Tiến Thắng",
                "Nguyễn Thị Hằng",
                REVIEW,
                "1.234",
                "7,25",
                "30/11/2026",
                "",
            ]
            .map(String::from)
            .to_vec(),
            vec!["2".into(), "Trường Tiểu học Hòa Bình".into()],
        ];
        assert_eq!(parse_csv(&bytes).unwrap(), expected);
    }

    #[test]
    fn csv_without_rows_has_the_no_data_line() {
        let doc = Document {
            rows: vec![],
            ..document()
        };
        let bytes = to_csv(&doc);
        let records = parse_csv(&bytes).unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[0], headers(&doc));
        let mut no_data = vec![String::new(); 8];
        no_data[0] = "Không có dữ liệu".into();
        assert_eq!(records[1], no_data);
    }

    #[test]
    fn parse_csv_accepts_lf_and_rejects_broken_quotes() {
        assert_eq!(
            parse_csv(b"a,\"b\"\"c\"\n,\n").unwrap(),
            vec![vec!["a", "b\"c"], vec!["", ""]]
        );
        assert!(parse_csv(b"").unwrap().is_empty());
        assert!(matches!(
            parse_csv(b"a\r\n\"open"),
            Err(ExportError::Csv { line: 2, .. })
        ));
        assert!(parse_csv(b"\"a\"b").is_err());
        assert!(parse_csv(b"a\"b").is_err());
        assert!(parse_csv(b"\xFF").is_err());
    }
}
