//! `smsup members import|export`: organisations' member lists as CSV.

use std::io::Read;

use crate::store::ImportRow;

/// A CSV row that was skipped, with its line number (the header is line 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// Line in the file.
    pub line: u64,
    /// Why it was skipped.
    pub reason: String,
}

/// Errors that stop an import before anything changes.
#[derive(Debug, thiserror::Error)]
pub enum CsvError {
    /// The file is not CSV or has no `phone` column.
    #[error("{0}")]
    Format(String),
}

/// The separator of a CSV file, told from its header line: `,` unless the header has a `;` (as
/// spreadsheets write in countries where the comma is the decimal mark) or a tab and no comma.
pub fn sniff_delimiter(header: &str) -> u8 {
    let first = header.lines().next().unwrap_or("");
    if first.contains(',') {
        b','
    } else if first.contains(';') {
        b';'
    } else if first.contains('\t') {
        b'\t'
    } else {
        b','
    }
}

/// A cell as exported, safe to open in a spreadsheet: a cell that starts with `=`, `+`, `-`, `@`, a
/// tab or a carriage return would be run as a formula, so it gets a leading `'` (OWASP's advice).
pub fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// Undo [`spreadsheet_safe`] on a cell read back (an exported file imported again).
fn unescape_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

/// Read an import CSV: a header with `phone`, optional `alias` and `language`, separated by `,`, `;` or
/// tabs (told from the header). Valid rows are returned; invalid ones are reported by line and skipped.
/// An alias follows the rules of `NAME` (1–20 characters, no invisible characters, not a label, a
/// number or the service's name).
pub fn read_import(
    mut input: impl Read,
    region: &str,
) -> Result<(Vec<ImportRow>, Vec<RowError>), CsvError> {
    let mut text = Vec::new();
    input
        .read_to_end(&mut text)
        .map_err(|e| CsvError::Format(format!("cannot read the file: {e}")))?;
    let head = String::from_utf8_lossy(&text[..text.len().min(4096)]).into_owned();
    let delimiter = sniff_delimiter(&head);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .delimiter(delimiter)
        .trim(csv::Trim::All)
        .from_reader(text.as_slice());
    let headers = reader
        .headers()
        .map_err(|e| CsvError::Format(format!("cannot read the header: {e}")))?
        .clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}').eq_ignore_ascii_case(name))
    };
    let phone_col = col("phone").ok_or_else(|| {
        CsvError::Format(format!(
            "the header has no `phone` column (expected: phone,alias,language; found: {})",
            crate::engine::echo(&headers.iter().collect::<Vec<_>>().join(","))
        ))
    })?;
    let alias_col = col("alias");
    let lang_col = col("language");
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                errors.push(RowError {
                    line,
                    reason: format!("unreadable: {e}"),
                });
                continue;
            }
        };
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let raw = unescape_cell(record.get(phone_col).unwrap_or(""));
        let phone = match crate::phone::Phone::parse(raw, region) {
            Ok(p) => p,
            Err(e) => {
                errors.push(RowError {
                    line,
                    reason: format!("phone: {e}"),
                });
                continue;
            }
        };
        let alias = alias_col
            .and_then(|c| record.get(c))
            .map(|a| crate::engine::clean_alias(unescape_cell(a)))
            .filter(|a| !a.is_empty());
        if let Some(a) = &alias {
            if let Some(problem) = crate::engine::alias_problem(a) {
                let reason = match problem {
                    "length" => "alias: longer than 20 characters",
                    "invisible" => "alias: has invisible or direction characters",
                    "marks" => "alias: has stacked marks",
                    "label" => "alias: has a #, which labels use",
                    "number" => "alias: looks like a phone number",
                    "punctuation" => "alias: only letters, digits, spaces and . - ' are allowed",
                    "scripts" => "alias: mixes scripts (a letter of another alphabet among these)",
                    _ => "alias: looks like the service's name",
                };
                errors.push(RowError {
                    line,
                    reason: reason.into(),
                });
                continue;
            }
        }
        let language = match lang_col.and_then(|c| record.get(c)).map(str::trim) {
            None | Some("") => None,
            Some(code) => match smsup_lang::Lang::from_code(code) {
                Some(l) => Some(l),
                None => {
                    errors.push(RowError {
                        line,
                        reason: format!("language: unknown code `{code}`"),
                    });
                    continue;
                }
            },
        };
        if !seen.insert(phone.e164().to_string()) {
            errors.push(RowError {
                line,
                reason: "phone: duplicate of an earlier row".into(),
            });
            continue;
        }
        rows.push(ImportRow {
            phone,
            alias,
            language,
        });
    }
    Ok((rows, errors))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_rows_are_kept_invalid_reported_by_line() {
        let csv = "phone,alias,language\n012-345 6789,Amina,fa\nnot a number,Bob,\n+60123456780,,xx\n+60123456781,,\n0123456789,dup,\n";
        let (rows, errors) = read_import(csv.as_bytes(), "MY").unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].phone.e164(), "+60123456789");
        assert_eq!(rows[0].alias.as_deref(), Some("Amina"));
        assert_eq!(rows[0].language, Some(smsup_lang::Lang::Fa));
        assert_eq!(rows[1].phone.e164(), "+60123456781");
        let lines: Vec<u64> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![3, 4, 6]);
    }

    #[test]
    fn semicolons_and_tabs_are_read_and_formula_escapes_undone() {
        let csv = "phone;alias;language\n'+60123456789;Amina;fa\n";
        let (rows, errors) = read_import(csv.as_bytes(), "MY").unwrap();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(rows[0].phone.e164(), "+60123456789");
        assert_eq!(rows[0].alias.as_deref(), Some("Amina"));
        let csv = "phone\talias\n0123456789\tBob\n";
        let (rows, _) = read_import(csv.as_bytes(), "MY").unwrap();
        assert_eq!(rows[0].alias.as_deref(), Some("Bob"));
    }

    #[test]
    fn aliases_follow_the_rules_of_name() {
        let csv = "phone,alias\n0123456781,#1\n0123456782,SMS Up\n0123456783,A\u{202E}mina\n0123456784,012345678\n0123456785,Amina\n";
        let (rows, errors) = read_import(csv.as_bytes(), "MY").unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(
            errors.iter().map(|e| e.line).collect::<Vec<_>>(),
            vec![2, 3, 4, 5]
        );
    }

    #[test]
    fn exported_cells_cannot_be_formulas() {
        for bad in ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(spreadsheet_safe(bad).starts_with('\''), "{bad}");
            assert_eq!(unescape_cell(&spreadsheet_safe(bad)), bad);
        }
        assert_eq!(spreadsheet_safe("Amina"), "Amina");
    }

    #[test]
    fn a_header_without_phone_is_refused() {
        assert!(read_import("number,alias\n1,2\n".as_bytes(), "MY").is_err());
    }
}
