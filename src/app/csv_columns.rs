//! Reading numeric columns out of a CSV file by their header names, with
//! errors that name the file, row and column.

use std::path::Path;

/// The named columns of a CSV file as numbers, in file order.
pub fn numeric_columns(path: &Path, names: &[&str]) -> anyhow::Result<Vec<Vec<f64>>> {
    let file = path.display();
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_path(path)
        .map_err(|e| anyhow::anyhow!("cannot read {file}: {e}"))?;
    let headers = reader
        .headers()
        .map_err(|e| anyhow::anyhow!("{file}: {e}"))?
        .clone();
    let indices = names
        .iter()
        .map(|name| {
            headers.iter().position(|h| h == *name).ok_or_else(|| {
                let known: Vec<&str> = headers.iter().collect();
                anyhow::anyhow!(
                    "{file}: there is no column `{name}` (the header has: {})",
                    known.join(", ")
                )
            })
        })
        .collect::<anyhow::Result<Vec<usize>>>()?;
    let mut columns = vec![Vec::new(); names.len()];
    for (i, record) in reader.records().enumerate() {
        // Row 1 is the header.
        let row = i + 2;
        let record = record.map_err(|e| anyhow::anyhow!("{file}:{row}: {e}"))?;
        for (column, (&index, name)) in columns.iter_mut().zip(indices.iter().zip(names)) {
            let cell = record.get(index).unwrap_or("");
            column.push(number(cell, (&file, row, index), name)?);
        }
    }
    Ok(columns)
}

/// Every column of a CSV file as numbers: the header's names and one row
/// per record. A cell that is not a number is refused with its place.
pub fn numeric_table(path: &Path) -> anyhow::Result<(Vec<String>, Vec<Vec<f64>>)> {
    let file = path.display();
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_path(path)
        .map_err(|e| anyhow::anyhow!("cannot read {file}: {e}"))?;
    let names: Vec<String> = reader
        .headers()
        .map_err(|e| anyhow::anyhow!("{file}: {e}"))?
        .iter()
        .map(str::to_owned)
        .collect();
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let row = i + 2;
        let record = record.map_err(|e| anyhow::anyhow!("{file}:{row}: {e}"))?;
        let values = record
            .iter()
            .zip(&names)
            .enumerate()
            .map(|(index, (cell, name))| number(cell, (&file, row, index), name))
            .collect::<anyhow::Result<Vec<f64>>>()?;
        rows.push(values);
    }
    Ok((names, rows))
}

/// A cell as a finite number, or a refusal that says where it is.
fn number(
    cell: &str,
    (file, row, index): (&dyn std::fmt::Display, usize, usize),
    name: &str,
) -> anyhow::Result<f64> {
    cell.parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(|| {
            anyhow::anyhow!(
                "{file}:{row}:{}: `{cell}` in column `{name}` is not a number",
                index + 1
            )
        })
}
