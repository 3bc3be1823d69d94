//! Keys sent the same way to the desk's [`lunxun::tui::App`] (as key events) and to the
//! real desk in a pseudo-terminal (as the bytes a terminal sends).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Something that takes keys: implement [`Keys::key`], get the rest.
pub trait Keys {
    fn key(&mut self, key: KeyEvent);

    fn press(&mut self, code: KeyCode) {
        self.key(KeyEvent::new(code, KeyModifiers::NONE));
    }

    fn ctrl(&mut self, c: char) {
        self.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    }

    /// Each character of `text` as its own key.
    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.press(KeyCode::Char(c));
        }
    }
}

pub fn press(target: &mut impl Keys, code: KeyCode) {
    target.press(code);
}

pub fn ctrl(target: &mut impl Keys, c: char) {
    target.ctrl(c);
}

pub fn type_text(target: &mut impl Keys, text: &str) {
    target.type_text(text);
}

/// The bytes an xterm sends for `key`.
pub fn terminal_bytes(key: KeyEvent) -> Vec<u8> {
    let text = match key.code {
        KeyCode::Char(c) if key.modifiers.contains(KeyModifiers::CONTROL) => {
            assert!(c.is_ascii_alphabetic(), "Ctrl-{c} has no byte of its own");
            return vec![c.to_ascii_lowercase() as u8 & 0x1f];
        }
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "\r".into(),
        KeyCode::Tab => "\t".into(),
        KeyCode::Backspace => "\x7f".into(),
        KeyCode::Esc => "\x1b".into(),
        KeyCode::Up => "\x1b[A".into(),
        KeyCode::Down => "\x1b[B".into(),
        KeyCode::Right => "\x1b[C".into(),
        KeyCode::Left => "\x1b[D".into(),
        KeyCode::F(n @ 1..=12) => {
            let code = [11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 23, 24][usize::from(n - 1)];
            format!("\x1b[{code}~")
        }
        other => panic!("no terminal bytes for {other:?} in the tests"),
    };
    text.into_bytes()
}
