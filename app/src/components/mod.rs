pub mod header;
pub mod lang_toggle;
