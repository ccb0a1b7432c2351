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

/// Read an import CSV: a header with `phone`, optional `alias` and `language`. Valid rows are returned;
/// invalid ones are reported by line and skipped.
pub fn read_import(
    input: impl Read,
    region: &str,
) -> Result<(Vec<ImportRow>, Vec<RowError>), CsvError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(input);
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
        CsvError::Format("the header has no `phone` column (expected: phone,alias,language)".into())
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
        let raw = record.get(phone_col).unwrap_or("");
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
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_string);
        if let Some(a) = &alias {
            if a.chars().count() > 20 {
                errors.push(RowError {
                    line,
                    reason: "alias: longer than 20 characters".into(),
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
    fn a_header_without_phone_is_refused() {
        assert!(read_import("number,alias\n1,2\n".as_bytes(), "MY").is_err());
    }
}
