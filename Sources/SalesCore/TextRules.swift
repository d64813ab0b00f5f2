/// What a text field may hold (docs/api.md §1 "text"). Strings are stored exactly as sent or
/// refused: no layer may truncate or rewrite them, so characters that some layer could
/// (NUL ends a C string) or that no business text needs are refused with 422.
///
/// - Lengths count Unicode scalars (code points), not grapheme clusters: "a" followed by
///   300,000 combining accents is one grapheme but 300,001 scalars, and it is the scalars
///   that take the space.
/// - Control characters are refused: C0 (U+0000–U+001F) except tab, line feed and carriage
///   return, DEL (U+007F) and C1 (U+0080–U+009F).
public enum TextRules {
    public enum Problem: Equatable, Sendable {
        case tooLong(max: Int)
        case controlCharacter(scalar: UInt32)
    }

    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00...0x1F, 0x7F...0x9F: return false
        default: return true
        }
    }

    /// The first thing wrong with `text` for a field of at most `maxLength` scalars, or nil.
    public static func problem(_ text: String, maxLength: Int) -> Problem? {
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            if count > maxLength { return .tooLong(max: maxLength) }
            if !isAllowed(scalar) { return .controlCharacter(scalar: scalar.value) }
        }
        return nil
    }

    /// The length a limit counts: Unicode scalars.
    public static func length(_ text: String) -> Int { text.unicodeScalars.count }
}
