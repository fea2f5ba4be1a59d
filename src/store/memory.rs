//! Storage in memory, for native tests: a handle that can be cloned (the test keeps one, the app
//! another) and told to fail as browsers do when their quota is reached — every new value refused
//! (full), or refused after a number of values stored (filling up mid-import). As in browsers,
//! taking a value out always works. Blocked storage is `Store::open(None)`; a damaged value is
//! one `put` in directly.

use super::storage::Storage;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Why the browser refuses a write, as `local.rs` words it.
pub const FULL: &str = "the browser's storage for this site is full";

#[derive(Debug, Default)]
struct Inner {
    values: BTreeMap<String, String>,
    /// Every `set` is refused (removals still work), as a full storage does.
    full: bool,
    /// Values that may still be stored before every later one is refused.
    writes_left: Option<usize>,
    /// Writes that succeeded.
    writes: usize,
}

/// An in-memory storage; clones share the same values.
#[derive(Debug, Clone, Default)]
pub struct Memory(Rc<RefCell<Inner>>);

impl Memory {
    pub fn new() -> Memory {
        Memory::default()
    }

    /// The storage as a box for `Store::open`, sharing this handle's values.
    pub fn boxed(&self) -> Box<dyn Storage> {
        Box::new(self.clone())
    }

    /// Full (quota exceeded): every write of a value is refused until `set_full(false)`.
    pub fn set_full(&self, full: bool) {
        self.0.borrow_mut().full = full;
    }

    /// After `n` more values stored, every later one is refused (`None`: never).
    pub fn fail_after(&self, n: Option<usize>) {
        self.0.borrow_mut().writes_left = n;
    }

    /// Puts a value in directly (a damaged one, another tab's write), bypassing any failure.
    pub fn put(&self, key: &str, value: &str) {
        self.0.borrow_mut().values.insert(key.to_string(), value.to_string());
    }

    /// Takes a value out directly, bypassing any failure.
    pub fn take(&self, key: &str) -> Option<String> {
        self.0.borrow_mut().values.remove(key)
    }

    /// Every key and value, in key order.
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.0.borrow().values.clone()
    }

    /// Writes that succeeded so far.
    pub fn writes(&self) -> usize {
        self.0.borrow().writes
    }

    fn allow(&self) -> Result<(), String> {
        let mut inner = self.0.borrow_mut();
        match inner.writes_left {
            Some(0) => Err(FULL.into()),
            Some(n) => {
                inner.writes_left = Some(n - 1);
                Ok(())
            }
            None => Ok(()),
        }
    }
}

impl Storage for Memory {
    fn get(&self, key: &str) -> Option<String> {
        self.0.borrow().values.get(key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        if self.0.borrow().full {
            return Err(FULL.into());
        }
        self.allow()?;
        let mut inner = self.0.borrow_mut();
        inner.values.insert(key.to_string(), value.to_string());
        inner.writes += 1;
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), String> {
        let mut inner = self.0.borrow_mut();
        inner.values.remove(key);
        inner.writes += 1;
        Ok(())
    }

    fn keys(&self) -> Vec<String> {
        self.0.borrow().values.keys().cloned().collect()
    }
}
