//! Excel workbooks (`.xlsx`, `.xlsm`): values only (being written).

use super::{Grid, SheetError};

/// Every sheet of a workbook, in the workbook's order.
pub fn read_workbook(_bytes: &[u8]) -> Result<Vec<Grid>, SheetError> {
    Err(SheetError::NotSpreadsheet("未対応".to_string()))
}
