/// Assembles UTF-8 bytes from the terminal into Unicode scalars, one byte at a time.
///
/// Invalid input never swallows the bytes after it: a byte that cannot continue a character ends
/// the broken one (reported as ``Step/invalid(_:)``) and is then read afresh. Overlong forms,
/// surrogates and values above U+10FFFF are invalid.
struct UTF8Assembler: Hashable, Sendable {
    /// What one byte gave.
    enum Step: Hashable, Sendable {
        /// More bytes are needed.
        case pending
        case scalar(UInt32)
        /// These bytes are no character.
        case invalid([UInt8])
    }

    private var bytes: [UInt8] = []
    private var remaining = 0

    /// Whether a character has begun and not ended.
    var isPending: Bool { remaining > 0 }

    /// Reads one byte. When it breaks a character in progress, the result holds the broken bytes
    /// first and then what the byte itself gives.
    mutating func feed(_ byte: UInt8) -> [Step] {
        if remaining > 0 {
            guard byte & 0xC0 == 0x80 else { return [abandon()] + feed(byte) }
            bytes.append(byte)
            remaining -= 1
            return remaining == 0 ? [finish()] : [.pending]
        }
        switch byte {
        case 0x00...0x7F: return [.scalar(UInt32(byte))]
        case 0xC2...0xDF: remaining = 1
        case 0xE0...0xEF: remaining = 2
        case 0xF0...0xF4: remaining = 3
        default: return [.invalid([byte])]
        }
        bytes = [byte]
        return [.pending]
    }

    /// Ends a character in progress (nothing more came): its bytes are invalid.
    mutating func abandon() -> Step {
        defer { (bytes, remaining) = ([], 0) }
        return .invalid(bytes)
    }

    private mutating func finish() -> Step {
        defer { bytes = [] }
        let leadBits = [0, 0x1F, 0x0F, 0x07][bytes.count - 1]
        var value = UInt32(bytes[0]) & UInt32(leadBits)
        for byte in bytes.dropFirst() { value = value << 6 | UInt32(byte & 0x3F) }
        let smallest: UInt32 = [0, 0x80, 0x800, 0x10000][bytes.count - 1]
        guard value >= smallest, Unicode.Scalar(value) != nil else { return .invalid(bytes) }
        return .scalar(value)
    }
}
