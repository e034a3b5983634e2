//! Reading the PIN and notes from standard input without leaving copies behind.
//!
//! Standard input is read through a duplicate of its file descriptor, unbuffered, instead of the
//! shared reader that would keep what it read in its buffer; each line goes into a buffer that
//! is wiped when dropped and, when it must grow, is copied into a larger one and wiped.

use std::fs::File;
use std::io::{ErrorKind, Read};

use zeroize::{Zeroize, Zeroizing};

use crate::Failure;

/// Standard input, read without a buffer of its own.
#[derive(Debug)]
pub struct SecretInput(File);

impl SecretInput {
    /// This process's standard input.
    pub fn stdin() -> Result<Self, Failure> {
        #[cfg(unix)]
        let handle = std::os::fd::AsFd::as_fd(&std::io::stdin()).try_clone_to_owned();
        #[cfg(windows)]
        let handle =
            std::os::windows::io::AsHandle::as_handle(&std::io::stdin()).try_clone_to_owned();
        handle
            .map(|h| Self(File::from(h)))
            .map_err(|e| Failure::Input(format!("cannot read standard input: {}", e.kind())))
    }

    /// The next line, without its line ending.
    pub fn line(&mut self) -> Result<Zeroizing<Vec<u8>>, Failure> {
        let mut line = Zeroizing::new(Vec::new());
        let mut byte = [0u8; 1];
        while self.read(&mut byte)? == 1 && byte[0] != b'\n' {
            push(&mut line, &byte);
        }
        byte.zeroize();
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        Ok(line)
    }

    /// Everything left.
    pub fn rest(&mut self) -> Result<Zeroizing<Vec<u8>>, Failure> {
        let mut all = Zeroizing::new(Vec::new());
        let mut chunk = Zeroizing::new([0u8; 4096]);
        loop {
            let n = self.read(&mut chunk[..])?;
            if n == 0 {
                return Ok(all);
            }
            push(&mut all, &chunk[..n]);
        }
    }

    fn read(&mut self, into: &mut [u8]) -> Result<usize, Failure> {
        loop {
            match self.0.read(into) {
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                read => {
                    return read.map_err(|e| {
                        Failure::Input(format!("cannot read standard input: {}", e.kind()))
                    });
                }
            }
        }
    }
}

/// Appends `bytes`; when `buffer` must grow, it moves to a larger one and the old one is wiped.
fn push(buffer: &mut Zeroizing<Vec<u8>>, bytes: &[u8]) {
    let needed = buffer.len() + bytes.len();
    if needed > buffer.capacity() {
        let mut larger = Zeroizing::new(Vec::with_capacity(
            needed.max(buffer.capacity() * 2).max(64),
        ));
        larger.extend_from_slice(buffer);
        *buffer = larger;
    }
    buffer.extend_from_slice(bytes);
}

/// `bytes` as text, or bad input naming `what`.
pub fn text<'a>(bytes: &'a [u8], what: &str) -> Result<&'a str, Failure> {
    std::str::from_utf8(bytes)
        .map_err(|_| Failure::Input(format!("{what} is not valid UTF-8 text")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growing_keeps_everything_in_order() {
        let mut buffer = Zeroizing::new(Vec::new());
        for i in 0..1_000u32 {
            push(&mut buffer, &i.to_le_bytes());
        }
        assert_eq!(buffer.len(), 4_000);
        assert_eq!(&buffer[3_996..], &999u32.to_le_bytes());
    }
}
