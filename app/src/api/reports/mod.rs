//! Periodic reports (E-1): a unit's report for a period and the Department's compiled one.

mod get_reports;
mod save_department_report;
mod save_unit_report;

pub use get_reports::*;
pub use save_department_report::*;
pub use save_unit_report::*;
