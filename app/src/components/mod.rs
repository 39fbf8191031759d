pub mod checked_form;
pub mod header;
pub mod lang_toggle;
pub mod live;
pub mod loaded;
pub mod table;
pub mod year_filter;
